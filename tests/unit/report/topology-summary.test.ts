import dagre from '@dagrejs/dagre';
import { describe, expect, it } from 'vitest';
import { layoutTopology, type DagreLike } from '../../../shared/topology/layout';
import { CARD, riskStripPaths, squaresPerRow, summariseBlock, summaryMap, typeWord } from '../../../electron/report/topology-summary';
import { analysedOffice } from '../assessment/synthetic-office';

const large = analysedOffice({ workstations: 200, busyServers: 20, visit: 2 });
const gatewayIp = large.devices.find((d) => d.type === 'router')?.ip ?? null;
const full = layoutTopology(large, { dagre: dagre as unknown as DagreLike, gatewayIp });
const byId = new Map(large.devices.map((d) => [d.id, d]));
const round2 = (x: number) => Math.round(x * 100) / 100;

describe('summarised network map', () => {
  it('summarises a switch block: count, port range, types, every host in the risk strip, riskiest hosts named', () => {
    const biggest = [...full.blocks].sort((a, b) => b.members.length - a.members.length)[0]!;
    const s = summariseBlock(biggest, byId);
    expect(s.count).toBe(biggest.members.length);
    expect(s.risks).toHaveLength(biggest.members.length);
    const ports = biggest.members.map((m) => m.port).filter((p): p is string => p !== null);
    expect(s.portRange).toBe(`${ports[0]}–${ports.at(-1)}`);
    expect(s.types).toMatch(/^\d+ workstations/);
    const typeTotal = [...s.types.matchAll(/(\d+) /g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(typeTotal).toBe(s.count);
    // Named hosts are the riskiest, in order, all at medium risk or above.
    const risks = s.attention.map((a) => a.risk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    expect(risks.every((r) => r >= 15)).toBe(true);
    expect(s.attention.length).toBeLessThanOrEqual(CARD.namedHosts);
  });

  it('lays out one card per block below its switch, gateway on top, inside the map', () => {
    const map = summaryMap(large, full);
    expect(map.cards).toHaveLength(full.blocks.length);
    const gateway = large.devices.find((d) => d.ip === gatewayIp)!;
    const top = Math.min(...Object.values(map.nodes).map((p) => p.y));
    expect(map.nodes[gateway.id]!.y).toBe(top);
    for (const card of map.cards) {
      expect(card.y).toBeGreaterThan(map.nodes[card.parent]!.y);
      expect(card.x).toBeGreaterThanOrEqual(0);
      expect(card.x + card.width).toBeLessThanOrEqual(map.width + 0.01);
      expect(card.y + card.height).toBeLessThanOrEqual(map.height + 0.01);
    }
    // Small enough to print legibly on landscape A4 (762 × 410 pt of map area).
    expect(Math.min(762 / map.width, 410 / map.height)).toBeGreaterThan(0.6);
  });

  it('can lay out the switch tree alone, left to right, keeping every block\'s summary for the list after the map', () => {
    const tree = summaryMap(large, full, { withCards: false, rankdir: 'LR' });
    expect(tree.cards).toEqual([]);
    expect(tree.feeders).toEqual([]);
    expect(tree.summaries.map((s) => s.parent).sort()).toEqual(full.blocks.map((b) => b.parent).sort());
    const gateway = large.devices.find((d) => d.ip === gatewayIp)!;
    expect(round2(tree.nodes[gateway.id]!.x)).toBe(Math.min(...Object.values(tree.nodes).map((p) => round2(p.x))));
  });

  it('draws the risk strip as one path per colour with one square per host', () => {
    const risks = [0, 80, 0, 20, 0, 80, 50];
    const paths = riskStripPaths(risks, 0, 0, (r) => (r >= 70 ? 'red' : r >= 15 ? 'amber' : 'green'));
    expect(paths.map((p) => p.colour).sort()).toEqual(['amber', 'green', 'red']);
    const squares = paths.reduce((n, p) => n + (p.d.match(/M/g)?.length ?? 0), 0);
    expect(squares).toBe(risks.length);
    const many = riskStripPaths(Array.from({ length: squaresPerRow() + 1 }, () => 0), 0, 0, () => 'g')[0]!.d;
    // The square after a full row starts a new row.
    expect(many).toMatch(new RegExp(`M0\\.0 ${(CARD.square + CARD.gap).toFixed(1)}h`));
  });

  it('names device types in plain English', () => {
    expect(typeWord('workstation', 1)).toBe('workstation');
    expect(typeWord('workstation', 3)).toBe('workstations');
    expect(typeWord('switch', 2)).toBe('switches');
    expect(typeWord('nas', 2)).toBe('NAS units');
    expect(typeWord('pdu', 2)).toBe('PDUs');
    expect(typeWord('ups', 1)).toBe('UPS');
  });
});
