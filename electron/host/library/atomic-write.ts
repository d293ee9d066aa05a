/**
 * Atomic file replacement: write a temporary file beside the target, fsync it,
 * rename it over the target, fsync the folder. A crash or a full disk at any
 * point leaves either the old file or the new one, never half of either.
 */
import { basename, dirname, join } from 'node:path';
import { AssessmentError } from '../../../shared/assessment/errors';
import { errorCode, type LibraryFs } from './library-fs';

export const TEMP_SUFFIX = '.tmp';
let counter = 0;

export function tempPathFor(path: string): string {
  counter = (counter + 1) % 1_000_000;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter}${TEMP_SUFFIX}`);
}

/** `mode`: 0600 for the library's own files; exported files the user shares get 0644. */
export async function writeFileAtomic(fs: LibraryFs, path: string, data: Uint8Array | string, mode = 0o600): Promise<void> {
  const temporary = tempPathFor(path);
  try {
    const file = await fs.open(temporary, 'w', mode);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.unlink(temporary).catch(() => {});
    throw asWriteError(error, path);
  }
  await syncFolder(fs, dirname(path));
}

/** Makes the rename itself durable; some platforms cannot open a folder, which is fine. */
async function syncFolder(fs: LibraryFs, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort only.
  }
}

export function asWriteError(error: unknown, path: string): Error {
  if (error instanceof AssessmentError) return error;
  const code = errorCode(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AssessmentError('disk-full', `The disk is full: ${basename(path)} could not be saved. Free some space and try again; nothing already saved was changed.`);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new AssessmentError('io', `${basename(path)} could not be saved (${code ?? reason}). Nothing already saved was changed.`);
}
