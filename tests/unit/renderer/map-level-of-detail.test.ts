import cytoscape, { type EdgeSingular } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { restyleEdges } from '../../../renderer/src/map/cy-sync';
import { mapStylesheet } from '../../../renderer/src/map/cy-style';
import { OVERVIEW_BELOW_ZOOM, OVERVIEW_CLASS, followLevelOfDetail, isOverviewZoom } from '../../../renderer/src/map/level-of-detail';

const palette = { text: '#000000', textHalo: '#ffffff', edge: '#888888', accent: '#1f6feb' };

function graph() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: mapStylesheet(palette),
    elements: [
      ...['a', 'b', 'c'].map((id) => ({ data: { id, label: id, icon: 'data:image/svg+xml;utf8,' } })),
      { data: { id: 'ab', source: 'a', target: 'b', confidence: 'inferred' } },
      { data: { id: 'bc', source: 'b', target: 'c', confidence: 'assumed' } },
    ],
  });
}

describe('map level of detail', () => {
  it('is an overview below the threshold and needs a little more zoom to leave it', () => {
    expect(isOverviewZoom(0.3, false)).toBe(true);
    expect(isOverviewZoom(OVERVIEW_BELOW_ZOOM, false)).toBe(false);
    expect(isOverviewZoom(OVERVIEW_BELOW_ZOOM * 1.05, true)).toBe(true);
    expect(isOverviewZoom(OVERVIEW_BELOW_ZOOM * 1.2, true)).toBe(false);
    expect(isOverviewZoom(0.8, false, 1)).toBe(true);
  });

  it('draws links plain when zoomed out and with their confidence styles when zoomed in', async () => {
    const cy = graph();
    const calls: Array<{ ids: string[]; overview: boolean }> = [];
    const lod = followLevelOfDetail(cy, async (edges, overview, stale) => {
      calls.push({ ids: edges.map((e) => e.id()), overview });
      await restyleEdges(cy, edges, overview, { cancelled: stale });
    });
    expect(lod.edgeClasses()).toBe('');
    expect(cy.getElementById('ab').style('line-style')).toBe('dashed');
    cy.zoom(0.2);
    await new Promise((r) => setTimeout(r, 20));
    expect(lod.edgeClasses()).toBe(OVERVIEW_CLASS);
    expect(calls).toEqual([{ ids: ['ab', 'bc'], overview: true }]);
    expect(cy.getElementById('ab').style('line-style')).toBe('solid');
    expect(cy.getElementById('bc').style('line-style')).toBe('solid');
    // Zooming about inside the overview restyles nothing.
    cy.zoom(0.3);
    expect(calls).toHaveLength(1);
    cy.zoom(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.at(-1)).toEqual({ ids: ['ab', 'bc'], overview: false });
    expect(cy.getElementById('ab').style('line-style')).toBe('dashed');
    expect(cy.getElementById('bc').style('line-style')).toBe('dotted');
    lod.dispose();
    cy.zoom(0.1);
    expect(calls).toHaveLength(2);
  });

  it('a hovered overview link still shows its ports (drawn straight, labelled at both ends)', () => {
    const cy = graph();
    const ab = cy.getElementById('ab') as unknown as EdgeSingular;
    ab.data({ sourcePort: 'Gi1/0/1', targetPort: 'eth0' });
    ab.addClass(`${OVERVIEW_CLASS} hover`);
    expect(ab.style('curve-style')).toBe('straight');
    expect(ab.style('source-label')).toBe('Gi1/0/1');
    ab.removeClass('hover');
    expect(ab.style('curve-style')).toBe('haystack');
  });
});
