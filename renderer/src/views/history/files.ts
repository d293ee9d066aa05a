/**
 * Files in and out of the Saved scans screen. In the desktop app the main side
 * writes exports where the user chose (a save dialog); behind the browser
 * bridge the bytes come back as base64 and the browser downloads them.
 */
import { downloadBlob } from '../../download';
import type { ProducedFile } from '../../../../shared/ipc-contract';
import { LIBRARY_LIMITS } from '../../../../shared/assessment/library-types';

/** Decodes base64 to bytes (atob yields a binary string, one character per byte). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Encodes in 32 KB chunks: String.fromCharCode(...all) overflows the stack on large files. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export type Delivery = { kind: 'saved'; path: string } | { kind: 'downloaded'; fileName: string } | { kind: 'cancelled' };

/** What happened to a produced file, as the user should hear it. */
export function deliveryMessage(what: string, delivery: Delivery): string {
  switch (delivery.kind) {
    case 'saved':
      return `${what} saved to ${delivery.path}.`;
    case 'downloaded':
      return `${what} downloaded as ${delivery.fileName} (see the browser's downloads).`;
    case 'cancelled':
      return `${what} not saved: the save dialog was cancelled.`;
  }
}

/** Classifies a produced file; the download itself is `deliverProducedFile` (DOM). */
export function deliveryOf(file: ProducedFile): Delivery {
  if (file.path) return { kind: 'saved', path: file.path };
  if (file.dataBase64 !== undefined) return { kind: 'downloaded', fileName: file.fileName };
  return { kind: 'cancelled' };
}

const MIME_TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.csv': 'text/csv', '.json': 'application/json', '.forewarn': 'application/octet-stream',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.zip': 'application/zip' };

export function mimeTypeOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot >= 0 && MIME_TYPES[fileName.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/** Hands a produced file to the user: saved by the host already, or downloaded here (behind the browser bridge). */
export function deliverProducedFile(file: ProducedFile): Delivery {
  const delivery = deliveryOf(file);
  if (delivery.kind === 'downloaded' && file.dataBase64 !== undefined) {
    downloadBlob(new Blob([base64ToBytes(file.dataBase64)], { type: mimeTypeOf(file.fileName) }), file.fileName);
  }
  return delivery;
}

/** Largest file the renderer will read for import (the contract allows 256 MB). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export async function readFileAsBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** "office, printer swap" → ['office', 'printer swap']: trimmed, no empties, no duplicates. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(',')) {
    const tag = raw.trim().slice(0, LIBRARY_LIMITS.tagLength);
    if (tag) seen.add(tag);
  }
  return [...seen].slice(0, LIBRARY_LIMITS.tags);
}
