/**
 * Incremental use during a scan: keep each device's facts as they arrive,
 * re-infer on demand, and only hand back a result when the graph changed,
 * so the engine emits `topology-updated` once per real change.
 */
import type { Device } from '../scan-document';
import type { TopologyFacts } from './facts';
import { inferTopology, type InferOptions, type TopologyResult } from './infer';

export interface TopologyTracker {
  /** Record (or replace) one device's facts. */
  setFacts(deviceId: string, facts: TopologyFacts): void;
  readonly facts: ReadonlyMap<string, TopologyFacts>;
  /** Re-infers over `devices`; null when links and placeholders are unchanged since the last non-null result. */
  update(devices: readonly Device[]): TopologyResult | null;
  /** The last inferred result (empty before the first update). */
  readonly current: TopologyResult;
}

export function createTopologyTracker(options: InferOptions = {}): TopologyTracker {
  const facts = new Map<string, TopologyFacts>();
  let current: TopologyResult = { links: [], placeholders: [], findings: [] };
  let signature = signatureOf(current);
  return {
    facts,
    get current() {
      return current;
    },
    setFacts(deviceId, f) {
      facts.set(deviceId, f);
    },
    update(devices) {
      const next = inferTopology(devices, facts, options);
      const nextSignature = signatureOf(next);
      if (nextSignature === signature) return null;
      current = next;
      signature = nextSignature;
      return next;
    },
  };
}

function signatureOf(result: TopologyResult): string {
  return JSON.stringify([result.links, result.placeholders.map((p) => p.id), result.findings.map((f) => [f.finding.rule, f.finding.subject, f.deviceIds])]);
}
