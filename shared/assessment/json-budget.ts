/**
 * A structural check of parsed JSON before schema validation: a hostile file
 * (millions of tiny values, a very deep nesting, one huge array) is refused at
 * its first excess, in one pass and bounded memory, instead of making the
 * validator build millions of error messages.
 */
import { MAX_LIST, MAX_TEXT } from '../schema-bounds';

export interface JsonBudget {
  /** Every value counted: objects, arrays, strings, numbers, booleans, nulls. */
  maxValues: number;
  maxDepth: number;
  maxArrayLength: number;
  maxKeysPerObject: number;
  maxStringLength: number;
}

/**
 * What a scan document may hold. A 500-device assessment has about 170,000
 * values; 3 million is a 9,000-device one, and still a bounded parse.
 */
export const DOCUMENT_BUDGET: JsonBudget = {
  maxValues: 3_000_000,
  maxDepth: 32,
  maxArrayLength: MAX_LIST,
  maxKeysPerObject: 10_000,
  maxStringLength: MAX_TEXT,
};

/** The first way the value exceeds the budget, in words; null when it fits. */
export function budgetExcess(value: unknown, budget: JsonBudget = DOCUMENT_BUDGET): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (++values > budget.maxValues) return `it holds more than ${budget.maxValues.toLocaleString('en-US')} values`;
    if (typeof v === 'string') {
      if (v.length > budget.maxStringLength) return `it holds a text of ${v.length.toLocaleString('en-US')} characters (at most ${budget.maxStringLength.toLocaleString('en-US')})`;
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= budget.maxDepth) return `it is nested more than ${budget.maxDepth} levels deep`;
    if (Array.isArray(v)) {
      if (v.length > budget.maxArrayLength) return `it holds a list of ${v.length.toLocaleString('en-US')} entries (at most ${budget.maxArrayLength.toLocaleString('en-US')})`;
      for (const item of v) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const entries = Object.values(v);
    if (entries.length > budget.maxKeysPerObject) return `it holds an object with ${entries.length.toLocaleString('en-US')} fields (at most ${budget.maxKeysPerObject.toLocaleString('en-US')})`;
    for (const item of entries) stack.push({ value: item, depth: depth + 1 });
  }
  return null;
}

/**
 * The same budget read off the text before JSON.parse builds anything: the
 * values (every opening bracket and comma outside strings) and the nesting.
 * 64 MB of "{}," would otherwise become 21 million objects (over a gigabyte)
 * before any check could run.
 */
export function textBudgetExcess(text: string, budget: JsonBudget = DOCUMENT_BUDGET): string | null {
  let values = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      values++;
      if (++depth > budget.maxDepth) return `it is nested more than ${budget.maxDepth} levels deep`;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c) values++;
    else continue;
    if (values > budget.maxValues) return `it holds more than ${budget.maxValues.toLocaleString('en-US')} values`;
  }
  return null;
}
