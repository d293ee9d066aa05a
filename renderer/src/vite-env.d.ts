/// <reference types="vite/client" />

/** cytoscape-svg ships no types: it registers `cy.svg(options)`, which map/map-export.ts types where it calls it. */
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const extension: Ext;
  export default extension;
}
