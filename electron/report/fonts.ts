/**
 * Embedded fonts: DejaVu Sans (Bitstream Vera licence, resources/fonts) so the
 * PDF looks the same everywhere and its text stays selectable and searchable
 * (subset, with a Unicode map). If the font files cannot be found, the report
 * falls back to the PDF standard Helvetica and says so in its methodology section.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Font } from '@react-pdf/renderer';

export interface ReportFonts {
  family: string;
  embedded: boolean;
}

const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

/** Sources (electron/report), the CLI bundle (dist-cli) and the app bundle (dist-electron, or resources/ when packaged). */
function findFontDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.FOREWARN_FONT_DIR,
    join(here, '..', '..', 'resources', 'fonts'),
    join(here, '..', 'resources', 'fonts'),
    resourcesPath ? join(resourcesPath, 'fonts') : undefined,
  ].filter((c): c is string => Boolean(c));
  return candidates.find((dir) => existsSync(join(dir, FILES.regular)) && existsSync(join(dir, FILES.bold))) ?? null;
}

let registered: ReportFonts | null = null;

export function registerReportFonts(): ReportFonts {
  if (registered) return registered;
  // Never hyphenate: device names, serials and addresses must stay whole.
  Font.registerHyphenationCallback((word) => [word]);
  const dir = findFontDir();
  if (!dir) {
    registered = { family: 'Helvetica', embedded: false };
    return registered;
  }
  Font.register({
    family: 'DejaVu Sans',
    fonts: [
      { src: join(dir, FILES.regular), fontWeight: 'normal' },
      { src: join(dir, FILES.bold), fontWeight: 'bold' },
    ],
  });
  registered = { family: 'DejaVu Sans', embedded: true };
  return registered;
}
