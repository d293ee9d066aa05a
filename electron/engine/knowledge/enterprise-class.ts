/**
 * An enterprise's usual device class, a weak prior: first the class most of
 * its products state in its MIBs (compiled), else what its IANA registrant's
 * name says ("Socomec Sicon Ups", "… Printing Systems", "… Sensors").
 */
import type { DeviceType } from '../../../shared/device-types';
import { ianaEnterpriseName } from './enterprises';
import { knowledgeTables } from './load';

const REGISTRANT_WORDS: ReadonlyArray<readonly [RegExp, DeviceType]> = [
  [/\bups\b|uninterruptible|power conversion|power protection/i, 'ups'],
  [/\bprint(?:ing|er|ers)?\b|\bimaging\b/i, 'printer'],
  [/\bsensors?\b|\benvironment(?:al)?\b|\bmonitoring\b/i, 'environment-sensor'],
  [/\bcameras?\b|\bvideo\b|\bsurveillance\b/i, 'camera'],
  [/\bstorage\b/i, 'nas'],
  [/\bwireless\b|\bwi-?fi\b|\bradio\b|\bmicrowave\b/i, 'access-point'],
  [/\bfirewalls?\b|\bsecurity\b/i, 'firewall'],
  [/\bswitch(?:es|ing)?\b/i, 'switch'],
  [/\brouters?\b|\brouting\b/i, 'router'],
];

export function usualClassOf(enterprise: number): DeviceType | null {
  const known = knowledgeTables().products.enterpriseClasses[enterprise];
  if (known) return known;
  const registrant = ianaEnterpriseName(enterprise);
  return registrant ? (REGISTRANT_WORDS.find(([re]) => re.test(registrant))?.[1] ?? null) : null;
}
