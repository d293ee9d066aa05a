/**
 * `forewarn analyze FILE... --json OUT`: identification (and, as it grows,
 * health) from SNMP walk files a client's admin sent, with no network at all.
 */
import { parseArgs } from 'node:util';
import { analyzeWalkFiles } from '../../engine/analyze/analyze-walk-files';
import { renderDeviceTable } from '../device-table';
import { EXIT, processOutput, UsageError } from '../output';
import { exitForFindings, FAIL_ON_HELP, parseFailOn } from '../fail-on';
import { jsonToStdout, withJsonDefault, writeJson } from '../json-flag';

export const ANALYZE_USAGE = `Usage: forewarn analyze FILE... [--json [OUT|-]] [--quick]

FILE is an snmpsim recording (.snmprec) or the output of \`snmpwalk -On\` (plain or .gz).
Each file becomes one device record, exactly as a live scan of that agent would produce.

Options:
  --json [OUT|-]          write the scan document (same schema as \`forewarn scan --json\`); "-" or
                          no OUT prints it on stdout instead of the table
  --quick                 identification from the system group only
${FAIL_ON_HELP}
`;

export async function analyzeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: withJsonDefault(argv),
    allowPositionals: true,
    options: {
      json: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    processOutput().out(ANALYZE_USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('give at least one walk file.');
  const failOn = parseFailOn(values['fail-on']);
  const output = processOutput();
  const { document, problems } = await analyzeWalkFiles(positionals, { quick: values.quick });
  for (const problem of problems) output.err(`${problem}\n`);
  if (!jsonToStdout(values.json)) output.out(renderDeviceTable(document.devices));
  if (values.json) await writeJson(values.json, document, output);
  if (document.devices.length !== positionals.length) return EXIT.failure;
  return exitForFindings(document.devices, failOn, output);
}
