/**
 * The `forewarn` command line: one table of commands, each a module. It drives
 * the same engine as the desktop app, with no window.
 */
import { ENGINE_VERSION } from '../engine/version';
import { analyzeCommand, ANALYZE_USAGE } from './commands/analyze';
import { scanCommand, SCAN_USAGE } from './commands/scan';
import { diffCommand, DIFF_USAGE } from './commands/diff';
import { exportCsvCommand, EXPORT_CSV_USAGE } from './commands/export-csv';
import { reportCommand, REPORT_USAGE } from './commands/report';
import { EXIT, UsageError } from './output';

interface Command {
  summary: string;
  usage: string;
  run?: (argv: string[]) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  scan: { summary: 'sweep targets, identify devices and read their health', usage: SCAN_USAGE, run: scanCommand },
  analyze: { summary: 'analyse SNMP walk files (.snmprec, snmpwalk -On) offline', usage: ANALYZE_USAGE, run: analyzeCommand },
  report: { summary: 'render a PDF report from a saved scan', usage: REPORT_USAGE, run: reportCommand },
  diff: { summary: 'compare two scans of a site ("since last visit")', usage: DIFF_USAGE, run: diffCommand },
  'export-csv': { summary: 'export the inventory and findings as CSV', usage: EXPORT_CSV_USAGE, run: exportCsvCommand },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(
    ([name, c]) => `  ${name.padEnd(width)}  ${c.summary}${c.run ? '' : ' (not available in this version yet)'}`,
  );
  return `Forewarn ${ENGINE_VERSION}: LAN assessment, topology and predictive hardware health.

Usage: forewarn <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help     show help (also: forewarn <command> --help)
  -v, --version  print the version

Examples:
  forewarn scan 192.168.1.0/24 --community public --json office.json
  forewarn scan --quick
  forewarn analyze switch.snmprec --json switch.json
`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${ENGINE_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`forewarn: unknown command "${name}". Run "forewarn --help" for the list.\n`);
    return EXIT.usage;
  }
  if (!command.run) {
    process.stderr.write(`forewarn ${name}: not available in this version yet.\n${command.usage}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const usage = error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    process.stderr.write(`forewarn ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    if (usage) process.stderr.write(`Run "forewarn ${name} --help" for usage.\n`);
    return usage ? EXIT.usage : EXIT.failure;
  }
}
