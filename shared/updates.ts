/** Updates: where the MSP publishes new builds (a generic feed), and what a check found. */
import { z } from 'zod';

/** An HTTPS folder holding electron-builder's latest.yml / latest-mac.yml / latest-linux.yml and the installers. */
export const UpdateFeedUrlSchema = z
  .string()
  .max(2048)
  .url()
  .refine((url) => url.startsWith('https://'), 'The update feed must be an https:// address.');

export type UpdateStatus =
  | { status: 'not-configured' }
  /** A development build, or the browser bridge: nothing to update. */
  | { status: 'unavailable'; reason: string }
  | { status: 'up-to-date'; version: string }
  /** Found and downloading; installed when Forewarn quits. */
  | { status: 'available'; version: string }
  | { status: 'failed'; message: string };

export function updateStatusText(result: UpdateStatus): string {
  switch (result.status) {
    case 'not-configured':
      return 'No update feed is set: enter the address your team publishes Forewarn builds at.';
    case 'unavailable':
      return result.reason;
    case 'up-to-date':
      return `Forewarn ${result.version} is the newest version on the feed.`;
    case 'available':
      return `Forewarn ${result.version} is available: it downloads now and installs when Forewarn quits.`;
    case 'failed':
      return `Could not check for updates: ${result.message}`;
  }
}
