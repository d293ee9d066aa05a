/**
 * Keyboard shortcuts, as technicians expect from a desktop tool: Ctrl+1…7 the
 * views in the order of the navigation, Ctrl+N a new scan, Ctrl+F the device
 * search, Ctrl+E the inventory export (Cmd instead of Ctrl on macOS). The
 * mapping is a pure function; App applies it.
 */
import type { ViewId } from './store/app-store';

export type ShortcutAction = { kind: 'view'; view: ViewId } | { kind: 'search' } | { kind: 'export' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** What a key press asks for, given the navigation's views in order; null when it is not a shortcut. */
export function shortcutAction(press: KeyPress, navOrder: readonly ViewId[], isMac: boolean): ShortcutAction | null {
  const command = isMac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  if (!command || press.altKey || press.shiftKey) return null;
  const key = press.key.toLowerCase();
  if (/^[1-9]$/.test(key)) {
    const view = navOrder[Number(key) - 1];
    return view ? { kind: 'view', view } : null;
  }
  if (key === 'n') return { kind: 'view', view: 'new-scan' };
  if (key === 'f') return { kind: 'search' };
  if (key === 'e') return { kind: 'export' };
  return null;
}

/** Elements the shortcuts and menu commands act on carry `data-shortcut` ("search", "export", "import"): the views stay unaware of them. */
export const SHORTCUT_TARGET = { search: 'search', export: 'export', import: 'import' } as const;
