/**
 * What the application menu asks the window to do. The menu lives on the main
 * side (it is the OS's), the actions on the renderer's (they are the views'):
 * the menu sends one of these on the `app:menu-command` event, and the
 * renderer runs it exactly as the keyboard shortcut for it would.
 */
export const MENU_VIEWS = ['new-scan', 'live-scan', 'devices', 'map', 'at-risk', 'history', 'settings'] as const;
export type MenuView = (typeof MENU_VIEWS)[number];

export type MenuCommand =
  | { kind: 'view'; view: MenuView }
  /** Focus the device search (Ctrl+F). */
  | { kind: 'search' }
  /** Export the device inventory as CSV (Ctrl+E). */
  | { kind: 'export' }
  /** Open Saved scans' import (a .forewarn file). */
  | { kind: 'import' };
