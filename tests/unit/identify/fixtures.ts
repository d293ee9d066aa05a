/** Small hand-written agents for the identification tests, plus a source that counts its reads. */
import { loadSnmprec } from '../../../electron/engine/snmp/file-source';
import type { SnmpSource, WalkOptions } from '../../../electron/engine/snmp/source';

export const PRINTER = [
  '1.3.6.1.2.1.1.1.0|4|Acme Networked Imaging Device',
  '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.99999.1',
  '1.3.6.1.2.1.1.5.0|4|floor2-mfp',
  '1.3.6.1.2.1.25.3.2.1.2.1|6|1.3.6.1.2.1.25.3.1.5',
  '1.3.6.1.2.1.25.3.2.1.3.1|4|Acme ColorJet 5000dn',
  '1.3.6.1.2.1.43.5.1.1.16.1|4|Acme ColorJet',
  '1.3.6.1.2.1.43.5.1.1.17.1|4|ACM123456',
].join('\n');

export const APC_UPS = [
  '1.3.6.1.2.1.1.1.0|4|APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.6.4 PN:apc_hw05_aos_664.bin AF1:v6.6.4 AN1:apc_hw05_sumx_664.bin MN:AP9631 HR:08 SN: ZA1234567890 MD:07/07/2017)',
  '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.318.1.3.27',
  '1.3.6.1.4.1.318.1.1.1.1.1.1.0|4|Smart-UPS X 750',
  '1.3.6.1.4.1.318.1.1.1.1.2.1.0|4|UPS 09.9 (ID20)',
  '1.3.6.1.4.1.318.1.1.1.1.2.3.0|4|AS1234567890',
].join('\n');

/** A stack: the virtual "stack" row has no model; the real chassis is row 1001. */
export const CISCO_STACK = [
  '1.3.6.1.2.1.1.1.0|4|Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE SOFTWARE (fc1)',
  '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1208',
  '1.3.6.1.2.1.47.1.1.1.1.2.1|4|c29xx Stack',
  '1.3.6.1.2.1.47.1.1.1.1.2.1001|4|WS-C2960X-48FPD-L',
  '1.3.6.1.2.1.47.1.1.1.1.5.1|2|11',
  '1.3.6.1.2.1.47.1.1.1.1.5.1001|2|3',
  '1.3.6.1.2.1.47.1.1.1.1.5.1002|2|10',
  '1.3.6.1.2.1.47.1.1.1.1.10.1001|4|15.2(7)E8',
  '1.3.6.1.2.1.47.1.1.1.1.11.1|4|',
  '1.3.6.1.2.1.47.1.1.1.1.11.1001|4|FOC1234X0AB',
  '1.3.6.1.2.1.47.1.1.1.1.13.1|4|',
  '1.3.6.1.2.1.47.1.1.1.1.13.1001|4|WS-C2960X-48FPD-L',
].join('\n');

/** Synology answers with net-snmp's generic sysObjectID; only its own MIB says what it is. */
export const SYNOLOGY = [
  '1.3.6.1.2.1.1.1.0|4|Linux nas01 4.4.180+ #42962 SMP Sat Apr 8 00:10:11 CST 2023 x86_64',
  '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10',
  '1.3.6.1.2.1.25.4.2.1.2.1|4|init',
  '1.3.6.1.4.1.6574.1.5.1.0|4|DS920+',
  '1.3.6.1.4.1.6574.1.5.2.0|4|2080PDN123456',
  '1.3.6.1.4.1.6574.1.5.3.0|4|DSM 7.1.1-42962',
].join('\n');

export interface CountingSource extends SnmpSource {
  gets: string[][];
  walks: Array<{ root: string; options?: WalkOptions }>;
  /** Each batched first-row read: the columns it asked. */
  firstRowReads: string[][];
}

/** Wraps a recording and records every read, so tests can assert how much was asked. */
export function countingSource(snmprec: string, label = 'fixture'): CountingSource {
  const inner = loadSnmprec(snmprec, label);
  const gets: string[][] = [];
  const walks: Array<{ root: string; options?: WalkOptions }> = [];
  const firstRowReads: string[][] = [];
  return {
    label,
    gets,
    walks,
    firstRowReads,
    firstRows(columns, signal) {
      firstRowReads.push([...columns]);
      return inner.firstRows(columns, signal);
    },
    get(oids, signal) {
      gets.push([...oids]);
      return inner.get(oids, signal);
    },
    walk(root, options) {
      walks.push({ root, options });
      return inner.walk(root, options);
    },
  };
}
