/**
 * Makes switching to an already embedded font cheap in pdfkit.
 *
 * react-pdf hands pdfkit's font() the font object itself for every run of
 * text it draws, and so do the painted rows. pdfkit caches fonts by name only
 * for string sources: for an object it wraps the font anew (a new subset, a
 * glyph read), then finds the one already embedded under the same PostScript
 * name and compares the two by serialising their name tables to JSON; only
 * then does it switch. A large report does that tens of thousands of times
 * (about a second). This remembers, per document, which embedded font each
 * font object resolved to, and switches to it directly: the same state
 * pdfkit's own path ends in.
 */
import PDFDocument from 'pdfkit';

type FontSwitch = (this: PDFKit.PDFDocument, src: unknown, family?: unknown, size?: unknown) => PDFKit.PDFDocument;

interface DocumentFonts {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: number): unknown;
}

const RESOLVED = new WeakMap<object, WeakMap<object, unknown>>();
const PATCHED = Symbol.for('forewarn.font-switch-cache');

function isFontObject(src: unknown): src is object {
  return typeof src === 'object' && src !== null && typeof (src as { layout?: unknown }).layout === 'function';
}

export function cacheFontSwitches(): void {
  const proto = PDFDocument.prototype as unknown as Record<PropertyKey, unknown> & { font: FontSwitch };
  if (proto[PATCHED]) return;
  const original = proto.font;
  proto.font = function font(this: PDFKit.PDFDocument, src: unknown, family?: unknown, size?: unknown) {
    // The plain calls only: font(object) or font(object, size), as react-pdf and the painted rows make them.
    if (!isFontObject(src) || (family !== undefined && typeof family !== 'number') || size !== undefined) return original.call(this, src, family, size);
    const doc = this as unknown as DocumentFonts;
    let resolved = RESOLVED.get(this);
    const known = resolved?.get(src);
    if (known) {
      doc._fontSource = src;
      doc._fontFamily = null;
      if (typeof family === 'number') doc.fontSize(family);
      doc._font = known;
      return this;
    }
    const result = original.call(this, src, family, size);
    if (!resolved) RESOLVED.set(this, (resolved = new WeakMap()));
    resolved.set(src, doc._font);
    return result;
  };
  proto[PATCHED] = true;
}
