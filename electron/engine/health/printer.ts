/**
 * Printer-MIB (RFC 3805): marker supplies as percentages (with the special
 * levels −1/−2/−3), colourants, active alerts, page count, and the
 * hrPrinterDetectedErrorState bit mask from HOST-RESOURCES-MIB.
 */
import type { PrinterAlert, PrinterState, Supply } from '../../../shared/health/schema';
import { asBytes, asNumber, asText } from '../snmp/varbind-values';
import { round } from '../util/round';
import { compareIndex, readTable, type HealthContext } from './table';

const SUPPLIES = {
  level: '1.3.6.1.2.1.43.11.1.1.9',
  unit: '1.3.6.1.2.1.43.11.1.1.7',
  max: '1.3.6.1.2.1.43.11.1.1.8',
  descr: '1.3.6.1.2.1.43.11.1.1.6',
  type: '1.3.6.1.2.1.43.11.1.1.5',
  colorant: '1.3.6.1.2.1.43.11.1.1.3',
} as const;
const COLORANT_VALUE = '1.3.6.1.2.1.43.12.1.1.4';

/** PrtMarkerSuppliesTypeTC (IANA-PRINTER-MIB) → normalised kind. */
const SUPPLY_TYPES: Record<number, Supply['kind']> = {
  3: 'toner', 4: 'waste', 5: 'ink', 6: 'ink', 7: 'ink', 8: 'waste', 9: 'drum', 10: 'developer',
  11: 'fuser', 14: 'waste', 15: 'fuser', 17: 'fuser', 19: 'fuser', 20: 'transfer', 21: 'toner', 22: 'fuser',
  24: 'waste', 26: 'waste', 32: 'staples',
};

/** Used when the type column is absent or says other/unknown: the description usually names the part. */
const SUPPLY_NAME_PATTERNS: Array<[RegExp, Supply['kind']]> = [
  [/waste|collection|resid/i, 'waste'],
  [/drum|photoconductor|opc|imaging unit|image unit/i, 'drum'],
  [/fuser|fusing/i, 'fuser'],
  [/developer/i, 'developer'],
  [/transfer|belt/i, 'transfer'],
  [/staple/i, 'staples'],
  [/ink/i, 'ink'],
  [/toner|cartridge|碳粉/i, 'toner'],
];

const COLOUR_PATTERNS: Array<[RegExp, string]> = [
  [/black|schwarz|noir|黑/i, 'black'],
  [/cyan|青/i, 'cyan'],
  [/magenta|洋紅|洋红/i, 'magenta'],
  [/yellow|gelb|jaune|黃|黄/i, 'yellow'],
];

/** PrtMarkerSuppliesSupplyUnitTC. */
const SUPPLY_UNITS: Record<number, string> = {
  3: 'tenThousandthsOfInches', 4: 'micrometers', 7: 'impressions', 8: 'sheets', 11: 'hours', 12: 'thousandthsOfOunces',
  13: 'tenthsOfGrams', 14: 'hundrethsOfFluidOunces', 15: 'tenthsOfMilliliters', 16: 'feet', 17: 'meters', 18: 'items', 19: 'percent',
};

/** Vendors whose agents put −100 for "empty" (Ricoh family): the level is a percentage already. */
const EMPTY_SENTINEL = -100;

/**
 * Percent of a supply. −1 "other" (the MIB: no restriction) and −2 unknown →
 * null; −3 "some remaining" → null with `someRemaining`, never a made-up number.
 */
export function supplyPercent(level: number | null, capacity: number | null): { percent: number | null; someRemaining: boolean } {
  if (level === null) return { percent: null, someRemaining: false };
  if (level === -3) return { percent: null, someRemaining: true };
  if (level === -2 || level === -1) return { percent: null, someRemaining: false };
  if (level === EMPTY_SENTINEL) return { percent: 0, someRemaining: false };
  if (level < 0) return { percent: null, someRemaining: false };
  // A missing or non-positive capacity means the level is already a percentage.
  const cap = capacity !== null && capacity > 0 ? capacity : 100;
  return { percent: Math.max(0, Math.min(100, round((level / cap) * 100, 1))), someRemaining: false };
}

export async function collectSupplies(ctx: HealthContext): Promise<Supply[]> {
  const rows = await readTable(ctx, SUPPLIES, 'health:printer-supplies');
  if (rows.size === 0) return [];
  const colorants = await readTable(ctx, { value: COLORANT_VALUE }, 'health:printer-colorants');
  const supplies: Supply[] = [];
  for (const index of [...rows.keys()].sort(compareIndex)) {
    const row = rows.get(index)!;
    const name = asText(row.descr) || `supply ${index}`;
    const level = asNumber(row.level);
    const capacity = asNumber(row.max);
    const { percent, someRemaining } = supplyPercent(level, capacity);
    const typeNum = asNumber(row.type);
    const kind = (typeNum !== null ? SUPPLY_TYPES[typeNum] : undefined) ?? kindFromName(name);
    const device = index.split('.')[0];
    const colorantIndex = asNumber(row.colorant);
    const colorantText = colorantIndex ? asText(colorants.get(`${device}.${colorantIndex}`)?.value) : null;
    const supply: Supply = {
      kind,
      colour: normaliseColour(colorantText) ?? normaliseColour(name),
      name,
      percent,
      level,
      capacity,
      oids: [`${SUPPLIES.level}.${index}`, `${SUPPLIES.max}.${index}`, `${SUPPLIES.descr}.${index}`],
    };
    if (someRemaining) supply.someRemaining = true;
    const unit = SUPPLY_UNITS[asNumber(row.unit) ?? 0];
    if (unit) supply.unit = unit;
    supplies.push(supply);
  }
  return supplies;
}

function kindFromName(name: string): Supply['kind'] {
  for (const [re, kind] of SUPPLY_NAME_PATTERNS) if (re.test(name)) return kind;
  return 'other';
}

function normaliseColour(text: string | null): string | null {
  if (!text) return null;
  for (const [re, colour] of COLOUR_PATTERNS) if (re.test(text)) return colour;
  return null;
}

const ALERTS = {
  severity: '1.3.6.1.2.1.43.18.1.1.2',
  group: '1.3.6.1.2.1.43.18.1.1.4',
  code: '1.3.6.1.2.1.43.18.1.1.7',
  description: '1.3.6.1.2.1.43.18.1.1.8',
} as const;
const ALERT_SEVERITY: Record<number, PrinterAlert['severity']> = { 1: 'other', 3: 'critical', 4: 'warning', 5: 'warning' };

/** PrtAlertCodeTC (IANA-PRINTER-MIB): the codes a technician acts on. */
export const PRINTER_ALERT_CODES: Record<number, string> = {
  3: 'coverOpen', 4: 'coverClosed', 5: 'interlockOpen', 7: 'configurationChange', 8: 'jam',
  9: 'subunitMissing', 10: 'subunitLifeAlmostOver', 11: 'subunitLifeOver', 12: 'subunitAlmostEmpty', 13: 'subunitEmpty',
  14: 'subunitAlmostFull', 15: 'subunitFull', 501: 'doorOpen', 502: 'doorClosed', 801: 'inputMediaTrayMissing',
  805: 'inputMediaSupplyLow', 806: 'inputMediaSupplyEmpty', 808: 'inputMediaSupplyEmpty', 901: 'outputMediaTrayMissing',
  903: 'outputMediaTrayAlmostFull', 904: 'outputMediaTrayFull', 1001: 'markerFuserUnderTemperature',
  1002: 'markerFuserOverTemperature', 1101: 'markerTonerEmpty', 1102: 'markerInkEmpty', 1104: 'markerTonerAlmostEmpty',
  1105: 'markerInkAlmostEmpty', 1107: 'markerWasteTonerReceptacleAlmostFull', 1109: 'markerWasteTonerReceptacleFull',
  1111: 'markerOpcLifeAlmostOver', 1112: 'markerOpcLifeOver', 1113: 'markerDeveloperAlmostEmpty', 1114: 'markerDeveloperEmpty',
  1301: 'mediaPathMediaTrayMissing', 1302: 'mediaPathMediaTrayAlmostFull', 1303: 'mediaPathMediaTrayFull',
};

/** hrPrinterDetectedErrorState bits, bit 0 = most significant bit of the first byte. */
export const PRINTER_ERROR_BITS = [
  'lowPaper', 'noPaper', 'lowToner', 'noToner', 'doorOpen', 'jammed', 'offline', 'serviceRequested',
  'inputTrayMissing', 'outputTrayMissing', 'markerSupplyMissing', 'outputNearFull', 'outputFull', 'inputTrayEmpty',
  'overduePreventMaint',
] as const;

export function decodePrinterErrorState(bytes: Uint8Array): string[] {
  const out: string[] = [];
  PRINTER_ERROR_BITS.forEach((name, bit) => {
    const byte = bytes[bit >> 3];
    if (byte !== undefined && (byte >> (7 - (bit & 7))) & 1) out.push(name);
  });
  return out;
}

const HR_PRINTER_ERROR_STATE = '1.3.6.1.2.1.25.3.5.1.2';
const PAGE_COUNT = '1.3.6.1.2.1.43.10.2.1.4';

export async function collectPrinterState(ctx: HealthContext): Promise<PrinterState | null> {
  const errorRows = await readTable(ctx, { state: HR_PRINTER_ERROR_STATE }, 'health:printer-errors');
  const pages = await readTable(ctx, { count: PAGE_COUNT }, 'health:printer-pages');
  const alertRows = await readTable(ctx, ALERTS, 'health:printer-alerts');
  if (errorRows.size === 0 && pages.size === 0 && alertRows.size === 0) return null;
  const oids: string[] = [];
  const errorStates = new Set<string>();
  for (const [index, row] of errorRows) {
    const bytes = asBytes(row.state);
    if (!bytes) continue;
    oids.push(`${HR_PRINTER_ERROR_STATE}.${index}`);
    for (const s of decodePrinterErrorState(bytes)) errorStates.add(s);
  }
  let pageCount: number | null = null;
  for (const [index, row] of [...pages].sort((a, b) => compareIndex(a[0], b[0]))) {
    const n = asNumber(row.count);
    if (n !== null && n >= 0) {
      pageCount = (pageCount ?? 0) + n;
      oids.push(`${PAGE_COUNT}.${index}`);
    }
  }
  const alerts: PrinterAlert[] = [];
  for (const index of [...alertRows.keys()].sort(compareIndex)) {
    const row = alertRows.get(index)!;
    const code = asNumber(row.code);
    alerts.push({
      severity: ALERT_SEVERITY[asNumber(row.severity) ?? 0] ?? 'other',
      code,
      codeName: code !== null ? (PRINTER_ALERT_CODES[code] ?? null) : null,
      group: asNumber(row.group),
      description: asText(row.description) ?? '',
      oids: Object.values(ALERTS).map((c) => `${c}.${index}`),
    });
  }
  return { pageCount, errorStates: [...errorStates], alerts, oids };
}
