/**
 * The engine refuses large or public target ranges until the technician
 * confirms them (electron/engine/targets/parse-targets.ts). Its refusal arrives
 * as an error message naming the CLI flag; these patterns say which
 * confirmation it asks for (data, so wording changes stay in one place).
 */
import type { ScanStartRequest } from '../../shared/scan-request';

type ConfirmationFlag = keyof ScanStartRequest['confirmations'];

const CONFIRMATION_PATTERNS: ReadonlyArray<{ flag: ConfirmationFlag; pattern: RegExp }> = [
  { flag: 'allowLarge', pattern: /--allow-large\b|\ballowLarge\b/ },
  { flag: 'allowPublic', pattern: /--allow-public\b|\ballowPublic\b/ },
];

/** The CLI hint ("; confirm with --allow-x (UI: "…")") means nothing in the window: drop it. */
const CLI_HINT = /;?\s*confirm with --allow-[a-z]+(?:\s*\(UI:[^)]*\))?\.?/g;

/** The confirmations a refusal asks for; empty when it is some other error. */
export function confirmationsAskedFor(message: string): ConfirmationFlag[] {
  return CONFIRMATION_PATTERNS.filter(({ pattern }) => pattern.test(message)).map(({ flag }) => flag);
}

/** The refusal in the window's words. */
export function refusalForDisplay(message: string): string {
  const text = message.replace(CLI_HINT, '').trim();
  return text.endsWith('.') ? text : `${text}.`;
}
