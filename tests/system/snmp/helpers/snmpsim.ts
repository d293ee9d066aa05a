/**
 * Runs Debian's snmpsimd on 127.0.0.1 with a random high port, serving the
 * given fixture recordings (community = file name without .snmprec). Live
 * traffic in unit tests goes only to this loopback agent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { LiveSnmpSource } from '../../../../electron/engine/snmp/live-source.js';

export interface Snmpsim {
  port: number;
  stop(): Promise<void>;
}

export interface SnmpsimOptions {
  v3?: { user: string; authKey: string; authProto: 'SHA' | 'MD5'; privKey?: string; privProto?: 'AES' | 'DES' };
}

export async function startSnmpsim(recordings: string[], options: SnmpsimOptions = {}): Promise<Snmpsim> {
  const dir = mkdtempSync(join(tmpdir(), 'fw-snmpsim-'));
  const data = join(dir, 'data');
  const cache = join(dir, 'cache');
  mkdirSync(data);
  mkdirSync(cache);
  for (const r of recordings) copyFileSync(r, join(data, basename(r)));
  // snmpsimd drops root privileges to nobody; it must read the data and write its index cache.
  for (const p of [dir, data, cache]) chmodSync(p, 0o777);
  for (const r of recordings) chmodSync(join(data, basename(r)), 0o644);

  for (let attempt = 0; attempt < 5; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    const args = [`--data-dir=${data}`, `--cache-dir=${cache}`, `--agent-udpv4-endpoint=127.0.0.1:${port}`, '--logging-method=null'];
    if (process.getuid?.() === 0) args.push('--process-user=nobody', '--process-group=nogroup');
    if (options.v3) {
      args.push(`--v3-user=${options.v3.user}`, `--v3-auth-key=${options.v3.authKey}`, `--v3-auth-proto=${options.v3.authProto}`);
      if (options.v3.privKey) args.push(`--v3-priv-key=${options.v3.privKey}`, `--v3-priv-proto=${options.v3.privProto ?? 'AES'}`);
    }
    const child = spawn('snmpsimd', args, { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const community = basename(recordings[0]!).replace(/\.snmprec$/, '');
    if (await waitUntilServing(port, community, child)) {
      return {
        port,
        stop: async () => {
          child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
    await exited;
  }
  throw new Error('snmpsimd did not start (is the snmpsim package installed?)');
}

async function waitUntilServing(port: number, community: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const probe = new LiveSnmpSource({ host: '127.0.0.1', port, version: 'v2c', community, timeoutMs: 300, retries: 0 });
    try {
      const [vb] = await probe.get(['1.3.6.1.2.1.1.1.0']);
      if (vb) return true;
    } catch {
      /* not up yet */
    } finally {
      probe.close();
    }
  }
  return false;
}
