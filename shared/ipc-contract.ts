/**
 * The one IPC contract between the renderer and the main side.
 * Each invoke channel has a zod tuple for its arguments (validated on the main
 * side, never trusted) and a result type. Event channels carry main → renderer
 * pushes. The preload, the browser bridge and the main-side handlers are all
 * thin generic wrappers over this file.
 */
import { z } from 'zod';
import { CredentialProfileSchema, type PublicCredentialProfile } from './credentials';
import { ScanStartRequestSchema } from './scan-request';
import type { ScanEvent } from './scan-events';
import { SettingsPatchSchema, type PublicSettings } from './settings';
import type { EventChannel, InvokeChannel } from './ipc-channels';
import type { Comparison } from './assessment/compare';
import { ScanIdSchema, ScanNameSchema, TagsSchema, type LibraryListing, type ScanIndexEntry } from './assessment/library-types';
import type { ScanDocument } from './scan-document';
import { LayoutUpdateSchema } from './topology/schema';
import { IPV4_ADDRESS, RemoteSessionKindSchema } from './remote-sessions';
import type { MenuCommand } from './menu-commands';
import type { UpdateStatus } from './updates';
import { EXPORT_FORMAT_NAMES } from './exports/formats';

export * from './ipc-channels';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** 'electron' in the desktop app, 'browser' behind the development/test bridge. */
  shell: 'electron' | 'browser';
  /**
   * Where saved SNMP credentials live: sealed by the OS ('encrypted'), or in
   * memory until the app quits because the OS offers no secret store
   * ('session-only'); the UI warns in that case.
   */
  credentialStorage?: 'encrypted' | 'session-only';
  /**
   * What went wrong with the app's own files at start (a damaged file moved
   * aside, credential profiles the keyring could not open): Settings lists them.
   */
  storageProblems?: string[];
}

export const EngineStateSchema = z.enum(['starting', 'ready', 'crashed', 'stopped']);
export interface EngineStatus {
  state: z.infer<typeof EngineStateSchema>;
  /** How many times the engine was restarted after a crash. */
  restarts: number;
  /** Why it last stopped, in words a technician can act on. */
  lastError?: string;
}

/** A file the renderer picked (an `<input type=file>`), sent as base64; 256 MB at most. */
export const ImportFileSchema = z.object({
  fileName: z.string().max(255),
  dataBase64: z.string().max(360_000_000),
});

export const ReportRequestSchema = z.object({
  /** The scan to compare with ("since last visit"); default: the site's previous scan; null: none. */
  previousId: ScanIdSchema.nullable().optional(),
});

/**
 * A file the main side produced. In the app it is written where the user chose
 * (`path`; null when the dialog was cancelled); behind the browser bridge the
 * bytes come back for the browser to download.
 */
export interface ProducedFile {
  fileName: string;
  path: string | null;
  dataBase64?: string;
}

/** A .forewarn file the OS opened the app with: imported into the library, or refused and why. */
export type OpenedFile = { fileName: string; scanId: string; name: string } | { fileName: string; error: string };

/** A scan the library could not save (disk full, file locked): held in memory and retried until it is. */
export interface UnsavedScan {
  scanId: string;
  /** Client · site, else the targets: how the technician knows which scan it is. */
  label: string;
  startedAt: string;
  /** Why the last save failed, in the library's words. */
  message: string;
  /** Failed saves in a row. */
  attempts: number;
  /** When the next automatic retry runs. */
  nextRetryAt: string;
}

export interface OpenedScanResult {
  entry: ScanIndexEntry;
  /** Re-analysed with the current rules and thresholds. */
  document: ScanDocument;
  /** The site's scan before this one, if any. */
  previous: ScanIndexEntry | null;
}

export const invokeChannels = {
  'app:info': z.tuple([]),
  'app:open-external': z.tuple([z.string().url().max(2048)]),
  /** Opens an SSH or remote-desktop session to a device, in the system's own client. */
  'device:connect': z.tuple([RemoteSessionKindSchema, z.string().regex(IPV4_ADDRESS, 'an IPv4 address')]),
  /** The .forewarn files the OS opened the app with since the last call, each imported or refused. */
  'app:take-opened-files': z.tuple([]),
  /** Checks the update feed set in Settings now. */
  'app:check-updates': z.tuple([]),
  'scan:start': z.tuple([ScanStartRequestSchema]),
  'scan:cancel': z.tuple([z.string().min(1).max(64)]),
  'scan:detect-targets': z.tuple([]),
  'settings:get': z.tuple([]),
  'settings:update': z.tuple([SettingsPatchSchema]),
  'credentials:list': z.tuple([]),
  'credentials:save': z.tuple([CredentialProfileSchema]),
  'credentials:delete': z.tuple([z.string().min(1).max(64)]),
  'engine:status': z.tuple([]),
  'library:list': z.tuple([]),
  'library:open': z.tuple([ScanIdSchema]),
  'library:rename': z.tuple([ScanIdSchema, ScanNameSchema]),
  'library:delete': z.tuple([ScanIdSchema]),
  'library:tag': z.tuple([ScanIdSchema, TagsSchema]),
  'library:export': z.tuple([ScanIdSchema]),
  'library:import': z.tuple([ImportFileSchema]),
  'library:compare': z.tuple([ScanIdSchema, ScanIdSchema]),
  'library:set-layout': z.tuple([ScanIdSchema, LayoutUpdateSchema]),
  'report:pdf': z.tuple([ScanIdSchema, ReportRequestSchema.default({})]),
  'report:csv': z.tuple([ScanIdSchema, z.enum(['inventory', 'findings'])]),
  /** The scan document as JSON (the CLI's `--json` format, versioned schema), findings re-checked with the current thresholds. */
  'report:json': z.tuple([ScanIdSchema]),
  /**
   * A scan as another tool's files: an Excel workbook, NetBox's bulk-import ZIP, or IT Glue's or ConnectWise
   * Manage's configuration CSV (shared/exports/formats.ts).
   */
  'report:export': z.tuple([ScanIdSchema, z.enum(EXPORT_FORMAT_NAMES)]),
  'library:unsaved': z.tuple([]),
  'library:retry-save': z.tuple([ScanIdSchema]),
  'library:save-elsewhere': z.tuple([ScanIdSchema]),
} as const satisfies Record<InvokeChannel, z.ZodTuple>;

export interface InvokeResults {
  'app:info': AppInfo;
  'app:open-external': void;
  'device:connect': void;
  'app:take-opened-files': OpenedFile[];
  'app:check-updates': UpdateStatus;
  'scan:start': { scanId: string };
  'scan:cancel': void;
  'scan:detect-targets': string[];
  'settings:get': PublicSettings;
  'settings:update': PublicSettings;
  'credentials:list': PublicCredentialProfile[];
  'credentials:save': PublicCredentialProfile[];
  'credentials:delete': PublicCredentialProfile[];
  'engine:status': EngineStatus;
  'library:list': LibraryListing;
  'library:open': OpenedScanResult;
  'library:rename': ScanIndexEntry;
  'library:delete': void;
  'library:tag': ScanIndexEntry;
  'library:export': ProducedFile;
  'library:import': ScanIndexEntry;
  'library:compare': Comparison;
  'library:set-layout': void;
  'report:pdf': ProducedFile;
  'report:csv': ProducedFile;
  'report:json': ProducedFile;
  'report:export': ProducedFile;
  'library:unsaved': UnsavedScan[];
  /** The scans still unsaved after the attempt. */
  'library:retry-save': UnsavedScan[];
  /** The scan as a .forewarn file wherever the technician chooses (the library keeps retrying). */
  'library:save-elsewhere': ProducedFile;
}

export type InvokeArgs<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]>;
export type InvokeResult<C extends InvokeChannel> = InvokeResults[C];

export interface EventPayloads extends Record<EventChannel, unknown> {
  'scan:event': ScanEvent;
  'engine:status': EngineStatus;
  'library:unsaved': UnsavedScan[];
  'app:menu-command': MenuCommand;
  /** Files were opened (the window takes them with app:take-opened-files). */
  'app:files-opened': null;
}

export type Unsubscribe = () => void;

/**
 * `window.forewarn`: the whole API the renderer may use. Implemented by the
 * Electron preload and by the browser bridge (development and E2E tests).
 */
export interface ForewarnApi {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): Unsubscribe;
}

/** Arguments of a channel after validation (defaults applied). */
export type ValidatedArgs<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]>;

/**
 * The server side of the contract: one function per invoke channel. The same
 * handlers serve Electron's ipcMain and the browser bridge's HTTP endpoint;
 * each transport validates arguments with `invokeChannels` before calling.
 */
export type ApiHandlers = {
  [C in InvokeChannel]: (...args: ValidatedArgs<C>) => Promise<InvokeResult<C>>;
};

/** How the server side pushes events to whichever UI is attached. */
export type ApiEventSink = <E extends EventChannel>(channel: E, payload: EventPayloads[E]) => void;
