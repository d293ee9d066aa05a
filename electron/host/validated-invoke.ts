/**
 * The one gate every renderer call passes, whatever the transport (ipcMain in
 * the app, HTTP in the browser bridge): the channel must be in the contract
 * and the arguments must parse with its zod tuple. Handlers only ever see
 * validated, defaulted arguments.
 */
import {
  invokeChannels,
  isInvokeChannel,
  type ApiHandlers,
  type InvokeChannel,
  type InvokeResult,
} from '../../shared/ipc-contract';
import { ForewarnError } from '../../shared/ipc-errors';

/** A call that did not pass the contract: the renderer sees code 'invalid-request'. */
export class InvokeRejectedError extends ForewarnError {
  constructor(message: string) {
    super({ code: 'invalid-request', message });
  }
}

export async function invokeValidated(handlers: ApiHandlers, channel: unknown, rawArgs: unknown): Promise<unknown> {
  if (!isInvokeChannel(channel)) throw new InvokeRejectedError(`Unknown channel: ${describe(channel)}`);
  if (!Array.isArray(rawArgs)) throw new InvokeRejectedError(`Arguments of ${channel} must be an array.`);
  return callChannel(handlers, channel, rawArgs);
}

async function callChannel<C extends InvokeChannel>(handlers: ApiHandlers, channel: C, rawArgs: unknown[]): Promise<InvokeResult<C>> {
  const parsed = invokeChannels[channel].safeParse(rawArgs);
  if (!parsed.success) {
    // Paths and messages only: the rejected values may hold secrets (credentials:save).
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(args)'}: ${issue.message}`);
    throw new InvokeRejectedError(`Invalid arguments for ${channel}: ${issues.join('; ')}`);
  }
  const handler = handlers[channel] as (...args: unknown[]) => Promise<InvokeResult<C>>;
  return handler(...(parsed.data as unknown[]));
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 64)) : typeof value;
}
