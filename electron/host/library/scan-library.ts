/**
 * The scan library: every scan of every client and site, kept as one JSON
 * file per scan (replaced atomically on each save) plus a small index in a
 * key-value store. The files are the truth: at start the library reopens any
 * scan still marked `running` as `interrupted`, re-adds files the index lost,
 * and removes temporary files a crash left behind.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { compareInOrder, type Comparison } from '../../../shared/assessment/compare';
import { AssessmentError } from '../../../shared/assessment/errors';
import {
  DEFAULT_SITE,
  groupIndex,
  LibraryIndexSchema,
  ScanIdSchema,
  UNASSIGNED_CLIENT,
  type LibraryIndex,
  type LibraryListing,
  type ScanIndexEntry,
} from '../../../shared/assessment/library-types';
import { reanalyzeDocument, scanTime, siteRiskOf } from '../../../shared/assessment/reanalyze';
import type { ScanDocument } from '../../../shared/scan-document';
import type { TopologyLayout } from '../../../shared/topology/schema';
import { decodeAssessmentBytes, encodeAssessment } from './assessment-codec';
import type { DecodedAssessment } from '../../../shared/assessment/assessment-file';
import { TEMP_SUFFIX, writeFileAtomic } from './atomic-write';
import type { KeyValueStore } from './key-value-store';
import { errorCode, nodeLibraryFs, type LibraryFs } from './library-fs';

export const INDEX_KEY = 'library';

export interface ScanLibraryOptions {
  /** Folder for the scan files (the app's data folder). */
  dir: string;
  index: KeyValueStore;
  fs?: LibraryFs;
  now?: () => Date;
  log?: (level: 'info' | 'warn', message: string) => void;
  /**
   * Decodes an imported file. The app passes one that runs in a worker thread
   * with its own memory limit (decode-off-thread.ts), so a hostile file can
   * neither stall the window nor exhaust the main process; default: in-process.
   */
  decodeImport?: (bytes: Uint8Array) => Promise<DecodedAssessment>;
}

export interface SaveMeta {
  name?: string;
  tags?: string[];
}

export interface OpenOptions {
  /** Current rule overrides from settings; re-analysis always runs with them. */
  thresholds?: Record<string, number>;
}

export interface OpenedScan {
  entry: ScanIndexEntry;
  document: ScanDocument;
}

export class ScanLibrary {
  readonly #dir: string;
  readonly #store: KeyValueStore;
  readonly #fs: LibraryFs;
  readonly #now: () => Date;
  readonly #log: NonNullable<ScanLibraryOptions['log']>;
  readonly #decodeImport: NonNullable<ScanLibraryOptions['decodeImport']>;
  /** Saves of one scan run one after another, so a late progressive save never overwrites the final one. */
  readonly #queues = new Map<string, Promise<unknown>>();
  /**
   * Map pins set in this session, by scan. A running scan is saved from the
   * engine's events, which know nothing of pins: each save carries them over.
   */
  readonly #layouts = new Map<string, TopologyLayout>();
  #cachedIndex: LibraryIndex | null = null;

  private constructor(options: ScanLibraryOptions) {
    this.#dir = options.dir;
    this.#store = options.index;
    this.#fs = options.fs ?? nodeLibraryFs;
    this.#now = options.now ?? (() => new Date());
    this.#log = options.log ?? (() => {});
    this.#decodeImport = options.decodeImport ?? (async (bytes) => decodeAssessmentBytes(bytes));
  }

  /** Opens (creating if needed) the library and recovers from a previous crash. */
  static async open(options: ScanLibraryOptions): Promise<ScanLibrary> {
    const library = new ScanLibrary(options);
    await library.#fs.mkdir(library.#scansDir(), { recursive: true });
    await library.#recover();
    return library;
  }

  list(): LibraryListing {
    return groupIndex(Object.values(this.#index().scans));
  }

  entry(id: string): ScanIndexEntry | undefined {
    return this.#index().scans[id];
  }

  /** Saves (creates or replaces) a scan; called repeatedly while it runs. The index changes only after the file is safely on disk. */
  save(document: ScanDocument, meta: SaveMeta = {}): Promise<ScanIndexEntry> {
    const id = ScanIdSchema.parse(document.scan.id);
    return this.#serial(id, async () => {
      const layout = document.layout ?? this.#layouts.get(id);
      await writeFileAtomic(this.#fs, this.#pathOf(id), JSON.stringify(layout ? { ...document, layout } : document));
      return this.#updateIndex(id, document, meta);
    });
  }

  /** Saves the map positions the technician pinned, with the scan (also while it still runs). */
  async setLayout(id: string, layout: TopologyLayout): Promise<void> {
    this.#require(id);
    await this.#serial(id, async () => {
      const document = await this.#readScanFile(id);
      this.#layouts.set(id, layout);
      await writeFileAtomic(this.#fs, this.#pathOf(id), JSON.stringify({ ...document, layout }));
    });
  }

  /** The stored document as scanned. */
  async load(id: string): Promise<ScanDocument> {
    this.#require(id);
    return this.#readScanFile(id);
  }

  /**
   * Opens a scan for viewing: its stored readings re-analysed with today's
   * rules and thresholds, with the site's earlier scans feeding the trend forecasts.
   */
  async open(id: string, options: OpenOptions = {}): Promise<OpenedScan> {
    const entry = this.#require(id);
    const document = await this.#readScanFile(id);
    const previous = await this.#earlierScansOf(entry);
    return { entry, document: reanalyzeDocument(document, { thresholds: options.thresholds ?? {}, previous }) };
  }

  /** The newest scan of the same client and site before this one. */
  previousOf(id: string): ScanIndexEntry | undefined {
    const entry = this.#require(id);
    return this.#siteScans(entry).filter((e) => e.startedAt < entry.startedAt)[0];
  }

  async rename(id: string, name: string): Promise<ScanIndexEntry> {
    return this.#editEntry(id, (e) => ({ ...e, name }));
  }

  async setTags(id: string, tags: string[]): Promise<ScanIndexEntry> {
    return this.#editEntry(id, (e) => ({ ...e, tags: [...new Set(tags)] }));
  }

  /** Deletes a scan (the UI asks first). The index forgets it before the file goes, so a failure never leaves a listed scan without a file. */
  async delete(id: string): Promise<void> {
    this.#require(id);
    await this.#serial(id, async () => {
      const index = this.#mutableIndex();
      delete index.scans[id];
      this.#writeIndex(index);
      this.#layouts.delete(id);
      await this.#fs.unlink(this.#pathOf(id)).catch((error) => {
        if (errorCode(error) !== 'ENOENT') throw error;
      });
    });
  }

  /** The scan as a `.forewarn` file (gzip-compressed JSON with the schema version). */
  async exportAssessment(id: string): Promise<Buffer> {
    const entry = this.#require(id);
    const document = await this.#readScanFile(id);
    return encodeAssessment(document, { name: entry.name, tags: entry.tags }, this.#now());
  }

  /**
   * Imports a `.forewarn` file or scan JSON. The file is fully decoded and
   * validated before anything is written. Every import gets a fresh id: the
   * file's own id is untrusted (".visit" names a hidden file that is skipped at
   * the next start; "Scan-1" and "scan-1" are one file on macOS and Windows),
   * and an import must never replace a scan already in the library.
   */
  async importAssessment(bytes: Uint8Array, meta: SaveMeta = {}): Promise<ScanIndexEntry> {
    const decoded = await this.#decodeImport(bytes);
    const id = `imported-${randomUUID()}`;
    // An imported scan that was still running when exported is not running here.
    const status = decoded.document.scan.status === 'running' ? 'interrupted' : decoded.document.scan.status;
    const document: ScanDocument = { ...decoded.document, scan: { ...decoded.document.scan, id, status } };
    const name = meta.name ?? decoded.name;
    const tags = meta.tags ?? decoded.tags;
    return this.save(document, { ...(name ? { name } : {}), ...(tags ? { tags } : {}) });
  }

  /** "Since last visit": oldest to newest whatever the argument order; both re-analysed with the same rules first. */
  async compare(aId: string, bId: string, options: OpenOptions = {}): Promise<Comparison> {
    const [a, b] = await Promise.all([this.open(aId, options), this.open(bId, options)]);
    return compareInOrder(a.document, b.document);
  }

  // ------------------------------------------------------------------ internals

  #scansDir(): string {
    return join(this.#dir, 'scans');
  }

  #pathOf(id: string): string {
    return join(this.#scansDir(), `${ScanIdSchema.parse(id)}.json`);
  }

  #serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(id) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => {});
    this.#queues.set(id, settled);
    void settled.then(() => {
      if (this.#queues.get(id) === settled) this.#queues.delete(id);
    });
    return next;
  }

  #require(id: string): ScanIndexEntry {
    const entry = this.entry(id);
    if (!entry) throw new AssessmentError('not-found', 'This scan is not in the library (it may have been deleted).');
    return entry;
  }

  /** The index, read and validated once, then kept in memory (only this class writes it). Treat as read-only. */
  #index(): LibraryIndex {
    if (!this.#cachedIndex) {
      const parsed = LibraryIndexSchema.safeParse(this.#store.get(INDEX_KEY));
      this.#cachedIndex = parsed.success ? parsed.data : { version: 1, scans: {} };
    }
    return this.#cachedIndex;
  }

  /** A copy to edit and pass to #writeIndex: a failed write leaves the cached index as it was. */
  #mutableIndex(): LibraryIndex {
    const index = this.#index();
    return { ...index, scans: { ...index.scans } };
  }

  #writeIndex(index: LibraryIndex): void {
    this.#store.set(INDEX_KEY, index);
    this.#cachedIndex = index;
  }

  #updateIndex(id: string, document: ScanDocument, meta: SaveMeta): ScanIndexEntry {
    const index = this.#mutableIndex();
    const previous = index.scans[id];
    const client = document.scan.client?.trim() || UNASSIGNED_CLIENT;
    const site = document.scan.site?.trim() || DEFAULT_SITE;
    const entry: ScanIndexEntry = {
      id,
      name: meta.name ?? previous?.name ?? unusedName(defaultName(document, site), siteNames(index, client, site)),
      client,
      site,
      tags: meta.tags ?? previous?.tags ?? [],
      startedAt: document.scan.startedAt,
      finishedAt: document.scan.finishedAt,
      status: document.scan.status,
      deviceCount: document.devices.filter((d) => d.type !== 'unmanaged-switch').length,
      siteRisk: siteRiskOf(document),
      schemaVersion: document.schemaVersion,
      savedAt: this.#now().toISOString(),
      targets: document.scan.targets,
      preset: document.scan.preset,
      ...(document.scan.credentialProfileIds ? { credentialProfileIds: document.scan.credentialProfileIds } : {}),
    };
    index.scans[id] = entry;
    this.#writeIndex(index);
    return entry;
  }

  async #editEntry(id: string, edit: (entry: ScanIndexEntry) => ScanIndexEntry): Promise<ScanIndexEntry> {
    this.#require(id);
    return this.#serial(id, async () => {
      const index = this.#mutableIndex();
      const entry = edit(index.scans[id]!);
      index.scans[id] = entry;
      this.#writeIndex(index);
      return entry;
    });
  }

  async #readScanFile(id: string): Promise<ScanDocument> {
    let bytes: Buffer;
    try {
      bytes = await this.#fs.readFile(this.#pathOf(id));
    } catch (error) {
      throw new AssessmentError(errorCode(error) === 'ENOENT' ? 'not-found' : 'io', `The file of this scan could not be read (${errorCode(error) ?? String(error)}).`);
    }
    return decodeAssessmentBytes(bytes).document;
  }

  #siteScans(entry: ScanIndexEntry): ScanIndexEntry[] {
    return Object.values(this.#index().scans)
      .filter((e) => e.client === entry.client && e.site === entry.site && e.id !== entry.id)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /** Earlier readable scans of the same site, for trends (an unreadable one is skipped, not fatal). */
  async #earlierScansOf(entry: ScanIndexEntry): Promise<ScanDocument[]> {
    const earlier = this.#siteScans(entry).filter((e) => e.startedAt < entry.startedAt).slice(0, 5);
    const documents: ScanDocument[] = [];
    for (const e of earlier) {
      try {
        documents.push(await this.#readScanFile(e.id));
      } catch (error) {
        this.#log('warn', `scan ${e.id} skipped for trends: ${(error as Error).message}`);
      }
    }
    return documents;
  }

  async #recover(): Promise<void> {
    const index = this.#mutableIndex();
    const files = await this.#fs.readdir(this.#scansDir());
    for (const file of files.filter((f) => f.endsWith(TEMP_SUFFIX))) {
      await this.#fs.unlink(join(this.#scansDir(), file)).catch(() => {});
    }
    const onDisk = new Set(files.filter((f) => f.endsWith('.json') && !f.startsWith('.')).map((f) => f.slice(0, -'.json'.length)));
    let changed = false;
    for (const id of Object.keys(index.scans)) {
      if (onDisk.has(id)) continue;
      this.#log('warn', `scan ${id} is listed but its file is gone; removing it from the list`);
      delete index.scans[id];
      changed = true;
    }
    if (changed) this.#writeIndex(index);
    for (const id of onDisk) {
      const listed = index.scans[id];
      if (listed && listed.status !== 'running') continue;
      let document: ScanDocument;
      try {
        document = await this.#readScanFile(id);
      } catch (error) {
        this.#log('warn', `scan file ${id}.json is unreadable and was left as it is: ${(error as Error).message}`);
        continue;
      }
      if (document.scan.status === 'running') {
        const savedAt = listed?.savedAt ?? scanTime(document).toISOString();
        document = { ...document, scan: { ...document.scan, status: 'interrupted', finishedAt: document.scan.finishedAt ?? savedAt } };
        await writeFileAtomic(this.#fs, this.#pathOf(id), JSON.stringify(document));
        this.#log('info', `scan ${id} was still running when Forewarn stopped; reopened as interrupted`);
      }
      this.#updateIndex(id, document, {});
    }
  }
}

function defaultName(document: ScanDocument, site: string): string {
  const at = document.scan.startedAt.slice(0, 16).replace('T', ' ');
  return `${site}, ${at}`;
}

function siteNames(index: LibraryIndex, client: string, site: string): Set<string> {
  return new Set(Object.values(index.scans).filter((e) => e.client === client && e.site === site).map((e) => e.name));
}

/** Two scans of a site started in the same minute would share a default name: number the later ones. */
function unusedName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  let n = 2;
  while (taken.has(`${name} (${n})`)) n += 1;
  return `${name} (${n})`;
}
