/**
 * Names the vendor behind each MAC a topology finding cites (a duplicate IP's
 * two machines), from the IEEE OUI registry, so the technician knows what to
 * look for: "the Raspberry Pi on port 13", not just a MAC.
 */
import { withMacVendors, type TopologyFinding } from '../../../shared/topology/findings';
import { lookupOui, type OuiResult } from '../identify/oui';

export type OuiLookup = (mac: string) => Promise<OuiResult>;

/** What the evidence row says about a MAC's maker, including when the registry cannot say. */
function vendorWording(found: OuiResult | null, mac: string): string {
  if (!found) return 'unknown: the OUI registry could not be read';
  switch (found.kind) {
    case 'vendor':
      return `${found.vendor} (${found.registrant})`;
    // A locally administered MAC names no maker: a VM, a phone's private address, or a hand-set one.
    case 'randomised':
      return 'none: locally administered (virtual machine, private or hand-set address)';
    case 'unknown':
      return `not public: OUI ${mac.slice(0, 8)} is unregistered or privately registered`;
    case 'invalid':
      return 'unknown: not a valid MAC address';
  }
}

export async function addMacVendors(findings: readonly TopologyFinding[], lookup: OuiLookup = lookupOui): Promise<TopologyFinding[]> {
  const macs = [...new Set(findings.flatMap((f) => f.macs ?? []))];
  if (macs.length === 0) return [...findings];
  const vendors = new Map<string, string>();
  await Promise.all(
    macs.map(async (mac) => {
      const found = await lookup(mac).catch(() => null);
      vendors.set(mac, vendorWording(found, mac));
    }),
  );
  return findings.map((f) => withMacVendors(f, vendors));
}
