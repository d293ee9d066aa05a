/**
 * The naming grammar vendor MIBs share, used to compile their objects into
 * Forewarn's knowledge: which objects hold a box's serial, model or firmware,
 * which hold a temperature (and in what unit), which enumerations are a
 * component's health and what each label means, and which device class a
 * product's name or description states plainly. Generic by design: no
 * vendor's name appears here.
 */
import type { DeviceType } from '../../shared/device-types';

export type IdentityField = 'serial' | 'model' | 'firmware';
export type Severity = 'ok' | 'warning' | 'critical' | 'unknown';

/**
 * "mtxrHlTemperature" → "mtxr hl temperature"; acronyms kept together ("sysPSUStatus" → "sys psu status").
 * The exclusions below read "high" as a threshold word, except in "high precision" (upsHighPrecBatteryCapacity:
 * the same reading in finer units).
 */
export function words(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
}

/** Parts of a device that are not the box itself: their serials and versions are not the device's. */
const PART = /\b(?:batt|subsys|sub|monitor|modem|wireless|wlan|lte|gps|sim|mesh|port|ports|if|interface|fan|fans|psu|power|battery|batteries|disk|drive|hdd|ssd|sfp|xfp|gbic|transceiver|xcvr|optic|optical|lamp|toner|cartridge|drum|supply|supplies|license|licence|peer|neighbor|neighbour|remote|client|station|sta|ap|radio|antenna|sensor|slot|card|module|line|lc|blade|tray|feeder|vlan|route|user|session|tunnel|trap|notification|event|log|alarm|file|image|config|cfg|backup|download|upload|upgrade|pending|next|new|target|desired|required|min|latest|available|db|database|signature|av|ips|engine|driver|agent|boot|bootrom|bios|mib|protocol|snmp|loader|cpld|fpga|controller|ctrl|dsp|nic|bridge|link|cluster)\b/;

/** Words before a bare "version" that say it is not the box's software ("hw version", "mib version"). */
const NOT_SOFTWARE = /^(?:hw|hardware|pcb|board|mib|snmp|agent|protocol|proto|api|bios|boot|rom|xml|http|ip|tls|ssl|ssh|cfg|conf|config|db|sig|spec|rev|data|file|table|format|schema|license|lic|cpld|fpga)$/;

const IDENTITY_GRAMMAR: ReadonlyArray<readonly [IdentityField, RegExp]> = [
  // A "service tag" is the serial some makers print on the chassis and answer over SNMP.
  ['serial', /\b(?:serial(?: ?(?:num|number|no|nbr|id))?|ser ?num|sn|esn|service ?tag)$/],
  // "Device name", "system name" and "unit name" are names a user gives the box (like sysName), not its model.
  // "neType": a network element's (telecom gear's) type; "productPartNumber", "MfOrderNo": the number the maker sells it by.
  ['model', /\b(?:model(?: ?(?:name|number|no|type|descr|id))?|product ?(?:name|type|model|id|code|descr)|(?:hardware|hw|machine|device|system|sys|box|unit|chassis|platform|ne) ?(?:model|type)|(?:hardware|hw|chassis|platform) ?name|platform|product ?part ?(?:number|no|num)|(?:mf )?order ?(?:number|no))$/],
  // "systemStatusVersion", "mwSystemGeneralVersion": a filler word between the system's name and its version.
  // "swOpCodeVer" (Edgecore, FS: the running operation code), "sysNodeVersion" (Infinera: the network element its software runs).
  ['firmware', /\b(?:firmware(?: ?(?:version|ver|rev|revision|release))?|(?:fw|sw|software|os|system|sys|image|running|product|main|op ?code)(?: (?:general|status|info|current|cur|active|oper|run|node))? ?(?:version|ver|rev|revision|release))$/],
];

/**
 * A bare "version" named after its product ("svnVersion", "ubntVersion", Synology's "version"): the
 * product's software, unless the word before it names something else. Ranked below the explicit names.
 */
function bareProductVersion(w: string): boolean {
  const m = /^(?:([a-z]{2,5}) )?version$/.exec(w);
  return m !== null && !NOT_SOFTWARE.test(m[1] ?? '') && !PART.test(m[1] ?? '');
}

/** The field an object's name says it holds, or null; parts of the box (ports, fans, SFPs…) excluded. */
export function identityFieldOf(name: string): IdentityField | null {
  const w = words(name);
  const hit = IDENTITY_GRAMMAR.find(([, re]) => re.test(w));
  if (!hit) return bareProductVersion(w) ? 'firmware' : null;
  return PART.test(w.replace(hit[1], '')) ? null : hit[0];
}

/** Tables whose rows are the box (or stack members): their first row's serial/model/version is the device's. */
export function isBoxTable(tableName: string): boolean {
  const w = words(tableName);
  return /\b(?:sys|system|chassis|device|unit|box|product|board|stack|member|ident|identity|info|general|inventory|hardware|asset|platform|appliance|node|switch|shelf|nmc|agent)\b/.test(w) && !PART.test(w.replace(/\b(?:agent|controller)\b/g, ''));
}

/** Higher = more likely the box's own value (system/chassis wording, short names). */
export function identityRank(name: string): number {
  const w = words(name);
  let score = 0;
  if (/\b(?:sys|system|chassis|device|unit|box|product|ident|appliance|machine|platform|switch)\b/.test(w)) score += 4;
  if (/\b(?:ups|nas|printer|router)\b/.test(w)) score += 2;
  return score - w.split(' ').length * 0.1;
}

/**
 * A temperature reading by its name: the temperature word last, or followed
 * only by a reading word ("mtxrHlTemperature", "tempSensorValue",
 * "boardTempCelsius"); thresholds, states and units are not readings.
 */
export function isTemperatureName(name: string): boolean {
  const w = words(name);
  // "internal-tempc" (Room Alert), "…TempDegC" (Liebert): the unit glued on or spelled out after the word.
  if (!/\b(?:temp|temperature|temperture|temper|thermal|tmp|tempc)(?: (?:sensor|probe))?(?: (?:status |cur |current )?(?:value|val|reading|current|now|celsius|cel|degree|degrees|deg|c|in c|deg c|degree c|degrees c|\d))?$/.test(w)) return false;
  return !/\b(?:thresh|threshold|limit|alarm|warn|warning|crit|critical|high(?! ?prec)|low|max|maximum|min|minimum|hyst|hysteresis|set|setpoint|unit|units|scale|state|type|index|descr|name|enable|trap|notif|offset|delta|count|time|interval|config|format|mode|level|tolerance|shutdown|event|fahrenheit|fahr|f|degf|rate|trend|recovery|lower|upper|margin|peak|last|history|avg|average|not|client|channel|start|stop|target|ref|reference)\b/.test(w);
}

/** Celsius is written out: a scale of 1 is then not a guess. */
export function saysCelsius(units: string | undefined, description: string): boolean {
  return /celsius|centigrade|°\s*c\b|\bdeg(?:rees?)?\.?\s*c\b|\bdegc\b/i.test(`${units ?? ''} ${description}`);
}

/** Per-port optics and radios report temperatures too; the box's own sensors come first. */
export function temperatureRank(name: string, celsiusWritten: boolean, named: boolean): number {
  const w = words(name);
  let score = (celsiusWritten ? 3 : 0) + (named ? 2 : 0);
  if (/\b(?:optical|optic|laser|sfp|xfp|xcvr|transceiver|rf|radio|ap|mesh|modem|lte|5g|gps|dot11|wlan)\b/.test(w)) score -= 4;
  if (/\b(?:sys|system|chassis|board|cpu|ambient|inlet|internal|device|unit|environment|env|sensor)\b/.test(w)) score += 1;
  return score;
}

/**
 * The multiplier that turns a raw temperature into °C, from the DISPLAY-HINT,
 * UNITS and DESCRIPTION; null when the object says Fahrenheit or a unit it
 * cannot be (a wrong unit is worse than no reading).
 */
export function celsiusScale(format: string | undefined, units: string | undefined, description: string): number | null {
  const text = `${units ?? ''} ${description}`.toLowerCase();
  if (/fahrenheit|°\s*f\b|\bdeg(?:rees?)?\s*f\b|\bdegf\b|kelvin/.test(`${units ?? ''}`.toLowerCase())) return null;
  if (/fahrenheit/.test(text) && !/celsius|centigrade/.test(text)) return null;
  const hint = /^d-(\d)$/.exec(format ?? '');
  if (hint) return 10 ** -Number(hint[1]);
  // "Each unit is 0.5 degrees Celcius" (Foundry, Brocade): half-degree steps.
  if (/\b(?:0\.5|half(?: a)?) ?(?:degrees?|deg|°|celsius|celcius|centigrade|c)\b/.test(text)) return 0.5;
  if (/\b(?:0\.1|1\/10|tenths?|one-tenth|deci)\b|\b10ths\b|x ?10\b|times 10|\* ?10\b|multiplied by 10\b|in 0\.1/.test(text)) return 0.1;
  if (/\b(?:0\.01|1\/100|hundredths?)\b|x ?100\b|multiplied by 100\b/.test(text)) return 0.01;
  if (/\b(?:0\.001|1\/1000|thousandths?|milli ?(?:degrees?|celsius|c)|millidegrees?|m°c|mdeg)\b/.test(text)) return 0.001;
  return 1;
}

/** Where a temperature sits, from its name. */
export function temperatureComponent(name: string): 'cpu' | 'disk' | 'battery' | 'temperature' {
  const w = words(name);
  if (/\b(?:cpu|processor|proc)\b/.test(w)) return 'cpu';
  if (/\b(?:disk|hdd|hd|drive|ssd)\b/.test(w)) return 'disk';
  if (/\b(?:batt|battery)\b/.test(w)) return 'battery';
  return 'temperature';
}

/** Health enumerations: the component an object (or its table) is about. */
export function stateComponentOf(name: string, table: string): 'fan' | 'psu' | 'temperature' | 'disk' | 'raid' | 'battery' | 'system' | 'memory' | 'module' | null {
  const w = `${words(table)} ${words(name)}`;
  if (!/\b(?:status|state|oper ?status|condition|health|operational)$/.test(words(name))) return null;
  if (/\b(?:admin|config|cfg|enable|mode|test|trap|notif|link|port|if|interface|vlan|license|session|user|tunnel|peer|neighbor|client|sync|replication|backup|upgrade|download|file|bulk|stat|stats|connect|connection|trunk|member|ap|wlan|radio|optical|sfp|vc|lsp|pw|bfd|ospf|bgp|vrrp|ha|cluster|vpn|sensor ?type|package)\b/.test(w)) return null;
  if (/\b(?:fan|fans|cooling|blower)\b/.test(w)) return 'fan';
  if (/\b(?:psu|psus|ps\d*|power ?supply|pwr|supply|supplies|pem|rectifier)\b/.test(w)) return 'psu';
  // "powerStatus" (Synology: "all power supplies functional"): the box's power. Not a measured one
  // (a laser's transmit power, an outlet's active power) nor a drive's or a port's.
  if (/\bpower (?:status|state|condition)$/.test(w) && !/\b(?:\w*tx|\w*rx|rf|opt|lane|active|apparent|reactive|outlet|cord|pd|new|poe|remote)\b/.test(w)) return 'psu';
  // "cpqDaLogDrvCondition", "cpqDaPhyDrvCondition": Smart Array's logical and physical drives, abbreviated.
  if (/\b(?:raid|volume|array|pool|lun|log drv|logical drive)\b/.test(w)) return 'raid';
  if (/\b(?:disk|disks|drive|drives|drv|hdd|ssd)\b/.test(w)) return 'disk';
  if (/\b(?:batt|battery)\b/.test(w)) return 'battery';
  if (/\b(?:temp|temperature|thermal)\b/.test(w)) return 'temperature';
  if (/\b(?:memory|dimm|mem\d*)\b/.test(w)) return 'memory';
  if (/\b(?:chassis|system|sys|global|overall)\b/.test(words(name))) return 'system';
  // A chassis sensor table ("hpicfSensorStatus": fans, power supplies, over-temperature in one table): the
  // row's name says which part each is (health/sensor-table-engine.ts).
  if (/\bsensors?\b/.test(w)) return 'system';
  return null;
}

// "acGood", "temperature-normal", "fanOk": a part's name, then a good word.
const OK = /^(?:ok|okay|normal|good|up|on|online|present|running|operational|nominal|active|ready|healthy|fine|in ?service|working|available|no ?(?:error|fault|alarm|failure|problem)s?|clear|cleared|optimal|green|normal ?operation|(?!(?:not|no|non)\b)[a-z]+ (?:ok|good|normal))$/;
// "below-min", "above-max" (Brocade's sensors): a reading past its limits.
const WARNING = /(?:warn|minor|degraded|degrade|non ?critical|marginal|attention|caution|yellow|rebuild|rebuilding|resync|predict|predictive|below ?min|above ?max|out ?of ?range)/;
// "Deactive" (H3C's fans and power supplies), "inactive" (Aruba's): a part that has stopped working (for an alarm, see ALARM_NAME).
const CRITICAL = /(?:fail|failed|failure|fault|faulty|critical|major|\bbad\b|\bdown\b|error|alarm|shutdown|non ?recoverable|broken|abnormal|not ?functioning|over ?temp|overheat|stopped|\bstall(?:ed)?\b|\bdead\b|\bred\b|crash|crashed|offline|\blost\b|missing|malfunction|^de ?active$|^inactive$)/;
const UNKNOWN = /(?:unknown|other|not ?present|absent|absence|not ?install(?:ed)?|uninstall(?:ed)?|empty|none|not ?available|not ?supported|unavailable|not ?applicable|no ?sensor|disabled|undefined|unsupport(?:ed)?|n ?a)$/;

/** A state label's severity by the words vendors use; null when the label says nothing plain. */
export function severityOfLabel(label: string): Severity | null {
  const w = words(label).trim();
  if (UNKNOWN.test(w)) return 'unknown';
  if (OK.test(w)) return 'ok';
  // "nonCritical", "predictiveFailure": warning words first, before the words they contain.
  if (WARNING.test(w)) return 'warning';
  if (CRITICAL.test(w)) return 'critical';
  return null;
}

/**
 * Objects that report an alarm or a failure ("fanFailureAlarmStatus", "batteryTempCompRunawayState"):
 * there "active" means the alarm is raised, and "inactive" that all is well.
 */
const ALARM_NAME = /\b(?:alarms?|failures?|fail|faults?|runaway|ovrd|override|alerts?|trouble)\b/;
const RAISED = /^(?:active|on|true|yes|set|raised)$/;
const CLEARED = /^(?:inactive|de ?active|off|false|no|not ?active)$/;

/**
 * An enumeration is a health state when every label reads plainly and at
 * least one is good and one is bad; otherwise (enable/disable, modes) it is not.
 * `name`, the object's, turns "active"/"inactive" around for an alarm.
 */
export function healthEnumeration(enums: Record<number, string>, name = ''): Record<number, [string, Severity]> | null {
  const alarm = ALARM_NAME.test(words(name));
  const out: Record<number, [string, Severity]> = {};
  let good = 0;
  let bad = 0;
  let unread = 0;
  for (const [n, label] of Object.entries(enums)) {
    const w = words(label).trim();
    const severity = alarm && RAISED.test(w) ? 'critical' : alarm && CLEARED.test(w) ? 'ok' : severityOfLabel(label);
    if (!severity) unread++;
    if (severity === 'ok') good++;
    if (severity === 'warning' || severity === 'critical') bad++;
    out[Number(n)] = [label, severity ?? 'unknown'];
  }
  // A long list of a drive's or a controller's conditions ("expanding", "erasing", "wrongDrive") may
  // hold labels no plain word reads: those say "unknown", never a false alarm, when most labels read plainly.
  const mostlyRead = unread === 0 || (Object.keys(enums).length >= 8 && unread * 2 <= Object.keys(enums).length);
  return good > 0 && bad > 0 && mostlyRead ? out : null;
}

/**
 * The values an INTEGER with no enumeration of its own lists in its DESCRIPTION: "Normal(1): All
 * fans functional normally. Failed(2): …" (Synology), "0 - Normal 1 - Warning 2 - Minor" (Alpha Technologies).
 * Null unless two or more distinct values are named, or when the object is a bit map.
 */
export function enumerationInDescription(description: string): Record<number, string> | null {
  if (/\bbit(?:s|map|mask|-encoded| ?field)?\b/i.test(description)) return null;
  const out: Record<number, string> = {};
  for (const m of description.matchAll(/\b([A-Za-z][\w-]*)\s*\(\s*(\d{1,3})\s*\)\s*[:,.]/g)) out[Number(m[2])] ??= m[1]!;
  if (Object.keys(out).length < 2) for (const m of description.matchAll(/(?:^|[\s,;.])(\d{1,3})\s*(?:-|=|:)\s*([A-Za-z][\w-]*)/g)) out[Number(m[1])] ??= m[2]!;
  return Object.keys(out).length >= 2 ? out : null;
}

const CLASS_WORDS: ReadonlyArray<readonly [RegExp, DeviceType]> = [
  [/\bwireless (?:lan )?controllers?\b|\bwlan controllers?\b|\bwlc\b|\bmobility controllers?\b/, 'wireless-controller'],
  [/\bfirewalls?\b|\bsecurity (?:appliance|gateway)s?\b|\butm\b|\bngfw\b|\bvpn (?:gateway|concentrator|appliance)s?\b/, 'firewall'],
  [/\bups\b|\buninterruptible\b/, 'ups'],
  [/\bpdus?\b|\bpower distribution\b|\btransfer switch\b|\bats\b/, 'pdu'],
  [/\bprinters?\b|\bmfp\b|\bcopiers?\b|\bmultifunction\b|\blaser ?jet\b/, 'printer'],
  [/\bcameras?\b|\bnvr\b|\bdvr\b|\bvideo (?:encoder|server)s?\b/, 'camera'],
  [/\bip (?:tele)?phones?\b|\bvoip phones?\b|\bdesk ?phones?\b/, 'phone'],
  [/\bnas\b|\bnetwork attached storage\b|\bstorage (?:array|system|appliance)s?\b|\bfilers?\b|\btape (?:library|drive)\b/, 'nas'],
  [/\baccess points?\b|\bwireless (?:ap|bridge|router)s?\b|\bwlan aps?\b/, 'access-point'],
  [/\brouters?\b|\brouting\b|\bcmts\b|\bdsl(?:am)?\b|\bolt\b|\bcpe\b/, 'router'],
  [/\bswitch(?:es)?\b|\bswitching\b|\bethernet switch\b/, 'switch'],
  [/\b(?:rack|blade|tower|x86|application|storage) servers?\b|\bbmc\b|\bbaseboard management\b|\blights[- ]out\b/, 'server'],
  [/\benvironment(?:al)? (?:monitor|sensor|unit)s?\b/, 'environment-sensor'],
  // Network gear that is neither switch nor router: optical transport, multiplexers, media converters.
  [/\b(?:x|c|d)?wdm\b|\bmultiplexers?\b|\btransponders?\b|\bmuxponders?\b|\bedfa\b|\boptical (?:transport|amplifier|line|network)\b|\bmedia converters?\b|\b(?:sdh|sonet|otn)\b/, 'network-device'],
];

/**
 * Words a MIB module's name uses for what it manages ("RADIO-BRIDGE-MIB", "ALPHA-RECTIFIER-SYS-MIB",
 * "WebGraph-8xThermometer-US-MIB", "AXIS-VIDEO-MIB"): counted for a vendor's usual class only, never
 * for a product (a product called "…Video…" may be a codec, a vendor whose MIB is about video is not a router maker).
 */
const MODULE_CLASS_WORDS: ReadonlyArray<readonly [RegExp, DeviceType]> = [
  // Not "PTP": in module names that is the Precision Time Protocol as often as point-to-point.
  [/\bradio (?:bridge|link)s?\b|\bmicrowave\b|\bpoint to (?:multi)?point\b/, 'access-point'],
  [/\brectifiers?\b|\binverters?\b|\bdc power\b|\bpower (?:system|plant)s?\b/, 'ups'],
  // Module names glue UPS and PDU to a brand or kind ("SOCOMECUPS-MIB", "XUPS-MIB", "DIGIPDU-MIB", "RNX-UPDU-MIB");
  // "GROUPS" is no UPS, and a BPDU is spanning tree's.
  [/\w*(?<!gro)ups\b/, 'ups'],
  [/\w*(?<!b)pdus?\b/, 'pdu'],
  [/\bthermometers?\b|\bthermo ?hygro\w*\b|\benviro\w*|\broom ?alert\w*|\bsensor ?probes?\b|\bclimate\b/, 'environment-sensor'],
  [/\bvideo\b|\bsurveillance\b/, 'camera'],
  // A server's own management controller (IDRAC-MIB, DELL-RAC-MIB, LENOVO-XCC-MIB, IMM-MIB): the server is what a technician
  // acts on. Not "IPMI": switches keep IPMI modules for their chassis managers (IPI-CMM-IPMI-MIB).
  [/\b(?:i?drac|rac|ilo|imm|i?bmc|xcc)\b/, 'server'],
];

/**
 * What only network equipment manages, in a MIB module's name ("CIENA-CES-MPLS-MIB", "LUM-IFOTN-MIB",
 * "RAISECOM-PON-DEVICE-MIB", "ADTRAN-AOS-QOS"; interface-type modules glue "IF" on: "IFOTN"):
 * switching, routing and transport protocols, optics and line interfaces. A vendor whose modules are mostly these makes network equipment, even when no module
 * says switch or router: the usual class of optical-transport, access and carrier-Ethernet makers.
 */
const NETWORK_MODULE_WORDS =
  /\b(?:if ?)?(?:vlans?|q ?bridge|stp|rstp|mstp|spanning ?tree|lag|lacp|link ?aggregation|ospf\w*|bgp\w*|isis|rip|mpls|ldp|rsvp(?: ?te)?|bfd|vrrp|hsrp|vrf|qos|acl|access ?list|igmp\w*|mld|pim|multicast|mcast|cfm|oam|y1731|mef|evc|erps|raps|eaps|otn|och|odu|wdm|dwdm|cwdm|sdh|sonet|ds1|ds3|e1|t1|e3|t3|atm|frame ?relay|pon|gpon|epon|olt|onu|ont|xdsl|adsl|vdsl|shdsl|optical|optics|transceivers?|xcvr|sfp|amplifiers?|edfa|mux|muxponder|transponder|pppoe|l2tp|vpls|pseudo ?wire|pw|twamp|sflow|netflow|ipfix)\b/;

/** Whether a MIB module's name is about what only network equipment does (NETWORK_MODULE_WORDS). */
export function isNetworkModule(name: string): boolean {
  return NETWORK_MODULE_WORDS.test(words(name.replace(/-MIB$/i, '')));
}

/**
 * Module names about the radio itself ("ALVARION-DEVICE-WIRELESS-MIB", "SIAE-RADIO-SYSTEM-MIB",
 * "CAMBIUM-PMP80211-MIB", "MIMOSA-NETWORKS-PTMP-MIB").
 * Not "PTP": in module names that is the Precision Time Protocol as often as point-to-point.
 */
const RADIO_MODULE_WORDS = /\b(?:radio|wireless|wlan|(?:802 ?)?dot ?11|\w*80211|ptmp|microwave)\b/;

export function isRadioModule(name: string): boolean {
  return RADIO_MODULE_WORDS.test(words(name.replace(/-MIB$/i, '')));
}

/**
 * The class a MIB module's name alone states: a radio, else MODULE_CLASS_WORDS, else CLASS_WORDS. Never
 * "network device": optics and line modules are what a router's line card serves as much as a multiplexer.
 */
export function classOfModuleName(name: string): DeviceType | null {
  if (isRadioModule(name)) return 'access-point';
  const cls = classOfModuleWords(name);
  return cls === 'network-device' ? null : cls;
}

/** The classes that are network equipment of a kind: a vendor's votes for any of them are votes for network gear. */
export const NETWORK_CLASSES: ReadonlySet<DeviceType> = new Set(['router', 'switch', 'firewall', 'access-point', 'wireless-controller', 'network-device']);

/** The class a MIB module's name states in module words, else in product words; null when it states none. */
function classOfModuleWords(name: string): DeviceType | null {
  const named = words(name.replace(/-MIB$/i, ''));
  return MODULE_CLASS_WORDS.find(([re]) => re.test(named))?.[1] ?? CLASS_WORDS.find(([re]) => re.test(named))?.[1] ?? null;
}

/** The class a MIB module's name, or else the first part of its description, states; null when neither does. */
export function classOfModule(name: string, description: string): DeviceType | null {
  return classOfModuleWords(name) ?? classOfProduct('', undefined, description.slice(0, 400));
}

/** The class a product's own words state, or null. */
export function classOfProduct(name: string, comment: string | undefined, description: string): DeviceType | null {
  const text = `${words(name)} ${comment ?? ''} ${description}`.toLowerCase();
  return CLASS_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
}

export type UpsField = 'chargePercent' | 'runtimeMinutes' | 'batteryStatus';

/** UPS battery readings by name: charge, runtime left, battery status. */
export function upsFieldOf(name: string): UpsField | null {
  const w = words(name);
  if (/\b(?:thresh|threshold|limit|alarm|min|max|low|high(?! ?prec)|set|config|test|last|since|date|time ?on ?battery|elapsed)\b/.test(w)) return null;
  if (/\b(?:bat|batt|battery)\b/.test(w) && /\b(?:capacity|charge)(?: (?:remaining|level|percent|pct))?$/.test(w)) return 'chargePercent';
  if (/\b(?:bat|batt|battery)\b.*\b(?:run ?time|runtime|autonomy|time remaining|remaining time)(?: (?:remaining|left))?$|\b(?:estimated )?(?:run ?time|runtime|autonomy) (?:remaining|left)$/.test(w)) return 'runtimeMinutes';
  if (/\b(?:bat|batt|battery) (?:status|state|condition)$/.test(w)) return 'batteryStatus';
  return null;
}

/** What a runtime object counts in, from its syntax and words; null when it does not say. */
export function runtimeUnit(base: string, units: string | undefined, description: string): 'ticks' | 'minutes' | 'seconds' | null {
  if (/TimeTicks/.test(base)) return 'ticks';
  const text = `${units ?? ''} ${description}`.toLowerCase();
  if (/\bminutes?\b|\bmins?\b/.test(text)) return 'minutes';
  if (/\bseconds?\b|\bsecs?\b/.test(text)) return 'seconds';
  return null;
}

const BATTERY_STATUS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:unknown|other|undefined)$/, 'unknown'],
  [/^(?:normal|ok|good|battery normal|full|charged|charging|floating|float|resting)$/, 'normal'],
  [/\blow\b|\bdischarg/, 'low'],
  [/\bdepleted\b|\bexhausted\b|\bempty\b/, 'depleted'],
  [/\bnot ?present\b|\babsent\b|\bdisconnected\b|\bmissing\b|\bno (?:battery|batt|bat)\b/, 'not-present'],
  [/\bfault\b|\bfail|\bbad\b|\breplace\b|\bdefect/, 'fault'],
];

/** A battery status enumeration in UPS-MIB's words; null unless every label reads plainly and one is normal. */
export function batteryStatusEnumeration(enums: Record<number, string>): Record<number, string> | null {
  const out: Record<number, string> = {};
  for (const [n, label] of Object.entries(enums)) {
    const status = BATTERY_STATUS.find(([re]) => re.test(words(label).trim()))?.[1];
    if (!status) return null;
    out[Number(n)] = status;
  }
  return Object.values(out).includes('normal') ? out : null;
}

const REGISTRANT_WORDS: ReadonlyArray<readonly [RegExp, DeviceType]> = [
  // Power plants, rectifiers and inverters read as UPSs (what runs on batteries); first, so "Japan Storage Battery" is not storage.
  [/\bups\b|uninterruptible|power (?:conversion|protection|systems?|solutions|supply|electronics)|\brectifiers?\b|\binverters?\b|\bbatter(?:y|ies)\b/i, 'ups'],
  [/\bprint(?:ing|er|ers)?\b|\bimaging\b/i, 'printer'],
  [/\bsensors?\b|\benvironment(?:al)?\b|\bmonitoring\b/i, 'environment-sensor'],
  // An operating system's project registers the number its own agent answers with, on a computer.
  [/\b(?:open|free|net)bsd\b|\blinux\b/i, 'server'],
  [/\bcameras?\b|\bvideo\b|\bsurveillance\b/i, 'camera'],
  [/\bstorage\b/i, 'nas'],
  [/\bwireless\b|\bwi-?fi\b|\bradio\b|\bmicrowave\b/i, 'access-point'],
  [/\bfirewalls?\b|\bsecurity\b/i, 'firewall'],
  [/\bswitch(?:es|ing)?\b/i, 'switch'],
  [/\brouters?\b|\brouting\b/i, 'router'],
  // "Foo Networks", "… Telecommunications", "… Photonics": network equipment of no narrower kind. Plural only:
  // "Emerson Network Power" makes UPSs. Not "Communications": Axis, Mitel and Avaya make cameras and phones.
  [/\bnetworks\b|\bnetworking\b|\btele(?:com|communications?)\b|\boptical\b|\bphotonics\b|\boptics\b/i, 'network-device'],
];

/** The class an IANA registrant's own name states ("Socomec Sicon Ups", "… Printing Systems"), or null. */
export function classOfRegistrant(name: string): DeviceType | null {
  return REGISTRANT_WORDS.find(([re]) => re.test(name))?.[1] ?? null;
}
