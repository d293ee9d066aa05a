/**
 * .forewarn files the operating system hands the app: double-clicked in the
 * file manager (the file association), dropped on the dock icon (macOS
 * 'open-file'), or named on the command line of a first or second launch.
 * Each is imported into the library like the Import button does; the results
 * wait here until the window takes them (app:take-opened-files), so a file
 * opened while the window is still loading is not lost. Plain Node: tested
 * without Electron.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ASSESSMENT_EXTENSION } from '../../shared/assessment/assessment-file';
import type { ScanIndexEntry } from '../../shared/assessment/library-types';
import type { OpenedFile } from '../../shared/ipc-contract';

/** The size the Import button accepts (ImportFileSchema): a larger file is refused before it is read. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The assessment files among a launch's arguments (flags and the executable itself are not). */
export function assessmentFilesIn(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(ASSESSMENT_EXTENSION));
}

export interface OpenedFilesDeps {
  importAssessment: (bytes: Buffer) => Promise<ScanIndexEntry>;
  /** Tells the window there is something to take (its startup call takes what came before). */
  announce: () => void;
}

export interface OpenedFiles {
  open(path: string): Promise<void>;
  /** Every result since the last call, oldest first. */
  take(): OpenedFile[];
}

export function createOpenedFiles(deps: OpenedFilesDeps): OpenedFiles {
  let waiting: OpenedFile[] = [];
  const settle = (result: OpenedFile) => {
    waiting.push(result);
    deps.announce();
  };
  return {
    async open(path) {
      const fileName = basename(path);
      try {
        const { size } = await stat(path);
        if (size > MAX_FILE_BYTES) throw new Error(`it is ${Math.round(size / 1024 / 1024)} MB; assessments up to 256 MB can be opened.`);
        const entry = await deps.importAssessment(await readFile(path));
        settle({ fileName, scanId: entry.id, name: entry.name });
      } catch (error) {
        settle({ fileName, error: error instanceof Error ? error.message : String(error) });
      }
    },
    take() {
      const taken = waiting;
      waiting = [];
      return taken;
    },
  };
}
