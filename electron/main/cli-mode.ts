/**
 * The `forewarn` command line inside the installed app, where there is no
 * Node and no checkout: `Forewarn scan 192.168.1.0/24 …` (or `Forewarn --cli
 * …`) runs the same command line as `node electron/cli/bin.mjs`, in the app's
 * own process, with no window, and exits with its code. The Linux packages put
 * the app on the PATH as `forewarn`, so there it reads as in the README.
 */
import { app } from 'electron';
import { COMMAND_NAMES, main } from '../cli/main';

/** The command line's arguments when the app was started as one, else null (a normal start, or a file to open). */
export function cliArgsOf(argv: readonly string[], isPackaged: boolean, commands: readonly string[]): string[] | null {
  // Packaged: the executable, then the arguments. In development: electron, the app folder, then the arguments.
  const args = argv.slice(isPackaged ? 1 : 2);
  if (args[0] === '--cli') return args.slice(1);
  return args[0] !== undefined && commands.includes(args[0]) ? args : null;
}

/** The command line's arguments of this start, decided at once (before any window or lock). */
export function commandLineOfThisStart(): string[] | null {
  return cliArgsOf(process.argv, app.isPackaged, COMMAND_NAMES);
}

/** Runs the command line, then exits with its code. */
export async function runCommandLine(args: string[]): Promise<void> {
  app.dock?.hide();
  const code = await main(args).catch((error: unknown) => {
    process.stderr.write(`forewarn: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  });
  // Flush what the command printed before the process goes.
  process.stdout.write('', () => app.exit(code));
}
