/**
 * The scan's view of the physical network: topology facts arrive device by
 * device; the graph is re-inferred (throttled) and streamed as
 * topology-updated whenever it changes. At the end its findings (duplicate
 * MAC or IP) are filed on the devices they concern.
 */
import type { Link } from '../../../shared/topology/schema';
import type { TopologyFacts } from '../../../shared/topology/facts';
import { createTopologyTracker } from '../../../shared/topology/tracker';
import type { Device } from '../../../shared/scan-document';
import type { ScanEvent } from '../../../shared/scan-events';
import type { TopologyFinding } from '../../../shared/topology/findings';
import { addMacVendors } from '../topology/mac-vendors';
import type { DeviceRegistry } from './device-registry';

/** Re-inference costs O(devices); during a big scan once per interval is plenty. */
const REINFER_INTERVAL_MS = 500;

export interface TopologyOutcome {
  links: Link[];
  placeholders: Device[];
  findings: TopologyFinding[];
}

export const NO_TOPOLOGY: TopologyOutcome = { links: [], placeholders: [], findings: [] };

export interface ScanTopology {
  record(deviceId: string, facts: TopologyFacts): void;
  /** Final inference over every device; findings name the vendors of the MACs they cite. */
  finish(): Promise<TopologyOutcome>;
}

export function createScanTopology(scanId: string, registry: DeviceRegistry, gatewayIp: string | null, emit: (event: ScanEvent) => void): ScanTopology {
  const tracker = createTopologyTracker({ gatewayIp });
  let timer: ReturnType<typeof setTimeout> | null = null;

  const reinfer = () => {
    timer = null;
    const changed = tracker.update(registry.list());
    if (changed) emit({ type: 'topology-updated', scanId, links: changed.links, placeholders: changed.placeholders });
  };

  return {
    record(deviceId, facts) {
      tracker.setFacts(deviceId, facts);
      timer ??= setTimeout(reinfer, REINFER_INTERVAL_MS);
    },
    async finish() {
      if (timer) clearTimeout(timer);
      if (tracker.facts.size > 0) reinfer();
      const { links, placeholders, findings } = tracker.current;
      return { links, placeholders, findings: await addMacVendors(findings) };
    },
  };
}
