import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applySearchHighlight } from '../../../renderer/src/map/cy-search';

function graph() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      { data: { id: 'a' } },
      { data: { id: 'b' } },
      { data: { id: 'c' } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
    ],
  });
}

describe('map search highlight', () => {
  it('marks matches, fades the rest (edges included), and clears when the query is empty', () => {
    const cy = graph();
    applySearchHighlight(cy, 'x', ['a']);
    expect(cy.$('#a').hasClass('match')).toBe(true);
    expect(cy.$('#b').hasClass('faded')).toBe(true);
    expect(cy.$('#ab').hasClass('faded')).toBe(true);
    expect(cy.$('#a').hasClass('faded')).toBe(false);
    applySearchHighlight(cy, '  ', []);
    expect(cy.elements('.match, .faded').length).toBe(0);
  });

  it('restyles only the elements whose classes change', () => {
    const cy = graph();
    const restyled: string[] = [];
    cy.on('style', (e) => restyled.push(e.target.id() as string));
    applySearchHighlight(cy, '', []);
    expect(restyled).toEqual([]);
    applySearchHighlight(cy, 'x', ['a']);
    restyled.length = 0;
    applySearchHighlight(cy, 'x', ['a', 'c']);
    expect(restyled).toEqual(['c']);
  });
});
