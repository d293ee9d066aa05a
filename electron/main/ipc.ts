/**
 * The Electron transport of the contract (Heroic/Fiddle style): one generic
 * registration per invoke channel, every call checked for its sender and then
 * validated by `invokeValidated`; events pushed only on contract channels.
 * Raw ipcMain use stays in this file.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { INVOKE_CHANNELS, isEventChannel, type ApiEventSink, type ApiHandlers } from '../../shared/ipc-contract';
import { encodeErrorEnvelope, toErrorEnvelope } from '../../shared/ipc-errors';
import { invokeValidated, InvokeRejectedError } from '../host/validated-invoke';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Trust a call only if it comes from a web-contents we created (our window)
 * and from a frame currently showing our own UI origin: not a navigated-away
 * page, not a sub-frame from elsewhere (security checklist #17).
 */
export function createSenderCheck(isOwnWebContents: (contents: WebContents) => boolean, isAppUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    const frameUrl = event.senderFrame?.url;
    return isOwnWebContents(event.sender) && typeof frameUrl === 'string' && isAppUrl(frameUrl);
  };
}

/**
 * Registers every invoke channel; returns a function that removes them again.
 * A failure leaves as an Error carrying the envelope (shared/ipc-errors.ts):
 * Electron prefixes its message, the preload takes the envelope back out.
 */
export function registerIpcHandlers(ipc: IpcMainLike, handlers: ApiHandlers, isTrustedSender: SenderCheck): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipc.handle(channel, async (event, ...args) => {
      try {
        if (!isTrustedSender(event)) throw new InvokeRejectedError(`Rejected ${channel} from an untrusted sender.`);
        return await invokeValidated(handlers, channel, args);
      } catch (error) {
        throw new Error(encodeErrorEnvelope(toErrorEnvelope(error)), { cause: error });
      }
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipc.removeHandler(channel);
  };
}

/** Pushes contract events to every live target (our windows); anything else is dropped. */
export function createEventSink(targets: () => readonly WebContents[]): ApiEventSink {
  return (channel, payload) => {
    if (!isEventChannel(channel)) return;
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(channel, payload);
    }
  };
}
