/**
 * Result files the user keeps or shares (0644), written like the library's own
 * files: temporary file, fsync, rename. A crash or a full disk mid-write leaves
 * the old file (or none), never half a file, and no temporary file behind.
 */
import { writeFileAtomic as writeDurably } from '../host/library/atomic-write';
import { nodeLibraryFs } from '../host/library/library-fs';

export function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  return writeDurably(nodeLibraryFs, path, content, 0o644);
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
