/**
 * Class-based stand-in for the `electron` module (Fiddle style), loaded by
 * tests/mocks/setup-electron-mock.ts so no unit test ever loads the real
 * package. Each mock records what the code under test did, and exposes small
 * helpers (`emit`, `invoke`, ...) so tests can play Electron's part.
 * `resetElectronMock()` restores a clean state between tests.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

export class MockSession {
  cspListener: ((details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void) | null = null;
  permissionRequestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void) | null = null;
  permissionCheckHandler: ((wc: unknown, permission: string) => boolean) | null = null;
  webRequest = {
    onHeadersReceived: (listener: MockSession['cspListener']) => {
      this.cspListener = listener;
    },
  };
  setPermissionRequestHandler(handler: MockSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: MockSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
}

let nextWebContentsId = 1;

export class MockWebFrame {
  constructor(public url: string) {}
}

export class MockWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  session = session.defaultSession;
  mainFrame: MockWebFrame;
  destroyed = false;
  url = '';

  constructor(url = 'app://forewarn/index.html') {
    super();
    this.url = url;
    this.mainFrame = new MockWebFrame(url);
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: MockWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  openDevTools() {}
  /** Test helper: emit an event whose default the code under test may prevent. */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true), url: args[0] };
    this.emit(name, event, ...args);
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.windows.filter((w) => !w.destroyed);
  }
  static fromWebContents(contents: unknown) {
    return BrowserWindow.windows.find((w) => w.webContents === contents) ?? null;
  }

  readonly webContents: MockWebContents;
  destroyed = false;
  loadedUrl: string | null = null;
  shown = false;
  minimized = false;
  focused = true;
  /** Every setProgressBar value, in order. */
  progress: number[] = [];

  constructor(public readonly options: Record<string, unknown> = {}) {
    super();
    this.webContents = new MockWebContents();
    BrowserWindow.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
  }
  async loadFile(file: string) {
    await this.loadURL(`file://${file}`);
  }
  setProgressBar(fraction: number) {
    this.progress.push(fraction);
  }
  isFocused() {
    return this.focused;
  }
  show() {
    this.shown = true;
  }
  focus() {}
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

class MockApp extends EventEmitter {
  isPackaged = false;
  hasLock = true;
  quitCalled = false;
  #ready: Promise<void>;
  #resolveReady: () => void = () => {};
  constructor() {
    super();
    this.#ready = new Promise((resolve) => (this.#resolveReady = resolve));
  }
  getVersion() {
    return '0.0.0-test';
  }
  getName() {
    return 'Forewarn';
  }
  /** Test knob: where getPath points (userData is where electron-store writes). */
  paths: Record<string, string> = {};
  getPath(name: string) {
    return this.paths[name] ?? '/tmp/forewarn-test';
  }
  requestSingleInstanceLock() {
    return this.hasLock;
  }
  whenReady() {
    return this.#ready;
  }
  /** Test helper: fire `ready`. */
  makeReady() {
    this.#resolveReady();
    this.emit('ready');
  }
  quit() {
    this.quitCalled = true;
  }
  exit() {
    this.quitCalled = true;
  }
}

export class MockIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Test helper: what `ipcRenderer.invoke` would do, with a chosen sender. */
  async invoke(channel: string, event: unknown, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }

  /**
   * As the renderer receives it: Electron rejects ipcRenderer.invoke with a new
   * Error whose message wraps the handler's ("Error invoking remote method
   * 'scan:start': Error: …"); nothing else of the thrown value crosses.
   */
  async invokeAsRenderer(channel: string, event: unknown, ...args: unknown[]) {
    try {
      return await this.invoke(channel, event, ...args);
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
    }
  }
}

export class MockIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
}

export class MockUtilityProcess extends EventEmitter {
  static forked: MockUtilityProcess[] = [];
  readonly posted: unknown[] = [];
  pid: number | undefined = 4242;
  killed = false;
  constructor(
    public readonly modulePath: string,
    public readonly args: string[],
    public readonly options: Record<string, unknown>,
  ) {
    super();
    MockUtilityProcess.forked.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    return true;
  }
}

const defaultSession = new MockSession();
export const session = { defaultSession };
export const app = new MockApp();
export const ipcMain = new MockIpcMain();
export const ipcRenderer = new MockIpcRenderer();
export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown) {
    contextBridge.exposed[key] = api;
  },
};
export const shell = {
  openExternal: vi.fn(async (_url: string) => {}),
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn((_path: string) => {}),
};
export const protocol = {
  schemes: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    protocol.schemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
    protocol.handlers.set(scheme, handler);
  },
};
export const net = {
  fetch: vi.fn(async (url: string) => new Response(`fetched ${url}`, { headers: { 'content-type': 'text/html' } })),
};
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable: () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptString: (plain: string) => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`),
  decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
};
export const powerSaveBlocker = {
  nextId: 1,
  active: new Map<number, string>(),
  start(type: string) {
    const id = powerSaveBlocker.nextId++;
    powerSaveBlocker.active.set(id, type);
    return id;
  },
  isStarted: (id: number) => powerSaveBlocker.active.has(id),
  stop(id: number) {
    powerSaveBlocker.active.delete(id);
  },
};
export class Notification {
  static shown: Array<{ title: string; body: string }> = [];
  static isSupported() {
    return true;
  }
  constructor(private readonly options: { title: string; body: string }) {}
  show() {
    Notification.shown.push(this.options);
  }
}
/** The application menu as built: templates are kept as given, so tests read labels, roles and clicks. */
export const Menu = {
  application: null as null | { template: unknown[] },
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu(menu: { template: unknown[] } | null) {
    Menu.application = menu;
  },
};
export const utilityProcess = {
  fork: (modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) =>
    new MockUtilityProcess(modulePath, args, options),
};

export function resetElectronMock() {
  BrowserWindow.windows = [];
  powerSaveBlocker.active.clear();
  Notification.shown = [];
  Menu.application = null;
  MockUtilityProcess.forked = [];
  app.removeAllListeners();
  app.paths = {};
  app.hasLock = true;
  app.quitCalled = false;
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockReset();
  contextBridge.exposed = {};
  shell.openExternal.mockClear();
  protocol.schemes = [];
  protocol.handlers.clear();
  defaultSession.cspListener = null;
  defaultSession.permissionRequestHandler = null;
  defaultSession.permissionCheckHandler = null;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
}

export default {
  app,
  BrowserWindow,
  contextBridge,
  ipcMain,
  ipcRenderer,
  net,
  Notification,
  powerSaveBlocker,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
};
