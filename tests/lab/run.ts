/** Running system commands for the lab: captured output, stdin, namespaces. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs a command to completion; never throws for a non-zero exit (see `mustRun`). */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs a command and throws with its stderr when it fails. */
export async function mustRun(command: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`lab: \`${command} ${args.join(' ')}\` exited ${result.code}: ${result.stderr.trim() || result.stdout.trim()}`);
  }
  return result.stdout;
}

export function runInNamespace(namespace: string, command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return run('ip', ['netns', 'exec', namespace, command, ...args], options);
}

export function spawnInNamespace(namespace: string, command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn('ip', ['netns', 'exec', namespace, command, ...args], options);
}

/** Runs iproute2 commands in one process (`ip [-n NS] -batch -`); -force keeps going past errors. */
export function ipBatch(lines: readonly string[], namespace?: string, force = false): Promise<string> {
  const args = [...(namespace ? ['-n', namespace] : []), ...(force ? ['-force'] : []), '-batch', '-'];
  return mustRun('ip', args, { input: `${lines.join('\n')}\n` });
}

export async function commandExists(command: string): Promise<boolean> {
  const result = await run('sh', ['-c', `command -v ${command}`]).catch(() => null);
  return result?.code === 0;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
