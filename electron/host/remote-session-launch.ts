/**
 * Starts an SSH or remote-desktop session in the system's own client. Plain
 * Node, so it is tested without Electron; the main side passes in Electron's
 * `shell.openExternal`. The address was checked against IPV4_ADDRESS by the IPC
 * contract and is checked again here: it is the only thing a client is given.
 *
 * Windows registers no ssh:// handler and rdp:// only with some clients, so
 * there the bundled clients start directly (OpenSSH's ssh.exe in a console of
 * its own, mstsc.exe). macOS and Linux hand the link to whatever the user set
 * up (Terminal for ssh://, Microsoft's Windows App or Remmina for rdp://).
 */
import { spawn } from 'node:child_process';
import { IPV4_ADDRESS, type RemoteSessionKind } from '../../shared/remote-sessions';

export type SessionLaunch = { kind: 'url'; url: string } | { kind: 'process'; command: string; args: string[] };

export function sessionLaunchFor(session: RemoteSessionKind, ip: string, platform: NodeJS.Platform): SessionLaunch {
  if (!IPV4_ADDRESS.test(ip)) throw new Error(`${ip} is not an IPv4 address.`);
  if (platform === 'win32') {
    return session === 'ssh' ? { kind: 'process', command: 'ssh.exe', args: [ip] } : { kind: 'process', command: 'mstsc.exe', args: [`/v:${ip}`] };
  }
  if (session === 'ssh') return { kind: 'url', url: `ssh://${ip}` };
  // Microsoft's clients read the .rdp file syntax in the URL; Remmina takes a plain rdp://host.
  return { kind: 'url', url: platform === 'darwin' ? `rdp://full%20address=s:${ip}` : `rdp://${ip}` };
}

export interface SessionLauncherDeps {
  platform: NodeJS.Platform;
  openExternal: (url: string) => Promise<void>;
  /** Starts a program detached from the app (its own console on Windows); resolves once it is running. */
  startProcess?: (command: string, args: string[]) => Promise<void>;
}

/** Node's spawn, detached, resolved on 'spawn' and rejected on 'error' (a client that is not installed). */
export function startDetached(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: false });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

const CLIENT_WORDS: Record<RemoteSessionKind, string> = { ssh: 'an SSH client', rdp: 'a remote-desktop client' };

export async function startRemoteSession(session: RemoteSessionKind, ip: string, deps: SessionLauncherDeps): Promise<void> {
  const launch = sessionLaunchFor(session, ip, deps.platform);
  try {
    if (launch.kind === 'url') await deps.openExternal(launch.url);
    else await (deps.startProcess ?? startDetached)(launch.command, launch.args);
  } catch (error) {
    const what = launch.kind === 'url' ? `No application on this computer opens ${launch.url.split(':')[0]}:// links` : `${launch.command} could not be started`;
    throw new Error(`${what} (${error instanceof Error ? error.message : String(error)}). Install ${CLIENT_WORDS[session]}, or connect to ${ip} yourself.`, { cause: error });
  }
}
