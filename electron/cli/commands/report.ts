/**
 * `forewarn report SCAN --pdf OUT.pdf [--previous OLD] [--branding FILE]`:
 * the same PDF the app makes, from a saved scan (.forewarn or scan JSON).
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildReportModel, ReportBrandingSchema, type ReportBrandingInput } from '../../../shared/assessment/report-model';
import { renderReportPdf } from '../../report/render-pdf';
import { EXIT, processOutput, UsageError } from '../output';
import { loadPair } from '../scan-files';
import { writeFileAtomic } from '../write-file';

export const REPORT_USAGE = `Usage: forewarn report SCAN.forewarn|SCAN.json --pdf OUT.pdf [--previous OLD] [--branding FILE]

Renders the assessment report of a saved scan. Findings are re-computed with the current rules.

Options:
  --pdf OUT.pdf      where to write the report
  --previous OLD     an earlier scan of the same site: adds the "Since the last visit" page and trend forecasts
  --branding FILE    JSON: {"companyName", "accentColor": "#rrggbb", "logo": "logo.png", "technician",
                     "currency": "€", "priceList": {"ups-battery-replace": 180, ...}}
`;

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

export async function loadBranding(path: string): Promise<ReportBrandingInput> {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`cannot read the branding file ${path}: ${(error as Error).message}`, { cause: error });
  }
  const { logo, ...rest } = raw;
  if (typeof logo === 'string') {
    const logoPath = resolve(dirname(path), logo);
    const type = IMAGE_TYPES[extname(logoPath).toLowerCase()];
    if (!type) throw new UsageError(`the logo must be a PNG or JPEG file: ${logo}`);
    rest.logoDataUrl = `data:${type};base64,${(await readFile(logoPath)).toString('base64')}`;
  }
  const parsed = ReportBrandingSchema.safeParse(rest);
  if (!parsed.success) throw new UsageError(`the branding file ${path} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The report model; the previous scan is read for it and let go before rendering, which needs the memory. */
async function modelOf(path: string, previousPath: string | undefined, branding: ReportBrandingInput) {
  const { document, previous } = await loadPair(path, previousPath);
  return { model: buildReportModel(document, { branding, previous }), document };
}

export async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      pdf: { type: 'string' },
      previous: { type: 'string' },
      branding: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    processOutput().out(REPORT_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one scan file.');
  if (!values.pdf) throw new UsageError('--pdf OUT.pdf is required.');
  const branding = values.branding ? await loadBranding(values.branding) : {};
  const { model, document } = await modelOf(positionals[0]!, values.previous, branding);
  await writeFileAtomic(values.pdf, await renderReportPdf(model, document));
  processOutput().err(`Report written to ${values.pdf} (${model.atRisk.length} problems on ${model.summary.atRiskDeviceCount} devices, site risk ${Math.round(model.summary.siteRisk)}).\n`);
  return EXIT.ok;
}
