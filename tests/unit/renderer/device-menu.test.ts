import { describe, expect, it } from 'vitest';
import { deviceMenuEntries, summaryText, tabSeparated } from '../../../renderer/src/device-actions';
import { deviceTableText } from '../../../renderer/src/components/DeviceTable';
import { device } from './fake-api';

const labels = (entries: ReturnType<typeof deviceMenuEntries>) => entries.map((e) => `${e.separated ? '— ' : ''}${e.label}`);

describe('the device menu (renderer/src/device-actions.ts)', () => {
  it('offers what the device answered: web UI, SSH, remote desktop, its addresses', () => {
    const server = device({ id: 's', ip: '10.0.0.5', mac: '00:11:22:33:44:55', reachability: { tcp: [22, 443, 3389] } });
    expect(labels(deviceMenuEntries(server))).toEqual([
      'Open details',
      'Open web UI',
      '— SSH to 10.0.0.5',
      'Remote desktop to 10.0.0.5',
      '— Copy IP address',
      'Copy MAC address',
      'Copy row',
    ]);
    const web = deviceMenuEntries(server).find((e) => e.id === 'open-web');
    expect(web).toMatchObject({ url: 'https://10.0.0.5/' });
    expect(deviceMenuEntries(server).find((e) => e.id === 'connect')).toMatchObject({ session: 'ssh', ip: '10.0.0.5' });
  });

  it('never shows a dead entry: no port, no session; no MAC, no copy of it; on its own page, no "Open details"', () => {
    const quiet = device({ id: 'q', ip: '10.0.0.9', mac: null, reachability: { tcp: [] } });
    expect(labels(deviceMenuEntries(quiet, { onDevicePage: true }))).toEqual(['Copy IP address', 'Copy row']);
  });

  it('copies a table row as shown, or the whole table, when opened on one', () => {
    const d = device({ id: 'a', ip: '10.0.0.1', reachability: {} });
    const entries = deviceMenuEntries(d, { rowText: () => 'ROW', tableText: () => 'TABLE' });
    const copy = (label: string) => {
      const e = entries.find((x) => x.label === label);
      return e?.id === 'copy' ? e.text() : null;
    };
    expect(copy('Copy row')).toBe('ROW');
    expect(copy('Copy table')).toBe('TABLE');
  });
});

describe('clipboard text', () => {
  it('is tab-separated with a heading line, and a value cannot break its row or column', () => {
    expect(tabSeparated([['a', 'b\tc'], ['line\nbreak', ' x ']])).toBe('a\tb c\nline break\tx');
    const d = device({ id: 'a', ip: '10.0.0.1', mac: 'aa:bb:cc:dd:ee:ff', hostname: 'core-sw', vendor: 'Cisco', type: 'switch', model: 'C9300', serial: 'FOC1' });
    expect(summaryText([d]).split('\n')).toEqual(['IP\tMAC\tName\tVendor\tType\tModel\tFirmware\tSerial', '10.0.0.1\taa:bb:cc:dd:ee:ff\tcore-sw\tCisco\tSwitch\tC9300\t\tFOC1']);
  });

  it('copies the device table with its shown columns, in the order given', () => {
    const rows = [device({ id: 'b', ip: '10.0.0.2', vendor: 'HP' }), device({ id: 'a', ip: '10.0.0.1', vendor: 'Dell' })];
    expect(deviceTableText(rows, ['vendor']).split('\n')).toEqual(['IP\tVendor', '10.0.0.2\tHP', '10.0.0.1\tDell']);
  });
});
