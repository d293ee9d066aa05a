/**
 * Where the lab keeps its run-time state: pids and namespaces of the current
 * lab (removed by labDown), and generated recordings, snmpsim index caches and
 * compiled agents (kept, so the next lab-up skips rebuilding what is unchanged).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function pickStateDir(): string {
  if (process.env.FOREWARN_LAB_STATE) return process.env.FOREWARN_LAB_STATE;
  try {
    accessSync('/run', constants.W_OK);
    return '/run/forewarn-lab';
  } catch {
    return join(tmpdir(), 'forewarn-lab');
  }
}

export const STATE_DIR = pickStateDir();
export const paths = {
  stateFile: join(STATE_DIR, 'state.json'),
  recordings: join(STATE_DIR, 'recordings'),
  snmpsimCache: join(STATE_DIR, 'snmpsim-cache'),
  agents: join(STATE_DIR, 'agents'),
  ready: join(STATE_DIR, 'ready'),
  logs: join(STATE_DIR, 'logs'),
  nft: join(STATE_DIR, 'nft'),
};

export interface LabProcess {
  host: string;
  namespace: string;
  role: 'snmpsim' | 'tcp' | 'agent';
  pid: number;
}

export interface LabState {
  fingerprint: string;
  startedAt: string;
  namespaces: string[];
  processes: LabProcess[];
  upMs: number;
}

export function readState(): LabState | null {
  if (!existsSync(paths.stateFile)) return null;
  try {
    return JSON.parse(readFileSync(paths.stateFile, 'utf8')) as LabState;
  } catch {
    return null;
  }
}

export function writeState(state: LabState): void {
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(paths.stateFile, `${JSON.stringify(state, null, 2)}\n`);
}

/** Forgets the running lab; generated recordings and caches stay. */
export function clearRunState(): void {
  rmSync(paths.stateFile, { force: true });
  rmSync(paths.ready, { recursive: true, force: true });
  rmSync(paths.nft, { recursive: true, force: true });
}
