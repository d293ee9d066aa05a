/**
 * Text that came from a device or a file is untrusted: a sysName or a JSON key
 * can carry terminal escape sequences, or bidi overrides that make "gpj.exe"
 * read as "exe.jpg". One set of characters that no reader should receive, used
 * wherever such text is shown: the UI and reports (clean), the CLI (terminal text).
 */

/**
 * C0 and C1 controls (ESC, CR, BEL…), the line and paragraph separators, and the
 * bidi embeddings, overrides, isolates and marks (U+200E/F, U+061C, U+202A–E, U+2066–9).
 */
const BIDI_AND_SEPARATORS = '\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI_AND_SEPARATORS}]`, 'g');
const UNSAFE_RUNS = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI_AND_SEPARATORS}]+`, 'g');
// JSON.stringify escapes C0 controls itself, but leaves DEL, C1 and these raw.
const RAW_IN_JSON = new RegExp(`[\\u007f-\\u009f${BIDI_AND_SEPARATORS}]`, 'g');

/** Every run of unsafe characters replaced by `replacement`. */
export function withoutUnsafeCharacters(text: string, replacement: string): string {
  return text.replace(UNSAFE_RUNS, replacement);
}

/** For one line of a terminal (a table cell): every unsafe character, line breaks too, shown as '·'. */
export function terminalLine(text: string): string {
  return text.replace(UNSAFE, '·');
}

/** For a terminal: line breaks and tabs kept, every other unsafe character shown as '·'. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\n' || c === '\t' ? c : '·'));
}

/**
 * JSON whose strings cannot reorder or rewrite a terminal that prints it: the
 * C1 controls, separators and bidi characters JSON.stringify leaves raw become
 * \u escapes (the same JSON value, and unchanged by terminalText).
 */
export function escapeUnsafeInJson(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
