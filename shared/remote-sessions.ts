/**
 * Remote sessions a technician opens on a device from Forewarn: SSH where
 * port 22 answered, remote desktop where 3389 did. Both sides use this: the
 * renderer to offer them, the main side to check what it is asked to start.
 */
import { z } from 'zod';

export const RemoteSessionKindSchema = z.enum(['ssh', 'rdp']);
export type RemoteSessionKind = z.infer<typeof RemoteSessionKindSchema>;

/** A dotted IPv4 address, each part 0–255: the only thing ever handed to a session client. */
export const IPV4_ADDRESS = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export interface RemoteSession {
  kind: RemoteSessionKind;
  /** The menu's and button's words. */
  label: string;
  port: number;
}

const SESSIONS: readonly RemoteSession[] = [
  { kind: 'ssh', label: 'SSH', port: 22 },
  { kind: 'rdp', label: 'Remote desktop', port: 3389 },
];

/** The sessions a device offers: those whose port the scan found open, on an IPv4 address. */
export function remoteSessionsOf(device: { ip: string | null; reachability: { tcp?: number[] } }): RemoteSession[] {
  if (!device.ip || !IPV4_ADDRESS.test(device.ip)) return [];
  const open = new Set(device.reachability.tcp ?? []);
  return SESSIONS.filter((s) => open.has(s.port));
}
