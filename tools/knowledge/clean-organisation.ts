/**
 * An IANA registrant as a technician would name the vendor: legal forms,
 * URLs, "formerly" notes and e-mail-ish tails dropped. Pure, so it is unit-tested.
 */
const LEGAL_FORM = new RegExp(
  String.raw`(?:[,.]?\s+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|l\.l\.c|plc|gmbh|ag|sa|s\.a|s\.p\.a|spa|srl|s\.r\.l|bv|b\.v|nv|n\.v|ab|oy|as|a/s|aps|kg|pty|pvt|sas|sarl|kk|k\.k|s\.l|sl|oyj|asa|se|bhd|sdn|co\.,\s*ltd|pte)\.?)+$`,
  'i',
);

export function cleanOrganisation(raw: string): string {
  let name = raw
    .replace(/\s+#.*$/, '')
    .replace(/\((?:https?:|www\.)[^)]*\)/gi, '')
    .replace(/\bhttps?:\/\/\S+/gi, '')
    .replace(/\s*\((?:formerly|previous(?:ly)? was|was)\b[^)]*\)/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (let i = 0; i < 3; i++) {
    const next = name.replace(/\s*,?\s*(?:Co\.?,?\s*)?Ltd\.?$/i, '').replace(LEGAL_FORM, '').replace(/[,;]\s*$/, '').trim();
    if (next === name || next.length < 2) break;
    name = next;
  }
  return name;
}
