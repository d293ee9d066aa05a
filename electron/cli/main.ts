/**
 * The `forewarn` command line: one table of commands, each a module loaded
 * only when it runs (a scan must not pay for the PDF renderer's start-up).
 * It drives the same engine as the desktop app, with no window.
 */
import { ENGINE_VERSION } from '../engine/version';
import { EXIT, processOutput, UsageError } from './output';

// React (inside the PDF renderer) runs its slower development build unless told otherwise.
// Commands load after this line, so they see it.
process.env.NODE_ENV ??= 'production';

type Run = (argv: string[]) => Promise<number>;

interface Command {
  summary: string;
  /** The command and its usage text (shown with --help, and on stderr after a usage error). */
  load(): Promise<{ run: Run; usage: string }>;
}

const COMMANDS: Record<string, Command> = {
  scan: {
    summary: 'sweep targets, identify devices and read their health',
    load: async () => import('./commands/scan').then((m) => ({ run: m.scanCommand, usage: m.SCAN_USAGE })),
  },
  analyze: {
    summary: 'analyse SNMP walk files (.snmprec, snmpwalk -On) offline',
    load: async () => import('./commands/analyze').then((m) => ({ run: m.analyzeCommand, usage: m.ANALYZE_USAGE })),
  },
  report: {
    summary: 'render a PDF report from a saved scan',
    load: async () => import('./commands/report').then((m) => ({ run: m.reportCommand, usage: m.REPORT_USAGE })),
  },
  diff: {
    summary: 'compare two scans of a site ("since last visit")',
    load: async () => import('./commands/diff').then((m) => ({ run: m.diffCommand, usage: m.DIFF_USAGE })),
  },
  export: {
    summary: 'export a scan as an Excel workbook, or as NetBox, IT Glue or ConnectWise import files',
    load: async () => import('./commands/export').then((m) => ({ run: m.exportCommand, usage: m.EXPORT_USAGE })),
  },
  'export-csv': {
    summary: 'export the inventory and findings as CSV',
    load: async () => import('./commands/export-csv').then((m) => ({ run: m.exportCsvCommand, usage: m.EXPORT_CSV_USAGE })),
  },
};

/** The command names: the installed app runs `Forewarn scan …` as this command line (electron/main/cli-mode.ts). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Forewarn ${ENGINE_VERSION}: LAN assessment, topology and predictive hardware health.

Usage: forewarn <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help     show help (also: forewarn <command> --help)
  -v, --version  print the version

Exit codes: 0 done, 1 failed, 2 bad usage, 3 findings at or above --fail-on, 130 cancelled (Ctrl-C).

Examples:
  forewarn scan 192.168.1.0/24 --community public --json office.json
  forewarn scan --quick
  forewarn analyze switch.snmprec --json switch.json
`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const output = processOutput();
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    output.out(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '-v' || name === '--version') {
    output.out(`${ENGINE_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    output.err(`forewarn: unknown command "${name}". Run "forewarn --help" for the list.\n`);
    return EXIT.usage;
  }
  const { run, usage } = await command.load();
  try {
    return await run(rest);
  } catch (error) {
    const usageError = error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    output.err(`forewarn ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    // The usage goes to stderr: stdout stays clean for a script that pipes the table or the JSON.
    if (usageError) output.err(`\n${usage}`);
    return usageError ? EXIT.usage : EXIT.failure;
  }
}
