import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DeviceTable, ROW_HEIGHT_PX } from '../../../renderer/src/components/DeviceTable';
import { device } from './fake-api';

describe('DeviceTable', () => {
  it('renders hostile device strings as text, never as markup', () => {
    const hostile = device({
      id: 'evil',
      ip: '10.0.0.66',
      sysName: '<img src=x onerror="alert(1)">',
      vendor: '<script>alert(2)</script>',
      model: '"><b>bold</b>',
      firmware: '&amp; <svg/onload=alert(3)>',
    });
    const html = renderToStaticMarkup(createElement(DeviceTable, { devices: [hostile], caption: 'Devices' }));

    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&amp;amp; &lt;svg/onload=alert(3)&gt;');
  });

  it('orders rows by IP numerically and shows a dash for unknown fields', () => {
    const devices = [
      device({ id: 'b', ip: '10.0.0.10', hostname: 'ten' }),
      device({ id: 'a', ip: '10.0.0.9', hostname: 'nine' }),
    ];
    const html = renderToStaticMarkup(createElement(DeviceTable, { devices, caption: 'Devices' }));
    expect(html.indexOf('nine')).toBeLessThan(html.indexOf('ten'));
    expect(html).toContain('—');
  });

  it('renders only a window of rows for a 5,000-device site, with spacers keeping the scroll height', () => {
    const devices = Array.from({ length: 5000 }, (_, i) => device({ id: `d${i}`, ip: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}` }));
    const html = renderToStaticMarkup(createElement(DeviceTable, { devices, caption: 'Devices' }));
    const rows = html.match(/data-device-id=/g)?.length ?? 0;
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(60);
    expect(html).toContain('aria-rowcount="5001"');
    const spacer = /class="spacer" aria-hidden="true" style="height:(\d+)px"/.exec(html);
    expect(Number(spacer?.[1])).toBe((5000 - rows) * ROW_HEIGHT_PX);
  });
});
