/**
 * Scan-document migrations: a chain of pure steps, MIGRATIONS[n] turning a
 * schemaVersion n document into n + 1, applied until the current version, then
 * validated. Version 1 is the first published schema, so the chain is empty
 * today; the framework is exercised by tests with a synthetic version 0.
 */
import { z } from 'zod';
import { MAX_LIST } from '../schema-bounds';
import { DeviceSchema, ScanDocumentSchema, SCAN_SCHEMA_VERSION, type ScanDocument } from '../scan-document';
import { AssessmentError } from './errors';

export type JsonObject = Record<string, unknown>;
/** Upgrades a document of version n to n + 1; must set `schemaVersion` to n + 1. */
export type Migration = (document: JsonObject) => JsonObject;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export interface MigrateOptions {
  migrations?: Readonly<Record<number, Migration>>;
  currentVersion?: number;
  /** Validates the result; the current scan-document schema unless a test injects another. */
  validate?: (value: unknown) => ScanDocument;
}

export interface MigrationResult {
  document: ScanDocument;
  fromVersion: number;
  migrated: boolean;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document without its devices, which are checked one by one. */
const DocumentShellSchema = ScanDocumentSchema.extend({ devices: z.array(z.unknown()).max(MAX_LIST) });

/** Devices with problems after which validation stops: the message shows three, the rest would cost time and memory for nothing. */
const MAX_INVALID_DEVICES = 3;

/**
 * The current schema, device by device: a file with tens of thousands of bad
 * devices is refused after the third, instead of collecting millions of issues
 * (45,000 such devices took 1.5 s and 670 MB in one parse).
 */
function validateStoppingEarly(value: unknown): ScanDocument {
  const shell = DocumentShellSchema.parse(value);
  const devices: ScanDocument['devices'] = [];
  const issues: z.core.$ZodIssue[] = [];
  for (let i = 0; i < shell.devices.length && issues.length < MAX_INVALID_DEVICES; i++) {
    const parsed = DeviceSchema.safeParse(shell.devices[i]);
    if (parsed.success) devices.push(parsed.data);
    else issues.push({ ...parsed.error.issues[0]!, path: ['devices', i, ...parsed.error.issues[0]!.path] });
  }
  if (issues.length > 0) throw new z.ZodError(issues);
  return { ...shell, devices };
}

/** A Forewarn scan document of any version says so in `generator.name`. */
export function looksLikeScanDocument(value: unknown): value is JsonObject {
  return isObject(value) && isObject(value.generator) && value.generator.name === 'forewarn' && 'schemaVersion' in value;
}

export function migrateScanDocument(raw: unknown, options: MigrateOptions = {}): MigrationResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const current = options.currentVersion ?? SCAN_SCHEMA_VERSION;
  const validate = options.validate ?? validateStoppingEarly;
  if (!looksLikeScanDocument(raw)) throw new AssessmentError('foreign', 'This is not a Forewarn scan: it has no Forewarn scan document inside.');
  const fromVersion = raw.schemaVersion;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0) {
    throw new AssessmentError('invalid', `This scan has an unreadable schema version (${String(fromVersion)}).`);
  }
  if (fromVersion > current) {
    throw new AssessmentError('newer-version', `This scan was saved by a newer Forewarn (scan format ${fromVersion}; this version reads up to ${current}). Update Forewarn to open it.`);
  }
  // Steps may mutate their copy freely: a JSON round trip, only when a step will run (a current-version
  // document goes straight to validation, which builds a fresh object anyway; no copy of a large scan for nothing).
  let document = fromVersion < current ? (JSON.parse(JSON.stringify(raw)) as JsonObject) : raw;
  for (let version = fromVersion; version < current; version++) {
    const step = migrations[version];
    if (!step) throw new AssessmentError('invalid', `Scan format ${fromVersion} cannot be upgraded: no migration from version ${version}.`);
    document = step(document);
    if (document.schemaVersion !== version + 1) throw new Error(`migration from version ${version} did not set schemaVersion ${version + 1}`);
  }
  try {
    return { document: validate(document), fromVersion, migrated: fromVersion !== current };
  } catch (error) {
    const detail = describeValidationError(error);
    throw new AssessmentError('invalid', `This scan file is damaged or incomplete: ${detail}.`);
  }
}

function describeValidationError(error: unknown): string {
  const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
  if (!Array.isArray(issues) || issues.length === 0) return error instanceof Error ? error.message : String(error);
  const shown = issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  return `${shown.join('; ')}${issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : ''}`;
}
