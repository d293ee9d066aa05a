/**
 * Some tests run system programs (ping, snmpsimd, Chromium). On a fresh machine
 * with Node only they skip, each missing program named once with the command
 * that installs it; with CI=true they are mandatory and a missing one fails the run.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const INSTALL: Record<string, string> = {
  ping: 'apt-get install iputils-ping',
  snmpsimd: 'apt-get install snmpsim',
  chromium: 'apt-get install chromium',
};

const told = new Set<string>();

function onPath(name: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** True (skip) when `name` is not installed outside CI; throws in CI, where every test must run. */
export function missingTool(name: keyof typeof INSTALL & string, path?: string): boolean {
  const present = path ? isExecutable(path) : onPath(name);
  if (present) return false;
  const what = `${path ?? name} is not installed (${INSTALL[name]})`;
  if (process.env.CI === 'true') throw new Error(`${what}: these tests are mandatory in CI`);
  if (!told.has(name)) {
    told.add(name);
    console.warn(`[tests] skipping the tests that need ${name}: ${what}`);
  }
  return true;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
