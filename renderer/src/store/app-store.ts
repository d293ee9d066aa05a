/**
 * The renderer's state, created by a factory that takes the ForewarnApi so
 * tests inject a fake bridge (Heroic subscribes at module scope; we don't).
 * Scan events are queued and applied together every `flushIntervalMs`, so a
 * burst of thousands of events is one state change, not thousands of renders.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, EngineStatus, ForewarnApi, OpenedFile, UnsavedScan } from '../../../shared/ipc-contract';
import type { PublicSettings, SettingsPatch } from '../../../shared/settings';
import type { ScanEvent } from '../../../shared/scan-events';
import type { ScanPreset, ScanStartRequest } from '../../../shared/scan-request';
import type { ScanDocument } from '../../../shared/scan-document';
import type { ScanIndexEntry } from '../../../shared/assessment/library-types';
import type { Point } from '../../../shared/topology/schema';
import { applyScanEvents, emptyLiveScan, interruptScan, liveScanFromDocument, type LiveScan } from './live-scan';
import { reanalyzeScan } from './reanalyze';
import { EMPTY_DEVICE_FILTER, type DeviceFilter } from './selectors';

export const VIEWS = ['new-scan', 'live-scan', 'devices', 'device', 'map', 'at-risk', 'history', 'settings'] as const;
export type ViewId = (typeof VIEWS)[number];
export type AtRiskGrouping = 'device' | 'rule';

/** What the technician typed on New scan, kept while they visit Settings and come back. */
export interface NewScanDraft {
  client: string;
  site: string;
  /** null until the technician types: until then the form shows the detected subnets. */
  typedTargets: string | null;
  preset: ScanPreset;
  /** null means every profile (the default as profiles are added). */
  profileIds: string[] | null;
  /** The saved scan this form repeats (Rescan in Saved scans), until it is started or cleared. */
  rescanOf?: RescanSource;
}

export const EMPTY_DRAFT: NewScanDraft = { client: '', site: '', typedTargets: null, preset: 'quick', profileIds: null };

/** A saved scan a new one repeats: the visit it is compared with when it completes. */
export interface RescanSource {
  id: string;
  name: string;
  startedAt: string;
}

/** The New scan form as the saved scan ran: same targets, preset, client, site and credential profiles. */
export function rescanDraft(entry: ScanIndexEntry): NewScanDraft {
  return {
    client: entry.client,
    site: entry.site,
    typedTargets: (entry.targets ?? []).join('\n'),
    preset: entry.preset === 'full' ? 'full' : 'quick',
    // An older index did not keep the profiles: every profile, as a new scan would use.
    profileIds: entry.credentialProfileIds ?? null,
    rescanOf: { id: entry.id, name: entry.name, startedAt: entry.startedAt },
  };
}

export interface AppState {
  view: ViewId;
  appInfo: AppInfo | null;
  engine: EngineStatus | null;
  /** Engine restarts the technician has already been told about. */
  acknowledgedRestarts: number;
  scan: LiveScan | null;
  settings: PublicSettings | null;
  newScanDraft: NewScanDraft;
  /** The running or last scan, when it repeats a saved one: what its "since the last visit" compares. */
  rescan: { scanId: string; previous: RescanSource } | null;
  /** A failure of the app itself (not of one scan), shown until dismissed. */
  appError: string | null;
  /** Scans the library could not save (held in memory, retried): shown until a save succeeds. */
  unsavedScans: UnsavedScan[];
  /** The device the detail view shows. */
  selectedDeviceId: string | null;
  /** The device the map centres on when it opens ("show on map"). */
  mapFocusId: string | null;
  /** Devices view filters, kept while the technician opens a device and comes back. */
  deviceFilter: DeviceFilter;
  atRiskGrouping: AtRiskGrouping;
  /** When the findings on screen were last re-checked against changed thresholds. */
  reanalyzedAt: number | null;

  navigate(view: ViewId): void;
  updateNewScanDraft(patch: Partial<NewScanDraft>): void;
  /** Starts a scan and switches to the live view; rejects with the engine's message. */
  startScan(request: ScanStartRequest): Promise<string>;
  /** An empty New scan form (a rescan the technician turned into a new scan). */
  resetNewScanDraft(): void;
  /** Fills New scan with a saved scan's targets, preset, client, site and profiles, and opens it. */
  prepareRescan(entry: ScanIndexEntry): void;
  cancelScan(): Promise<void>;
  /** Saves a settings change; rejects with the reason so the form can show it. */
  updateSettings(patch: SettingsPatch): Promise<void>;
  acknowledgeEngineRestart(): void;
  dismissAppError(): void;
  /** Tries an unsaved scan's save again now; rejects with the reason it still failed. */
  retrySave(scanId: string): Promise<void>;
  openDevice(id: string): void;
  showOnMap(id: string | null): void;
  setDeviceFilter(patch: Partial<DeviceFilter>): void;
  setAtRiskGrouping(grouping: AtRiskGrouping): void;
  /** Pins a map node where the technician dropped it; null unpins it. */
  pinDevice(id: string, point: Point | null): void;
  /** Puts a saved scan on screen (re-analysed by the library with the current thresholds). */
  loadScanDocument(document: ScanDocument): void;
}

export interface AppStoreOptions {
  flushIntervalMs?: number;
  /** Pins are saved this long after the last drag, so a burst of drags is one write. */
  layoutSaveDelayMs?: number;
}

export interface AppStore extends StoreApi<AppState> {
  /** Applies queued scan events now (the timer does this on its own). */
  flushScanEvents(): void;
  /** Unsubscribes from the bridge and stops the flush timer. */
  dispose(): void;
}

const ENGINE_CRASHED_MESSAGE =
  'The scan engine stopped unexpectedly, so this scan was interrupted. Devices found so far are kept; start the scan again to complete it.';

export function createAppStore(api: ForewarnApi, options: AppStoreOptions = {}): AppStore {
  const flushIntervalMs = options.flushIntervalMs ?? 100;
  let queue: ScanEvent[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const layoutSaver = createLayoutSaver(api, options.layoutSaveDelayMs ?? 400, (error) =>
    store.setState({ appError: `The pinned map position could not be saved with the scan: ${messageOf(error)}. It stays on the map until you open another scan.` }),
  );

  const store = createStore<AppState>()((set, get) => ({
    view: 'new-scan',
    appInfo: null,
    engine: null,
    acknowledgedRestarts: 0,
    scan: null,
    settings: null,
    newScanDraft: EMPTY_DRAFT,
    rescan: null,
    appError: null,
    unsavedScans: [],
    selectedDeviceId: null,
    mapFocusId: null,
    deviceFilter: EMPTY_DEVICE_FILTER,
    atRiskGrouping: 'device',
    reanalyzedAt: null,

    navigate: (view) => set({ view }),
    openDevice: (id) => set({ selectedDeviceId: id, view: 'device' }),
    showOnMap: (id) => set({ mapFocusId: id, view: 'map' }),
    setDeviceFilter: (patch) => set((state) => ({ deviceFilter: { ...state.deviceFilter, ...patch } })),
    setAtRiskGrouping: (atRiskGrouping) => set({ atRiskGrouping }),
    pinDevice: (id, point) => {
      const scan = get().scan;
      if (!scan) return;
      const pinned = { ...scan.pinned };
      if (point) pinned[id] = point;
      else delete pinned[id];
      set({ scan: { ...scan, pinned } });
      layoutSaver.schedule(scan.scanId, pinned);
    },
    loadScanDocument: (document) => {
      flushScanEvents();
      set({ scan: liveScanFromDocument(document), selectedDeviceId: null, mapFocusId: null });
    },
    updateNewScanDraft: (patch) => set((state) => ({ newScanDraft: { ...state.newScanDraft, ...patch } })),

    async startScan(request) {
      const { scanId } = await api.invoke('scan:start', request);
      flushScanEvents();
      // The scan-started event may still be on its way: show the scan at once.
      if (get().scan?.scanId !== scanId) set({ scan: emptyLiveScan(scanId) });
      // A rescan is compared with the visit it repeats once it completes; the form is a new scan's again.
      const previous = get().newScanDraft.rescanOf;
      const { rescanOf: _done, ...draft } = get().newScanDraft;
      set({ view: 'live-scan', rescan: previous ? { scanId, previous } : null, newScanDraft: draft });
      return scanId;
    },

    resetNewScanDraft: () => set({ newScanDraft: EMPTY_DRAFT }),

    prepareRescan(entry) {
      set({ newScanDraft: rescanDraft(entry), view: 'new-scan' });
    },

    async cancelScan() {
      const scan = get().scan;
      if (!scan || scan.status !== 'running') return;
      try {
        await api.invoke('scan:cancel', scan.scanId);
      } catch (error) {
        set({ appError: `Could not cancel the scan: ${messageOf(error)}` });
      }
    },

    async updateSettings(patch) {
      const settings = await api.invoke('settings:update', patch);
      set({ settings });
      // New thresholds apply to the finished scan on screen at once (a running scan gets them on its next start).
      const scan = get().scan;
      if (patch.thresholds && scan && scan.status !== 'running') {
        set({ scan: reanalyzeScan(scan, settings.thresholds), reanalyzedAt: Date.now() });
      }
    },

    acknowledgeEngineRestart: () => set({ acknowledgedRestarts: get().engine?.restarts ?? 0 }),
    dismissAppError: () => set({ appError: null }),
    retrySave: async (scanId) => {
      const unsavedScans = await api.invoke('library:retry-save', scanId);
      set({ unsavedScans });
      const still = unsavedScans.find((u) => u.scanId === scanId);
      if (still) throw new Error(still.message);
    },
  }));

  function flushScanEvents(): void {
    if (flushTimer !== null) clearTimeout(flushTimer);
    flushTimer = null;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    store.setState((state) => ({ scan: applyScanEvents(state.scan, batch) }));
  }

  const unsubscribeScan = api.on('scan:event', (event) => {
    queue.push(event);
    flushTimer ??= setTimeout(flushScanEvents, flushIntervalMs);
  });

  const applyEngineStatus = (engine: EngineStatus) => {
    // Apply pending events first so "interrupted" is not overwritten by older progress.
    flushScanEvents();
    const crashed = engine.state === 'crashed';
    store.setState((state) => ({
      engine,
      scan: crashed ? interruptScan(state.scan, ENGINE_CRASHED_MESSAGE) : state.scan,
    }));
  };
  const unsubscribeEngine = api.on('engine:status', applyEngineStatus);
  const unsubscribeUnsaved = api.on('library:unsaved', (unsavedScans) => store.setState({ unsavedScans }));
  // After a reload the list comes from the host; a window without a library has none.
  void api.invoke('library:unsaved').then(
    (unsavedScans) => store.setState({ unsavedScans }),
    () => undefined,
  );

  // .forewarn files the OS opened the app with: the newest imported one is opened, a refused one is said.
  const openTaken = async (files: OpenedFile[]) => {
    const refused = files.flatMap((f) => ('error' in f ? [`Could not open ${f.fileName}: ${f.error}`] : []));
    if (refused.length > 0) store.setState({ appError: refused.join(' ') });
    const opened = files.flatMap((f) => ('scanId' in f ? [f] : [])).at(-1);
    if (!opened) return;
    try {
      const { document } = await api.invoke('library:open', opened.scanId);
      store.getState().loadScanDocument(document);
      store.setState({ view: 'at-risk' });
    } catch (error) {
      store.setState({ appError: `${opened.fileName} was imported into Saved scans but could not be opened: ${messageOf(error)}` });
    }
  };
  // A host without opened files (the browser bridge, an older host) has nothing to hand over.
  const takeOpenedFiles = () => api.invoke('app:take-opened-files').then(openTaken, () => undefined);
  const unsubscribeOpened = api.on('app:files-opened', () => void takeOpenedFiles());
  // Files opened while the window was still loading were announced to nobody: take them now.
  void takeOpenedFiles();

  void api.invoke('app:info').then(
    (appInfo) => store.setState({ appInfo }),
    (error) => store.setState({ appError: `Could not reach the app: ${messageOf(error)}` }),
  );
  void api.invoke('settings:get').then(
    (settings) => store.setState({ settings }),
    (error) => store.setState({ appError: `Could not load the settings: ${messageOf(error)}` }),
  );
  void api.invoke('engine:status').then(
    (engine) => {
      // An event may have been newer than this reply; keep the higher restart count.
      const seen = store.getState().engine;
      if (!seen || seen.restarts <= engine.restarts) store.setState({ engine });
    },
    () => undefined,
  );

  return {
    ...store,
    flushScanEvents,
    dispose() {
      unsubscribeScan();
      unsubscribeEngine();
      unsubscribeUnsaved();
      unsubscribeOpened();
      layoutSaver.flush();
      if (flushTimer !== null) clearTimeout(flushTimer);
      flushTimer = null;
    },
  };
}

/** Saves each scan's pins with the scan, once per burst of drags; a later pin of the same scan replaces an unsaved one. */
function createLayoutSaver(api: ForewarnApi, delayMs: number, onError: (error: unknown) => void) {
  const unsaved = new Map<string, Record<string, Point>>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    for (const [scanId, pinned] of unsaved) void api.invoke('library:set-layout', scanId, { pinned }).catch(onError);
    unsaved.clear();
  };
  return {
    schedule(scanId: string, pinned: Record<string, Point>) {
      unsaved.set(scanId, pinned);
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
