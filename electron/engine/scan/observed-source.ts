/**
 * Collectors treat a cut-short walk as "fewer rows" and move on, which is
 * right for them; but the technician should still learn that an agent loops,
 * answers garbage or overflows a bound. This wrapper reports every walk
 * problem once per device without touching any collector. A sample read
 * (`sample`: the first rows on purpose) that stops at its row bound is not one.
 */
import type { DeviceError } from '../../../shared/scan-document';
import type { SnmpSource, WalkOptions } from '../snmp/source';

function stoppedAsAsked(options: WalkOptions | undefined, rows: number): boolean {
  return options?.sample === true && options.maxRows !== undefined && rows >= options.maxRows;
}

export function observeWalkProblems(source: SnmpSource, report: (error: DeviceError) => void): SnmpSource {
  const reported = new Set<string>();
  const once = (error: DeviceError) => {
    if (reported.has(error.code)) return;
    reported.add(error.code);
    report(error);
  };
  return {
    label: source.label,
    get: (oids, signal) => source.get(oids, signal),
    ...(source.firstRows ? { firstRows: source.firstRows.bind(source) } : {}),
    async walk(rootOid, options) {
      const result = await source.walk(rootOid, options);
      if (result.error) once({ code: result.error.code, message: `walk of ${rootOid}: ${result.error.message}`, phase: 'walk' });
      else if (result.truncated && !stoppedAsAsked(options, result.rows.length)) once({ code: 'walk-truncated', message: `walk of ${rootOid} stopped at its bound after ${result.rows.length} rows`, phase: 'walk' });
      return result;
    },
  };
}
