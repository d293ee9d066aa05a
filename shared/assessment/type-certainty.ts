/**
 * How sure a device's type is. Identification keeps the evidence behind every
 * verdict, each with the weight of the rule that gave it; a type that only a
 * weak rule supports (a maker's usual class, "runs Linux", "has a dozen
 * Ethernet ports") is a guess, and a reader is told so instead of being shown
 * it as fact. Wrong stated as certain is worse than a type marked uncertain.
 */
import type { Device } from '../scan-document';
import { typeLabel } from './device-label';

/**
 * Rule weights below this are priors and shapes, not statements: enterprise classes (24–25),
 * an OS (20), sysServices (24), an ENTITY chassis row (22), the interface mix (28).
 */
export const GUESS_BELOW_WEIGHT = 30;

type Identified = Pick<Device, 'type' | 'identification'>;

/** The weight of the evidence that decided the type; null when the document keeps none (older or hand-made files). */
function typeWeight(device: Identified): number | null {
  let best: number | null = null;
  for (const e of device.identification.evidence) if (e.field === 'type' && e.value === device.type && (best === null || e.weight > best)) best = e.weight;
  return best;
}

/** True when the type stands on weak evidence only (an unknown type is not a guess: it says nothing). */
export function typeIsGuess(device: Identified): boolean {
  if (device.type === 'unknown' || device.type === 'unmanaged-switch') return false;
  const weight = typeWeight(device);
  return weight !== null && weight < GUESS_BELOW_WEIGHT;
}

/** The type as a reader should see it: "Switch", or "Switch (guess)". */
export function typeText(device: Identified): string {
  return typeIsGuess(device) ? `${typeLabel(device.type)} (guess)` : typeLabel(device.type);
}
