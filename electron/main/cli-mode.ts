/**
 * The `forewarn` command line inside the installed app, where there is no
 * Node and no checkout: `Forewarn scan 192.168.1.0/24 …` (or `Forewarn --cli
 * …`) runs the same command line as `node electron/cli/bin.mjs`, in the app's
 * own process, with no window, and exits with its code. The Linux packages put
 * the app on the PATH as `forewarn`, so there it reads as in the README.
 * Plain Node: main.ts hands in the three things it needs of Electron's `app`.
 */
import { COMMAND_NAMES, main } from '../cli/main';

/** What the command line needs of the app it runs in. */
export interface CommandLineHost {
  isPackaged: boolean;
  /** macOS: no dock icon for a command. */
  hideDock(): void;
  exit(code: number): void;
}

/** The command line's arguments when the app was started as one, else null (a normal start, or a file to open). */
export function cliArgsOf(argv: readonly string[], isPackaged: boolean, commands: readonly string[] = COMMAND_NAMES): string[] | null {
  // Packaged: the executable, then the arguments. In development: electron, the app folder, then the arguments.
  const args = argv.slice(isPackaged ? 1 : 2);
  if (args[0] === '--cli') return args.slice(1);
  return args[0] !== undefined && commands.includes(args[0]) ? args : null;
}

/** Runs the command line, then exits with its code. */
export async function runCommandLine(args: string[], host: CommandLineHost): Promise<void> {
  host.hideDock();
  const code = await main(args).catch((error: unknown) => {
    process.stderr.write(`forewarn: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  });
  // Flush what the command printed before the process goes.
  process.stdout.write('', () => host.exit(code));
}
