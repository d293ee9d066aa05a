/**
 * Channel names only, with no schemas, so the sandboxed preload can hold the
 * allow-list without bundling zod. `ipc-contract.ts` ties each name to its types.
 */
export const INVOKE_CHANNELS = [
  'app:info',
  'app:open-external',
  'device:connect',
  'app:take-opened-files',
  'app:check-updates',
  'scan:start',
  'scan:cancel',
  'scan:detect-targets',
  'settings:get',
  'settings:update',
  'credentials:list',
  'credentials:save',
  'credentials:delete',
  'engine:status',
  'library:list',
  'library:open',
  'library:rename',
  'library:delete',
  'library:tag',
  'library:export',
  'library:import',
  'library:compare',
  'library:set-layout',
  'report:pdf',
  'report:csv',
  'report:json',
  'report:export',
  'library:unsaved',
  'library:retry-save',
  'library:save-elsewhere',
] as const;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

export const EVENT_CHANNELS = ['scan:event', 'engine:status', 'library:unsaved', 'app:menu-command', 'app:files-opened'] as const;
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}
