import { describe, expect, it } from 'vitest';
import { shortcutAction, type KeyPress } from '../../../renderer/src/shortcuts';
import { columnLayout, DEFAULT_DEVICE_COLUMNS } from '../../../renderer/src/components/DeviceTable';
import { storedColumns } from '../../../renderer/src/components/ColumnChooser';
import type { ViewId } from '../../../renderer/src/store/app-store';

const ORDER: ViewId[] = ['new-scan', 'live-scan', 'devices', 'map', 'at-risk', 'history', 'settings'];
const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('Ctrl+1…7 open the views in the navigation\'s order; Ctrl+N a new scan', () => {
    expect(shortcutAction(press('3', { ctrlKey: true }), ORDER, false)).toEqual({ kind: 'view', view: 'devices' });
    expect(shortcutAction(press('7', { ctrlKey: true }), ORDER, false)).toEqual({ kind: 'view', view: 'settings' });
    expect(shortcutAction(press('8', { ctrlKey: true }), ORDER, false)).toBeNull();
    expect(shortcutAction(press('n', { ctrlKey: true }), ORDER, false)).toEqual({ kind: 'view', view: 'new-scan' });
  });

  it('Ctrl+F searches and Ctrl+E exports; Cmd takes Ctrl\'s place on macOS', () => {
    expect(shortcutAction(press('F', { ctrlKey: true }), ORDER, false)).toEqual({ kind: 'search' });
    expect(shortcutAction(press('e', { metaKey: true }), ORDER, true)).toEqual({ kind: 'export' });
    expect(shortcutAction(press('e', { ctrlKey: true }), ORDER, true)).toBeNull();
  });

  it('leaves plain typing, Shift and Alt chords alone', () => {
    expect(shortcutAction(press('f'), ORDER, false)).toBeNull();
    expect(shortcutAction(press('f', { ctrlKey: true, shiftKey: true }), ORDER, false)).toBeNull();
    expect(shortcutAction(press('1', { ctrlKey: true, altKey: true }), ORDER, false)).toBeNull();
  });
});

describe('device table columns', () => {
  it('shows every column but the MAC by default, and always the address', () => {
    expect(DEFAULT_DEVICE_COLUMNS).not.toContain('mac');
    expect(columnLayout(['name']).map((c) => c.id)).toEqual(['ip', 'name']);
  });

  it('shares the full width among the shown columns, in table order', () => {
    const layout = columnLayout([...DEFAULT_DEVICE_COLUMNS, 'mac']);
    expect(layout.map((c) => c.id).slice(0, 3)).toEqual(['ip', 'mac', 'name']);
    const total = layout.reduce((sum, c) => sum + Number.parseFloat(c.width), 0);
    expect(total).toBeGreaterThan(99.9);
    expect(total).toBeLessThan(100.1);
  });

  it('gives an added column room from the top finding first, so the others keep their widths', () => {
    const before = columnLayout(DEFAULT_DEVICE_COLUMNS);
    const after = columnLayout([...DEFAULT_DEVICE_COLUMNS, 'mac']);
    const width = (layout: typeof before, id: string) => Number.parseFloat(layout.find((c) => c.id === id)!.width);
    expect(width(after, 'ip')).toBeCloseTo(width(before, 'ip'), 0);
    expect(width(after, 'finding')).toBeLessThan(width(before, 'finding'));
  });

  it('reads the stored choice, and falls back to the defaults on anything else', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(storedColumns(storage('["ip","mac","name"]'))).toEqual(['ip', 'mac', 'name']);
    for (const bad of [null, 'not json', '[]', '["ip","password"]', '{"ip":1}']) expect(storedColumns(storage(bad)), String(bad)).toEqual([...DEFAULT_DEVICE_COLUMNS]);
    expect(storedColumns(null)).toEqual([...DEFAULT_DEVICE_COLUMNS]);
  });
});

describe('device actions', () => {
  it('opens the web UI on the best port the scan found open', async () => {
    const { webUiUrl } = await import('../../../renderer/src/device-actions');
    const at = (tcp: number[], ip: string | null = '10.0.0.5') => webUiUrl({ ip, reachability: { tcp } } as Parameters<typeof webUiUrl>[0]);
    expect(at([22, 80, 443])).toBe('https://10.0.0.5/');
    expect(at([80])).toBe('http://10.0.0.5/');
    expect(at([8443, 8080])).toBe('https://10.0.0.5:8443/');
    expect(at([8080])).toBe('http://10.0.0.5:8080/');
    expect(at([22, 3389])).toBeNull();
    expect(at([443], null)).toBeNull();
  });
});
