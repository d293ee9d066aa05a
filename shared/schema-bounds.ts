/**
 * Bounds on every string and list of a scan document. A document comes from
 * files other people send (`.forewarn` imports, `forewarn report FILE`): none
 * of its fields may be large enough to exhaust memory or time, whatever the
 * file says. The bounds sit far above what any real scan holds.
 */

/**
 * Longest text in one field: the longest value SNMP can carry (an OCTET STRING
 * holds at most 65,535 octets, RFC 2578), so whatever an agent answers fits,
 * hostile agents included; real sysDescrs are at most 255 characters.
 */
export const MAX_TEXT = 65_536;

/** Most entries in one list: the devices of a /16 (65,536), a chassis switch's interfaces, a device's evidence. */
export const MAX_LIST = 100_000;
