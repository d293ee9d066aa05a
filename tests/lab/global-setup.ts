/**
 * Vitest globalSetup of the `lab` project: brings the simulated office up once
 * and ALWAYS tears it down: in teardown (also after failures), and on Ctrl-C,
 * SIGTERM or an abrupt exit through a detached cleanup process that outlives
 * this one. A machine that cannot run the lab (not root, missing packages)
 * skips lab tests, except with CI=true, where lab tests are mandatory.
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

let labIsUp = false;
let releaseLock: () => void = () => undefined;
/** Another run may hold the lab (a developer's, in a shared checkout): wait for it. */
const LOCK_WAIT_MS = 15 * 60_000;

/** Tears the lab down from a detached process, which survives our own exit. */
function detachedCleanup(): void {
  if (!labIsUp) return;
  labIsUp = false;
  const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  spawn(tsx, [join(PROJECT_ROOT, 'tests', 'lab', 'cli.ts'), 'down', '--force'], { cwd: PROJECT_ROOT, detached: true, stdio: 'ignore' }).unref();
}

function onSignal(signal: NodeJS.Signals): void {
  console.error(`[lab] ${signal}: tearing the lab down`);
  detachedCleanup();
  removeHandlers();
  process.kill(process.pid, signal);
}

function removeHandlers(): void {
  for (const signal of CLEANUP_SIGNALS) process.off(signal, onSignal);
  process.off('exit', detachedCleanup);
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

  releaseLock = await acquireLabLock(LOCK_WAIT_MS, (line) => console.warn(`[lab] ${line}`));
  for (const signal of CLEANUP_SIGNALS) process.on(signal, onSignal);
  process.on('exit', detachedCleanup);
  labIsUp = true;
  let upMs: number;
  try {
    // Fresh: tests run against the office exactly as declared, never a leftover.
    const result = await labUp({ fresh: true });
    upMs = result.upMs;
  } catch (error) {
    await teardown();
    throw error;
  }
  console.log(`[lab] up: ${upMsText(upMs)}`);
  project.provide('labAvailable', true);
  project.provide('labUnavailableReason', '');
  project.provide('labUpMs', Math.round(upMs));
  return teardown;
}

const upMsText = (ms: number): string => `${Math.round(ms)} ms`;

async function teardown(): Promise<void> {
  removeHandlers();
  labIsUp = false;
  // Silent on success: CI output must end with the test runner's summary line.
  try {
    await labDown();
  } finally {
    releaseLock();
  }
  const leftovers = await labLeftovers();
  if (leftovers.length > 0) throw new Error(`[lab] teardown left behind:\n  ${leftovers.join('\n  ')}`);
}
