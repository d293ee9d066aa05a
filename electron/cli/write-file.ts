/**
 * Result files the user keeps or shares (0644), written like the library's own
 * files: temporary file, fsync, rename. A crash or a full disk mid-write leaves
 * the old file (or none), never half a file, and no temporary file behind.
 */
import { writeFileAtomic as writeDurably } from '../host/library/atomic-write';
import { nodeLibraryFs } from '../host/library/library-fs';
import { escapeUnsafeInJson } from '../../shared/untrusted-text';

export function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  return writeDurably(nodeLibraryFs, path, content, 0o644);
}

/** Pretty JSON that is safe to print on a terminal (see escapeUnsafeInJson). */
export function toJson(value: unknown): string {
  return `${escapeUnsafeInJson(JSON.stringify(value, null, 2))}\n`;
}

/** One NDJSON line, as safe. */
export function toJsonLine(value: unknown): string {
  return `${escapeUnsafeInJson(JSON.stringify(value))}\n`;
}
