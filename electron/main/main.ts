/**
 * Composition root of the desktop app, and the only place that wires Electron
 * to the plain-Node host: one instance, one secure window, the typed IPC, the
 * engine in a utilityProcess, settings in electron-store, credentials sealed
 * with safeStorage.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerSaveBlocker, shell, type WebContents } from 'electron';
import { connectEngineEvents, createApiHandlers } from '../host/api-handlers';
import { followScansForAttention, type AttentionShell } from './scan-attention';
import { createCredentialVault } from '../host/credential-vault';
import { EngineHost, type HostLogger } from '../host/engine-host';
import { createSettingsRepository } from '../host/settings';
import { setUpLibrary } from '../host/library/setup';
import { builtDecoder } from '../host/library/decode-off-thread';
import { builtReportRenderer } from '../host/library/report-off-thread';
import { createUtilityEngineProcess } from './utility-process-main';
import { createEventSink, createSenderCheck, registerIpcHandlers } from './ipc';
import { createElectronLibraryIndexStore, createElectronSettingsBackend, createElectronVaultStore, createSafeStorageCipher } from './store-persistence';
import { installSecurityGuards } from './window-security';
import { createMainWindow, isAppUrl, registerAppScheme, serveRenderer } from './window';
import { startRemoteSession } from '../host/remote-session-launch';
import { assessmentFilesIn, createOpenedFiles, type OpenedFiles } from '../host/opened-files';
import { appMenuTemplate } from './app-menu';
import { cliArgsOf, runCommandLine } from './cli-mode';
import { createAppLog, type AppLog } from '../host/app-log';
import { createUpdateCheck, type Updater } from '../host/update-check';
import { updateStatusText } from '../../shared/updates';
import { secretsOf } from '../../shared/credentials';

// React (inside the PDF renderer, loaded on the first report) runs its slower development build unless told otherwise.
process.env.NODE_ENV ??= 'production';

/** Built layout: this file is dist-electron/main.js, the UI is dist/renderer. */
const here = dirname(fileURLToPath(import.meta.url));
export const appPaths = {
  preload: join(here, 'preload.cjs'),
  engineWorker: join(here, 'engine-worker.js'),
  assessmentDecoder: join(here, 'assessment-decoder.js'),
  reportRenderer: join(here, 'report-renderer.js'),
  renderer: join(here, '..', 'dist', 'renderer'),
};

/** The log file once the app is ready (app-log.ts); the console before that. */
let appLog: AppLog | null = null;
const log: HostLogger = (level, message) => {
  if (appLog) return appLog.write(level, message);
  const write = level === 'error' ? console.error : level === 'warn' ? console.warn : console.log;
  write(`[forewarn] ${message}`);
};

interface Running {
  engine: EngineHost;
  /** .forewarn files the OS opens the app with (double-click, dock, a second launch). */
  openedFiles: OpenedFiles;
  ownContents: Set<WebContents>;
  mainWindow: BrowserWindow | null;
  /** Saves the scans still being recorded; flushed before quit. */
  flushSaves: () => Promise<void>;
}

/** The first update check waits for the window and the first scan's start-up to settle. */
const STARTUP_UPDATE_CHECK_MS = 15_000;

/** Quit waits this long at most for the last saves (a locked disk must not keep the app open for ever). */
const QUIT_SAVE_TIMEOUT_MS = 10_000;

function openMainWindow(state: Running): BrowserWindow {
  const window = createMainWindow({ preloadPath: appPaths.preload, devTools: !app.isPackaged });
  const contents = window.webContents;
  state.ownContents.add(contents);
  state.mainWindow = window;
  window.on('closed', () => {
    state.ownContents.delete(contents);
    if (state.mainWindow === window) state.mainWindow = null;
  });
  return window;
}

function start(): Running {
  installSecurityGuards();
  serveRenderer(appPaths.renderer);

  // Problems with the app's own files, kept for Settings as well as the log.
  const storageProblems: string[] = [];
  const storageProblem = (message: string) => {
    log('warn', message);
    storageProblems.push(message);
  };
  const settings = createSettingsRepository(createElectronSettingsBackend({ onProblem: storageProblem }), (reason) => log('warn', reason));
  const cipher = createSafeStorageCipher();
  const vault = createCredentialVault({
    cipher,
    store: createElectronVaultStore({ onProblem: storageProblem }),
    // "No secret storage" has its own words in Settings (credentialStorage); the rest are problems.
    onProblem: (message) => (cipher.isAvailable() ? storageProblem(message) : log('warn', message)),
  });
  // Every line is checked against the saved SNMP secrets before it is written.
  appLog = createAppLog({ dir: app.getPath('logs'), secrets: () => secretsOf(vault.resolve(vault.list().map((p) => p.id))), console: !app.isPackaged });
  log('info', `Forewarn ${app.getVersion()} started on ${process.platform} ${process.arch} (Electron ${process.versions.electron ?? '?'})`);
  const engine = new EngineHost({ createProcess: () => createUtilityEngineProcess(appPaths.engineWorker), log });
  const sink = createEventSink(() => [...state.ownContents]);
  // The MSP's update feed (Settings); electron-updater loads with the first check.
  const checkUpdates = createUpdateCheck({
    load: async () => (await import('electron-updater')).autoUpdater as unknown as Updater,
    feedUrl: () => settings.get().updates?.feedUrl,
    isPackaged: app.isPackaged,
    currentVersion: app.getVersion(),
    log,
  });
  // Imported like the Import button's files (handlers is set below, before any file can arrive).
  const openedFiles = createOpenedFiles({
    importAssessment: (bytes) => handlers['library:import']({ fileName: 'opened.forewarn', dataBase64: bytes.toString('base64') }),
    announce: () => sink('app:files-opened', null),
  });
  const state: Running = { engine, openedFiles, ownContents: new Set(), mainWindow: null, flushSaves: async () => {} };
  // Saved scans (issue 7): recorded as they run, in the app's data folder.
  const library = setUpLibrary({
    dataDir: app.getPath('userData'),
    index: createElectronLibraryIndexStore({ onProblem: storageProblem }),
    engine,
    generatorVersion: app.getVersion(),
    log,
    onUnsavedChange: (unsaved) => sink('library:unsaved', unsaved),
    // Imported files are decoded in a worker thread with its own heap limit, never on the thread that serves the window.
    decodeImport: builtDecoder(appPaths.assessmentDecoder),
    // Reports are laid out in a worker thread too: a large site's takes seconds.
    renderPdf: builtReportRenderer(appPaths.reportRenderer),
    chooseSavePath: async (suggestedName) => {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
      const result = state.mainWindow ? await dialog.showSaveDialog(state.mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  });

  state.flushSaves = () => library.recorder.flush();

  const handlers = createApiHandlers({
    engine,
    settings,
    vault,
    library: library.service,
    appInfo: { name: 'Forewarn', version: app.getVersion(), platform: process.platform, shell: 'electron' },
    storageProblems: () => [...storageProblems],
    openExternal: (url) => shell.openExternal(url),
    connectRemote: (session, ip) => startRemoteSession(session, ip, { platform: process.platform, openExternal: (url) => shell.openExternal(url) }),
    takeOpenedFiles: () => openedFiles.take(),
    checkUpdates,
  });
  registerIpcHandlers(ipcMain, handlers, createSenderCheck((contents) => state.ownContents.has(contents), isAppUrl));
  connectEngineEvents(engine, sink);
  followScansForAttention(engine, attentionShell(state));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        appName: app.getName(),
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
        send: (command) => sink('app:menu-command', command),
        showLogs: () => shell.showItemInFolder(appLog?.file ?? app.getPath('logs')),
        checkUpdates: () => void checkUpdates().then((result) => dialog.showMessageBox({ type: 'info', title: 'Updates', message: updateStatusText(result) })),
      }),
    ),
  );

  openMainWindow(state);
  // A quiet check once the window is up; a newer build downloads and installs when Forewarn quits.
  setTimeout(() => {
    void checkUpdates().then((result) => {
      if (result.status === 'available') attentionShell(state).notify('Forewarn update', updateStatusText(result));
    });
  }, STARTUP_UPDATE_CHECK_MS).unref();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(state);
  });
  return state;
}

/** The scan-attention calls, bound to Electron: power, the window's taskbar/dock progress, system notifications. */
function attentionShell(state: Running): AttentionShell {
  return {
    keepAwake() {
      // The display may sleep; the system and the network stay up.
      const id = powerSaveBlocker.start('prevent-app-suspension');
      return () => {
        if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
      };
    },
    setProgress: (fraction) => state.mainWindow?.setProgressBar(fraction ?? -1),
    notify(title, body) {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    windowFocused: () => state.mainWindow?.isFocused() ?? false,
  };
}

export function bootstrap(): void {
  if (!app.requestSingleInstanceLock()) {
    // Another Forewarn is running: it gets focused through 'second-instance'.
    app.quit();
    return;
  }
  registerAppScheme();
  let state: Running | null = null;
  // Files named at launch, or handed over before the app is ready, wait for it.
  const early = assessmentFilesIn(process.argv.slice(1));
  const openFile = (path: string) => {
    if (state) void state.openedFiles.open(path);
    else early.push(path);
  };
  // macOS hands files over by event (double-click, the dock icon), even before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFile(path);
  });

  app.on('second-instance', (_event, argv: string[] = []) => {
    for (const path of assessmentFilesIn(argv.slice(1))) openFile(path);
    const window = state?.mainWindow;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let engineStopped = false;
  app.on('before-quit', (event) => {
    if (!state || engineStopped) return;
    // Give the engine its grace period to stop scans cleanly, save what it
    // sent (the final documents), then quit for real.
    event.preventDefault();
    engineStopped = true;
    const running = state;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, QUIT_SAVE_TIMEOUT_MS).unref());
    void running.engine
      .stop()
      .then(() => Promise.race([running.flushSaves(), timeout]))
      .catch((error: unknown) => log('error', `saving before quit failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(() => {
      state = start();
      for (const path of early.splice(0)) openFile(path);
    })
    .catch((error: unknown) => {
      // Without this the process would linger with no window and no word (an unhandled rejection).
      const message = error instanceof Error ? error.message : String(error);
      log('error', `could not start: ${message}`);
      dialog.showErrorBox('Forewarn could not start', message);
      app.exit(1);
    });
}

// Started as the command line (`Forewarn scan …`): no window, no single-instance lock.
const commandLine = cliArgsOf(process.argv, app.isPackaged);
if (commandLine) void runCommandLine(commandLine, { isPackaged: app.isPackaged, hideDock: () => app.dock?.hide(), exit: (code) => app.exit(code) });
else bootstrap();
