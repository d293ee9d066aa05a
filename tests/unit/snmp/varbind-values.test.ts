import { describe, expect, it } from 'vitest';
import { asIpv4, asMac, asNumber, asOid, asRawText, asText, MAX_LABEL_LENGTH, MAX_TEXT_LENGTH, octetsText } from '../../../electron/engine/snmp/varbind-values';
import type { VarBind } from '../../../electron/engine/snmp/source';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);
const octets = (value: Uint8Array): VarBind => ({ oid: '1.3.6.1.2.1.1.1.0', type: 'octets', value });

describe('one varbind decoder', () => {
  it('reads UTF-8, else Latin-1, never failing', () => {
    expect(octetsText(text('Température 23 °C'))).toBe('Température 23 °C');
    expect(octetsText(bytes(0x53, 0xe9, 0x72, 0x69, 0x65))).toBe('Série');
  });

  it('drops the NULs C agents end strings with, and a fixed buffer\'s leftovers after the first NUL', () => {
    expect(octetsText(bytes(...text('eth0'), 0, 0))).toBe('eth0');
    expect(octetsText(bytes(...text('Disk 1'), 0, 0x41, 0x42, 0x43))).toBe('Disk 1');
  });

  it('gives bytes that are not text as colon hex, every byte kept (a MAC that ends in 00)', () => {
    expect(octetsText(bytes(0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x00))).toBe('00:1a:2b:3c:4d:00');
  });

  it('keeps a long string with a stray escape byte as text', () => {
    expect(octetsText(text('\u001b[1mCisco IOS Software, C3750 Software'))).toContain('Cisco IOS Software');
  });

  it('keeps line breaks in the raw text, and turns them into spaces in a label', () => {
    const vb = octets(text('Hardware: x86\r\nSoftware: Windows\n'));
    expect(asRawText(vb)).toBe('Hardware: x86\r\nSoftware: Windows\n');
    expect(asText(vb)).toBe('Hardware: x86 Software: Windows');
    expect(asText(octets(text('  \n ')))).toBeNull();
  });

  it('bounds what an agent can make it hold: raw text to the document\'s field bound, a label to a DisplayString\'s length', () => {
    expect(asRawText(octets(text('x'.repeat(100_000))))).toHaveLength(MAX_TEXT_LENGTH);
    expect(asText(octets(text('x'.repeat(100_000))))).toHaveLength(MAX_LABEL_LENGTH);
  });

  it('reads numbers from numeric types and from text that starts with one', () => {
    expect(asNumber({ oid: '1', type: 'gauge32', value: 42 })).toBe(42);
    expect(asNumber(octets(text(' 23.5 C')))).toBe(23.5);
    expect(asNumber(octets(text('n/a')))).toBeNull();
    expect(asNumber({ oid: '1', type: 'ip', value: '10.0.0.1' })).toBeNull();
  });

  it('reads MACs from octets (with or without a length octet) and from text', () => {
    expect(asMac(octets(bytes(0, 0x0c, 0x29, 1, 2, 3)))).toBe('00:0c:29:01:02:03');
    expect(asMac(octets(bytes(6, 0, 0x0c, 0x29, 1, 2, 3)))).toBe('00:0c:29:01:02:03');
    expect(asMac(octets(text('000c.2901.0203')))).toBe('00:0c:29:01:02:03');
    expect(asMac(octets(text('not a mac')))).toBeNull();
  });

  it('reads IPv4 addresses and OIDs, refusing what is not one', () => {
    expect(asIpv4(octets(bytes(10, 77, 0, 1)))).toBe('10.77.0.1');
    expect(asIpv4(octets(text('10.77.0.300')))).toBeNull();
    expect(asOid({ oid: '1', type: 'oid', value: '1.3.6.1.4.1.9' })).toBe('1.3.6.1.4.1.9');
    expect(asOid(octets(text('enterprises.9')))).toBeNull();
  });
});

describe('DisplayString objects', () => {
  it('stay text whatever stray bytes they carry (a sysName with a BEL), where an untyped short value would read as binary', () => {
    const value = Uint8Array.from([...new TextEncoder().encode('fake-01'), 7]);
    expect(octetsText(value, { displayString: true })).toBe('fake-01\u0007');
    expect(octetsText(value)).toBe('66:61:6b:65:2d:30:31:07');
  });

  it('are recorded whole, what follows a NUL included (a hostile agent\'s string is kept, inert)', () => {
    const value = new TextEncoder().encode(`<b>x</b>\u0000${'<script>'.repeat(2000)}`);
    expect(octetsText(value, { displayString: true })).toHaveLength(value.length);
    expect(octetsText(value)).toBe('<b>x</b>');
  });
});
