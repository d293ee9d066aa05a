/**
 * A walk file read as a scan reads a live agent: behind the walk cache enrich.ts puts in front of
 * every agent, counting what would reach it (GET PDUs and their OIDs, walks, batched first-row
 * GETNEXT PDUs at the live source's FIRST_ROWS_PER_PDU). Shared by bench:corpus and its health part.
 */
import type { FileSnmpSource } from '../../electron/engine/snmp/file-source';
import { FIRST_ROWS_PER_PDU } from '../../electron/engine/snmp/live-source';
import type { SnmpSource } from '../../electron/engine/snmp/source';
import { withWalkCache } from '../../electron/engine/snmp/walk-cache';

export interface ReadCounts {
  gets: number;
  getOids: number;
  walks: number;
  firstRowPdus: number;
}

export const noReads = (): ReadCounts => ({ gets: 0, getOids: 0, walks: 0, firstRowPdus: 0 });

export function countedSource(file: FileSnmpSource, reads: ReadCounts): SnmpSource {
  return withWalkCache({
    label: file.label,
    get: (oids, signal) => ((reads.gets += 1), (reads.getOids += oids.length), file.get(oids, signal)),
    walk: (root, options) => ((reads.walks += 1), file.walk(root, options)),
    firstRows: (columns, signal) => ((reads.firstRowPdus += Math.ceil(columns.length / FIRST_ROWS_PER_PDU)), file.firstRows(columns, signal)),
  });
}
