/**
 * Where the library keeps its index: electron-store in the app (the main
 * process passes one in), a JSON file for the browser bridge and the CLI, and
 * memory in tests. Synchronous, like electron-store.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempPathFor } from './atomic-write';

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function createMemoryKeyValueStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial));
  return {
    get: (key) => (data.has(key) ? JSON.parse(JSON.stringify(data.get(key))) : undefined),
    set: (key, value) => void data.set(key, JSON.parse(JSON.stringify(value))),
  };
}

/** One JSON file, replaced atomically on every write. A damaged file reads as empty (the library rebuilds its index from the scan files). */
export function createJsonFileKeyValueStore(path: string): KeyValueStore {
  const read = (): Record<string, unknown> => {
    try {
      const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  return {
    get: (key) => read()[key],
    set(key, value) {
      const next = { ...read(), [key]: value };
      mkdirSync(dirname(path), { recursive: true });
      const temporary = tempPathFor(path);
      try {
        const fd = openSync(temporary, 'w', 0o600);
        try {
          writeSync(fd, JSON.stringify(next));
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, path);
      } catch (error) {
        try {
          unlinkSync(temporary);
        } catch {
          // already gone
        }
        throw error;
      }
    },
  };
}
