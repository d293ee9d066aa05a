/**
 * The engine refuses large or public target ranges until the technician
 * confirms them. Its refusal arrives as an error message; these patterns say
 * which confirmation the message asks for (data, so wording changes stay here).
 */
import type { ScanStartRequest } from '../../shared/scan-request';

type Confirmations = ScanStartRequest['confirmations'];

const CONFIRMATION_PATTERNS: ReadonlyArray<{ flag: keyof Confirmations; pattern: RegExp }> = [
  { flag: 'allowLarge', pattern: /\ballowLarge\b|\blarge\b|too many addresses|more than [\d,]+ addresses/i },
  { flag: 'allowPublic', pattern: /\ballowPublic\b|\bpublic\b|not private/i },
];

/** The confirmations a refusal asks for; empty when it is some other error. */
export function confirmationsAskedFor(message: string): Array<keyof Confirmations> {
  return CONFIRMATION_PATTERNS.filter(({ pattern }) => pattern.test(message)).map(({ flag }) => flag);
}
