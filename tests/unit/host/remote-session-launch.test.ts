import { describe, expect, it, vi } from 'vitest';
import { sessionLaunchFor, startRemoteSession } from '../../../electron/host/remote-session-launch';

describe('remote sessions in the system client (electron/host/remote-session-launch.ts)', () => {
  it('starts the bundled clients on Windows and hands links to the user\'s handlers elsewhere', () => {
    expect(sessionLaunchFor('ssh', '192.0.2.7', 'win32')).toEqual({ kind: 'process', command: 'ssh.exe', args: ['192.0.2.7'] });
    expect(sessionLaunchFor('rdp', '192.0.2.7', 'win32')).toEqual({ kind: 'process', command: 'mstsc.exe', args: ['/v:192.0.2.7'] });
    expect(sessionLaunchFor('ssh', '192.0.2.7', 'darwin')).toEqual({ kind: 'url', url: 'ssh://192.0.2.7' });
    expect(sessionLaunchFor('rdp', '192.0.2.7', 'darwin')).toEqual({ kind: 'url', url: 'rdp://full%20address=s:192.0.2.7' });
    expect(sessionLaunchFor('rdp', '192.0.2.7', 'linux')).toEqual({ kind: 'url', url: 'rdp://192.0.2.7' });
  });

  it('refuses anything but a plain IPv4 address, even past the IPC contract', () => {
    for (const ip of ['192.0.2.7 /admin', '-oProxyCommand=calc', '192.0.2.256', 'nas.local']) {
      expect(() => sessionLaunchFor('ssh', ip, 'win32'), ip).toThrow('not an IPv4 address');
    }
  });

  it('says what to install when no client takes the session', async () => {
    const openExternal = vi.fn(async () => {
      throw new Error('xdg-open exited with 4');
    });
    await expect(startRemoteSession('rdp', '192.0.2.9', { platform: 'linux', openExternal })).rejects.toThrow(
      'No application on this computer opens rdp:// links (xdg-open exited with 4). Install a remote-desktop client, or connect to 192.0.2.9 yourself.',
    );
    const startProcess = vi.fn(async () => {
      throw Object.assign(new Error('spawn mstsc.exe ENOENT'), { code: 'ENOENT' });
    });
    await expect(startRemoteSession('rdp', '192.0.2.9', { platform: 'win32', openExternal, startProcess })).rejects.toThrow('mstsc.exe could not be started');
    expect(startProcess).toHaveBeenCalledWith('mstsc.exe', ['/v:192.0.2.9']);
  });

  it('starts a real detached process and resolves once it runs', async () => {
    const { startDetached } = await import('../../../electron/host/remote-session-launch');
    await expect(startDetached(process.execPath, ['-e', '0'])).resolves.toBeUndefined();
    await expect(startDetached('/nonexistent/forewarn-client', [])).rejects.toThrow('ENOENT');
  });
});
