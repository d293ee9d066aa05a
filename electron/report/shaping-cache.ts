/**
 * Remembers how the embedded fonts shape each text run. fontkit shapes every
 * run from scratch (a new shaping plan, then DejaVu's GSUB and GPOS lookups),
 * and a large report sets the same short strings thousands of times: "—",
 * device types, urgencies, recommended actions, the running header. A shaped
 * run depends only on the font, the string and the features. Each caller gets
 * its own copy of the glyph and position arrays: pdfkit scales the positions
 * of a run it shapes in place (its own text() path, which the report does not
 * use today), and that must never reach the cached run.
 */
import { Font } from '@react-pdf/renderer';

/** Enough for every distinct run of a large report; the cache starts over beyond it, so it never grows without bound. */
const MAX_ENTRIES = 20_000;

/** What the cache relies on in fontkit's GlyphRun; its getters (advanceWidth, bbox) read these. */
interface GlyphRun {
  glyphs: unknown[];
  positions: object[];
}

interface ShapingFont {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): GlyphRun;
  [CACHED]?: true;
}
const CACHED = Symbol('forewarn.shaping-cache');

/** A run that shares nothing mutable with the cached one; the prototype keeps the GlyphRun's getters and fields. */
function copyOf(run: GlyphRun): GlyphRun {
  const copy = Object.create(run) as GlyphRun;
  copy.glyphs = run.glyphs.slice();
  copy.positions = run.positions.map((p) => ({ ...p }));
  return copy;
}

function cacheShaping(font: ShapingFont): void {
  if (font[CACHED]) return;
  const shape = font.layout.bind(font);
  const cache = new Map<string, GlyphRun>();
  font.layout = (text, features, script, language, direction) => {
    // Only the plain calls react-pdf makes are cached; anything else is shaped as before.
    if (script !== undefined || language !== undefined) return shape(text, features, script, language, direction);
    const key = `${direction ?? ''}\u0000${features === undefined ? '' : JSON.stringify(features)}\u0000${text}`;
    let run = cache.get(key);
    if (run === undefined) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      run = shape(text, features, script, language, direction);
      cache.set(key, run);
    }
    return copyOf(run);
  };
  font[CACHED] = true;
}

/** Loads the family's regular and bold fonts and caches their shaping (a standard PDF font has nothing to shape). */
export async function cacheFamilyShaping(family: string): Promise<void> {
  for (const fontWeight of [400, 700]) {
    const source = Font.getFont({ fontFamily: family, fontWeight });
    if (!source) continue;
    await source.load();
    const data = source.data as unknown as Partial<ShapingFont> | null;
    if (data && typeof data.layout === 'function') cacheShaping(data as ShapingFont);
  }
}
