/**
 * Where the report's font files are. Kept apart from fonts.ts, which loads
 * the PDF engine: the app's main thread only needs the folder's path, to hand
 * it to the worker thread that renders reports.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

/**
 * Sources (electron/report), the CLI bundle (dist-cli) and the app bundle
 * (dist-electron, or resources/ when packaged). In the packaged app the fonts
 * are unpacked beside the asar archive (electron-builder.yml: asarUnpack), so
 * that path is a real folder any thread or process can read.
 */
export function findFontDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.FOREWARN_FONT_DIR,
    join(here, '..', '..', 'resources', 'fonts'),
    join(here, '..', 'resources', 'fonts'),
    resourcesPath ? join(resourcesPath, 'fonts') : undefined,
  ].filter((c): c is string => Boolean(c));
  const dir = candidates.find((d) => existsSync(join(d, FONT_FILES.regular)) && existsSync(join(d, FONT_FILES.bold))) ?? null;
  return dir && dir.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
