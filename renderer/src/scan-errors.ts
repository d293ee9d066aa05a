/**
 * The engine refuses large or public target ranges until the technician
 * confirms them (electron/engine/targets/parse-targets.ts). Its refusal arrives
 * as a ForewarnError with code 'needs-confirmation' and the flags it wants;
 * the sentence is for the eye only.
 */
import { ForewarnError, type ConfirmationFlag } from '../../shared/ipc-errors';

/** The CLI hint ("; confirm with --allow-x (UI: "…")") means nothing in the window: drop it. */
const CLI_HINT = /;?\s*confirm with --allow-[a-z]+(?:\s*\(UI:[^)]*\))?\.?/g;

/** The confirmations a refusal asks for; empty when it is some other error. */
export function confirmationsAskedFor(error: unknown): ConfirmationFlag[] {
  return error instanceof ForewarnError && error.code === 'needs-confirmation' ? [...(error.details.confirmations ?? [])] : [];
}

/** The refusal in the window's words. */
export function refusalForDisplay(message: string): string {
  const text = message.replace(CLI_HINT, '').trim();
  return text.endsWith('.') ? text : `${text}.`;
}
