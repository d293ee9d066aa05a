/**
 * One lab per machine: a test run holds this lock from lab-up to teardown, so
 * two runs (or a manual `lab:down` during a run) never tear down each other's
 * office. The lock is a file holding the owner's pid; a dead owner's lock is
 * stale and taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './run.js';
import { STATE_DIR } from './state.js';

const LOCK_FILE = join(STATE_DIR, 'lab.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a live process holding the lock, other than us; null when free. */
export function labLockHolder(): number | null {
  try {
    const pid = Number(readFileSync(LOCK_FILE, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

function tryAcquire(): boolean {
  try {
    const fd = openSync(LOCK_FILE, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch {
    if (labLockHolder() === null) rmSync(LOCK_FILE, { force: true }); // stale: its owner is gone
    return false;
  }
}

/** Waits for the lab to be free, then holds it. Returns the release function. */
export async function acquireLabLock(timeoutMs: number, log: (line: string) => void): Promise<() => void> {
  mkdirSync(STATE_DIR, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  while (!tryAcquire()) {
    if (Date.now() > deadline) throw new Error(`lab: still in use by pid ${labLockHolder()} after ${timeoutMs} ms`);
    if (!told) log(`waiting for the lab: in use by pid ${labLockHolder()}`);
    told = true;
    await sleep(500);
  }
  return () => {
    try {
      if (Number(readFileSync(LOCK_FILE, 'utf8').trim()) === process.pid) rmSync(LOCK_FILE, { force: true });
    } catch {
      // already gone
    }
  };
}
