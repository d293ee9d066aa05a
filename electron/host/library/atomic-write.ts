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
    await renameRetryingLocks(fs, temporary, path);
  } catch (error) {
    await fs.unlink(temporary).catch(() => {});
    throw asWriteError(error, path);
  }
  await syncFolder(fs, dirname(path));
}

/**
 * On Windows an antivirus scanner or the indexer briefly holds the target open
 * after every write, and rename fails with EPERM, EACCES or EBUSY: that lock is
 * gone a moment later, so wait and try again (50 ms, doubling, about 1.5 s in all).
 */
const LOCKED = new Set(['EPERM', 'EACCES', 'EBUSY']);
export const RENAME_RETRY_DELAYS_MS = [50, 100, 200, 400, 800] as const;

async function renameRetryingLocks(fs: LibraryFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const delay = RENAME_RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !LOCKED.has(errorCode(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
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
  const meaning = code ? WRITE_ERROR_MEANINGS[code] : undefined;
  return new AssessmentError('io', `${basename(path)} could not be saved in ${dirname(path)} (${code ?? reason}${meaning ? `: ${meaning}` : ''}). Nothing already saved was changed.`);
}

/** What the usual write failures mean to someone who did not write the code. */
const WRITE_ERROR_MEANINGS: Record<string, string> = {
  EACCES: 'permission denied, or the file is held by another program such as an antivirus scanner',
  EPERM: 'not permitted, or the file is held by another program such as an antivirus scanner',
  EBUSY: 'the file is in use by another program',
  EROFS: 'the disk is read-only',
  ENOTDIR: 'a folder on the way is missing or is a file',
  ENOENT: 'the folder no longer exists (a removed drive?)',
  EIO: 'the disk reported a hardware error',
};
