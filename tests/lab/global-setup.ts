/**
 * Vitest globalSetup of the projects that need the office (`lab`, and `e2e`,
 * which lists it too): brings the simulated office up once per test run and
 * ALWAYS tears it down: in the last project's teardown (also after failures,
 * where it throws if anything is left behind), and on Ctrl-C, SIGTERM or an
 * abrupt exit through a detached cleanup process that outlives this one.
 *
 * Several projects run in one Vitest process, concurrently: they share one
 * lab through a process-wide, reference-counted handle, so no project tears
 * the office down under another. Across processes (two developers' runs in
 * one checkout) a lock makes the second run wait.
 *
 * A machine that cannot run the lab (not root, missing packages) skips lab
 * tests, except with CI=true, where lab tests are mandatory.
 *
 * Test files:   const labAvailable = inject('labAvailable');
 *               describe.skipIf(!labAvailable)('...', () => { ... });
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { labDown, labLeftovers, labUnavailableReason, labUp } from './lab.js';
import { acquireLabLock } from './lock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    labAvailable: boolean;
    labUnavailableReason: string;
    labUpMs: number;
  }
}

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLEANUP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Another run may hold the lab (a developer's, in a shared checkout): wait for it. */
const LOCK_WAIT_MS = 15 * 60_000;

interface SharedLab {
  users: number;
  /** Resolves with the lab-up time once the office answers. */
  ready: Promise<number>;
  releaseLock: () => void;
  up: boolean;
}

/** Vitest may load this module once per project: share through the process, not the module. */
const SHARED = Symbol.for('forewarn.lab.globalSetup');
const processGlobals = globalThis as { [SHARED]?: SharedLab };

/** Tears the lab down from a detached process, which survives our own exit. */
function detachedCleanup(): void {
  const shared = processGlobals[SHARED];
  if (!shared?.up) return;
  shared.up = false;
  const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  spawn(tsx, [join(PROJECT_ROOT, 'tests', 'lab', 'cli.ts'), 'down', '--force'], { cwd: PROJECT_ROOT, detached: true, stdio: 'ignore' }).unref();
}

function onSignal(signal: NodeJS.Signals): void {
  console.error(`[lab] ${signal}: tearing the lab down`);
  detachedCleanup();
  removeHandlers();
  process.kill(process.pid, signal);
}

function addHandlers(): void {
  for (const signal of CLEANUP_SIGNALS) process.on(signal, onSignal);
  process.on('exit', detachedCleanup);
}

function removeHandlers(): void {
  for (const signal of CLEANUP_SIGNALS) process.off(signal, onSignal);
  process.off('exit', detachedCleanup);
}

async function bringUp(shared: SharedLab): Promise<number> {
  shared.releaseLock = await acquireLabLock(LOCK_WAIT_MS, (line) => console.warn(`[lab] ${line}`));
  addHandlers();
  shared.up = true;
  // Fresh: tests run against the office exactly as declared, never a leftover.
  const result = await labUp({ fresh: true });
  console.log(`[lab] up: ${Math.round(result.upMs)} ms`);
  return result.upMs;
}

/** Takes the lab down and checks nothing is left; silent on success (CI output ends with the summary). */
async function tearDown(shared: SharedLab): Promise<void> {
  removeHandlers();
  shared.up = false;
  try {
    await labDown();
  } finally {
    shared.releaseLock();
  }
  const leftovers = await labLeftovers();
  if (leftovers.length > 0) {
    // Vitest reports a teardown error but still exits 0: fail the run explicitly.
    process.exitCode = 1;
    throw new Error(`[lab] teardown left behind:\n  ${leftovers.join('\n  ')}`);
  }
}

async function release(): Promise<void> {
  const shared = processGlobals[SHARED];
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  delete processGlobals[SHARED];
  await tearDown(shared);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reason = await labUnavailableReason();
  if (reason) {
    if (process.env.CI === 'true') throw new Error(`[lab] lab tests are mandatory in CI, but the lab cannot run here: ${reason}`);
    console.warn(`[lab] skipping lab tests: ${reason}`);
    project.provide('labAvailable', false);
    project.provide('labUnavailableReason', reason);
    project.provide('labUpMs', 0);
    return async () => undefined;
  }

  let shared = processGlobals[SHARED];
  if (!shared) {
    const fresh: SharedLab = { users: 0, ready: Promise.resolve(0), releaseLock: () => undefined, up: false };
    fresh.ready = bringUp(fresh);
    processGlobals[SHARED] = shared = fresh;
  }
  shared.users += 1;
  let upMs: number;
  try {
    upMs = await shared.ready;
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
  project.provide('labAvailable', true);
  project.provide('labUnavailableReason', '');
  project.provide('labUpMs', Math.round(upMs));
  return release;
}
