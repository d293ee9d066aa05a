/**
 * The map search's highlight: matches get `match`, everything else `faded`.
 * Only elements whose classes really change are touched: Cytoscape's
 * removeClass() marks every element it is called on for a restyle even when
 * the class was absent, so clearing 4,500 elements on each streamed update
 * cost a 300-400 ms restyle in the next frame.
 */
import type { Core, SingularElementArgument } from 'cytoscape';

export function applySearchHighlight(cy: Core, query: string, matches: readonly string[]): void {
  const active = query.trim() !== '';
  const hit = new Set(matches);
  const want = (el: SingularElementArgument): 'match' | 'faded' | null => {
    if (!active) return null;
    return el.isNode() && hit.has(el.id()) ? 'match' : 'faded';
  };
  cy.batch(() => {
    // When nothing is searched, only the elements still highlighted need visiting.
    const candidates = active ? cy.elements() : cy.elements('.match, .faded');
    candidates.forEach((el) => {
      const target = want(el);
      const isMatch = el.hasClass('match');
      const isFaded = el.hasClass('faded');
      if (isMatch !== (target === 'match')) el.toggleClass('match', target === 'match');
      if (isFaded !== (target === 'faded')) el.toggleClass('faded', target === 'faded');
    });
  });
}
