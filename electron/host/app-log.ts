/**
 * The app's log file, for support: what the host did and what went wrong
 * (engine crashes, storage problems, failed saves), written by electron-log's
 * Node logger (no IPC of its own: the renderer never writes here) to
 * `<dir>/forewarn.log`, rotated at 2 MB. Every line passes through redaction
 * first: the saved SNMP secrets are masked wherever they appear, and so is
 * anything written as `community=…`, `authKey …` or `password: …`.
 */
import { join } from 'node:path';
import nodeLog from 'electron-log/node';
import { redactSecrets } from '../../shared/credentials';
import type { HostLogger } from './engine-host';

export interface AppLog {
  write: HostLogger;
  /** The current log file (Help › Show Logs points at it). */
  file: string;
}

export interface AppLogOptions {
  dir: string;
  /** The secrets to mask, asked on every line (profiles change while the app runs). */
  secrets: () => readonly string[];
  /** Also to the console (development). */
  console?: boolean;
}

const MAX_BYTES = 2 * 1024 * 1024;
const SECRET_ASSIGNMENTS = /\b(community|communities|authKey|privKey|auth(?:entication)? ?key|priv(?:acy)? ?key|pass(?:word|phrase)?|secret)(\s*[:=]\s*|\s+)("[^"]*"|'[^']*'|\S+)/gi;

/** A line as it may be written: known secrets masked, and anything that says it is one. */
export function redactLogLine(text: string, secrets: readonly string[]): string {
  return redactSecrets(text, secrets).replace(SECRET_ASSIGNMENTS, (_match, word: string, separator: string) => `${word}${separator}***`);
}

export function createAppLog(options: AppLogOptions): AppLog {
  const file = join(options.dir, 'forewarn.log');
  const logger = nodeLog.create({ logId: `forewarn-${file}` });
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = MAX_BYTES;
  logger.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  logger.transports.console.level = options.console ? 'info' : false;
  logger.hooks.push((message) => ({ ...message, data: message.data.map((d: unknown) => redactLogLine(String(d), options.secrets())) }));
  return {
    file,
    write: (level, message) => logger[level](message),
  };
}
