/** A ForewarnApi double: scripted invoke results, and a way to push events like the main side would. */
import type { EventChannel, EventPayloads, ForewarnApi, InvokeChannel } from '../../../shared/ipc-contract';
import { blankDevice, type Device } from '../../../shared/scan-document';

export interface FakeApi extends ForewarnApi {
  emit<E extends EventChannel>(channel: E, payload: EventPayloads[E]): void;
  calls: Array<{ channel: InvokeChannel; args: unknown[] }>;
  listenerCount(channel: EventChannel): number;
}

export function createFakeApi(results: Partial<Record<InvokeChannel, (...args: unknown[]) => unknown>> = {}): FakeApi {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const calls: FakeApi['calls'] = [];
  const api = {
    calls,
    async invoke(channel: InvokeChannel, ...args: unknown[]) {
      calls.push({ channel, args });
      const result = results[channel];
      if (!result) throw new Error(`no fake result for ${channel}`);
      return result(...args);
    },
    on(channel: EventChannel, listener: (payload: unknown) => void) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(channel: EventChannel, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
    listenerCount: (channel: EventChannel) => listeners.get(channel)?.size ?? 0,
  };
  return api as unknown as FakeApi;
}

export function device(overrides: Partial<Device> & { id: string }): Device {
  return { ...blankDevice(overrides.id), ...overrides };
}
