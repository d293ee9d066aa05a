import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../../electron/main/app-menu';
import type { MenuCommand } from '../../../shared/menu-commands';

/** Every item of a template, submenus flattened. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const build = (over: Partial<Parameters<typeof appMenuTemplate>[0]> = {}) => {
  const sent: MenuCommand[] = [];
  const template = appMenuTemplate({ appName: 'Forewarn', isMac: false, isPackaged: true, send: (c) => sent.push(c), ...over });
  return { template, sent, all: items(template) };
};

const byLabel = (all: MenuItemConstructorOptions[], label: string) => all.find((i) => i.label === label)!;
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('application menu (electron/main/app-menu.ts)', () => {
  it('has no reload and no developer tools in a packaged build, and has them in development', () => {
    const roles = (all: MenuItemConstructorOptions[]) => all.map((i) => i.role).filter(Boolean);
    expect(roles(build().all)).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    expect(roles(build().all)).not.toContain('reload');
    expect(roles(build({ isPackaged: false }).all)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('sends each view, search, export and import to the window, showing the shortcut without registering it', () => {
    const { all, sent } = build();
    click(byLabel(all, 'Network Map'));
    click(byLabel(all, 'Find Device'));
    click(byLabel(all, 'Export Inventory (CSV)'));
    click(byLabel(all, 'Import Scan…'));
    expect(sent).toEqual([{ kind: 'view', view: 'map' }, { kind: 'search' }, { kind: 'export' }, { kind: 'import' }]);
    expect(byLabel(all, 'Devices')).toMatchObject({ accelerator: 'CmdOrCtrl+3', registerAccelerator: false });
    expect(byLabel(all, 'New Scan…')).toMatchObject({ accelerator: 'CmdOrCtrl+N', registerAccelerator: false });
  });

  it('follows each platform: the app menu and Window on macOS, Quit under File elsewhere; edit roles everywhere', () => {
    const mac = build({ isMac: true });
    expect(mac.template.map((m) => m.label ?? m.role)).toEqual(['Forewarn', 'File', 'editMenu', 'View', 'windowMenu', 'help']);
    expect(items(mac.template[1]!.submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'quit')).toBe(false);
    const windows = build({ isMac: false });
    expect(windows.template.map((m) => m.label ?? m.role)).toEqual(['File', 'editMenu', 'View', 'help']);
    expect(items(windows.template[0]!.submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'quit')).toBe(true);
  });

  it('offers Show Logs and Check for Updates in Help only when the app can do them', () => {
    const showLogs = vi.fn();
    const checkUpdates = vi.fn();
    const { all } = build({ showLogs, checkUpdates });
    click(byLabel(all, 'Show Logs'));
    click(byLabel(all, 'Check for Updates…'));
    expect(showLogs).toHaveBeenCalledOnce();
    expect(checkUpdates).toHaveBeenCalledOnce();
    expect(build().all.some((i) => i.label === 'Show Logs' || i.label === 'Check for Updates…')).toBe(false);
  });
});
