/**
 * The application menu. Electron's default menu carries Reload and Toggle
 * Developer Tools; a packaged app shows neither (the window also refuses
 * DevTools then, see window.ts). The menu's own items send a MenuCommand to
 * the window, which runs it as its keyboard shortcut would: the renderer
 * handles the keys, so their accelerators are shown but not registered
 * (`registerAccelerator: false`), and one key press never acts twice.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuView } from '../../shared/menu-commands';

export interface AppMenuOptions {
  appName: string;
  isMac: boolean;
  /** A packaged build: no reload, no DevTools. */
  isPackaged: boolean;
  send: (command: MenuCommand) => void;
  /** Opens the folder with the app's log files; absent, Help has no such entry. */
  showLogs?: () => void;
  /** Checks the update feed and says what it found; absent, Help has no such entry. */
  checkUpdates?: () => void;
}

const VIEW_ITEMS: ReadonlyArray<{ view: MenuView; label: string }> = [
  { view: 'new-scan', label: 'New Scan' },
  { view: 'live-scan', label: 'Live Scan' },
  { view: 'devices', label: 'Devices' },
  { view: 'map', label: 'Network Map' },
  { view: 'at-risk', label: 'At Risk' },
  { view: 'history', label: 'Saved Scans' },
  { view: 'settings', label: 'Settings' },
];

/** A menu item that sends a command, showing the shortcut the renderer already handles. */
function commandItem(label: string, command: MenuCommand, send: AppMenuOptions['send'], accelerator?: string): MenuItemConstructorOptions {
  return { label, click: () => send(command), ...(accelerator ? { accelerator, registerAccelerator: false } : {}) };
}

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isPackaged, send } = options;
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      commandItem('New Scan…', { kind: 'view', view: 'new-scan' }, send, 'CmdOrCtrl+N'),
      commandItem('Import Scan…', { kind: 'import' }, send),
      commandItem('Export Inventory (CSV)', { kind: 'export' }, send, 'CmdOrCtrl+E'),
      ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...VIEW_ITEMS.map((item, i) => commandItem(item.label, { kind: 'view', view: item.view }, send, `CmdOrCtrl+${i + 1}`)),
      { type: 'separator' },
      commandItem('Find Device', { kind: 'search' }, send, 'CmdOrCtrl+F'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(isPackaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      ...(options.checkUpdates ? [{ label: 'Check for Updates…', click: options.checkUpdates }] : []),
      ...(options.showLogs ? [{ label: 'Show Logs', click: options.showLogs }] : []),
      ...(isMac ? [] : [{ role: 'about' as const }]),
    ],
  };
  return [
    ...(isMac ? [{ label: options.appName, submenu: [{ role: 'about' as const }, { type: 'separator' as const }, { role: 'hide' as const }, { role: 'hideOthers' as const }, { role: 'unhide' as const }, { type: 'separator' as const }, { role: 'quit' as const }] }] : []),
    file,
    // Cut, copy and paste in text fields need these roles on macOS.
    { role: 'editMenu' },
    view,
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    help,
  ];
}
