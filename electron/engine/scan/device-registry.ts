/**
 * The devices of one scan, keyed by IP. Every change goes through `upsert`,
 * which emits device-found the first time and device-updated afterwards, so
 * the stream and the final document can never disagree. After `seal()`
 * (scan finished or cancelled) late probe results are ignored.
 */
import { blankDevice, type Device, type DeviceError } from '../../../shared/scan-document';
import type { ScanEvent } from '../../../shared/scan-events';

export type DevicePatch = Partial<Omit<Device, 'id' | 'reachability' | 'identification' | 'errors'>> & {
  reachability?: Partial<Device['reachability']>;
};

/** A device found at `ip`: its id is the address, stable across scans of a static network. */
export function emptyDevice(ip: string): Device {
  return blankDevice(ip, ip);
}

export class DeviceRegistry {
  private readonly devices = new Map<string, Device>();
  private sealed = false;

  constructor(
    private readonly scanId: string,
    private readonly emit: (event: ScanEvent) => void,
    /** Called once per new device, before its device-found event. */
    private readonly onFound: (ip: string) => void = () => undefined,
    /** Applied to every error message: agents and libraries may echo what they were sent. */
    private readonly redact: (text: string) => string = (text) => text,
  ) {}

  has(ip: string): boolean {
    return this.devices.has(ip);
  }

  get(ip: string): Device | undefined {
    return this.devices.get(ip);
  }

  list(): Device[] {
    return [...this.devices.values()].sort(compareByIp);
  }

  get size(): number {
    return this.devices.size;
  }

  /** Merge a patch into the device at `ip`, creating it if needed. */
  upsert(ip: string, patch: DevicePatch, evidence?: Device['identification']['evidence']): Device | undefined {
    if (this.sealed) return undefined;
    const existing = this.devices.get(ip);
    const base = existing ?? emptyDevice(ip);
    const next: Device = {
      ...base,
      ...withoutUndefined(patch),
      reachability: { ...base.reachability, ...withoutUndefined(patch.reachability ?? {}) },
      identification: evidence ? { evidence } : base.identification,
    };
    this.devices.set(ip, next);
    if (!existing) this.onFound(ip);
    this.emit({ type: existing ? 'device-updated' : 'device-found', scanId: this.scanId, device: next });
    return next;
  }

  /** Record a problem on a known device without stopping anything. */
  addError(ip: string, raw: DeviceError): void {
    if (this.sealed) return;
    const error = { ...raw, message: this.redact(raw.message) };
    const device = this.devices.get(ip);
    if (!device) return;
    // One entry per kind of problem and phase: a looping agent breaks every walk, and a hundred copies help nobody.
    if (device.errors.some((e) => e.code === error.code && e.phase === error.phase)) return;
    const next = { ...device, errors: [...device.errors, error] };
    this.devices.set(ip, next);
    this.emit({ type: 'device-error', scanId: this.scanId, deviceId: device.id, ip, error });
    this.emit({ type: 'device-updated', scanId: this.scanId, device: next });
  }

  seal(): void {
    this.sealed = true;
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Numeric IPv4 order, so 10.0.0.9 sorts before 10.0.0.10. */
export function compareByIp(a: Device, b: Device): number {
  return ipSortKey(a.ip) - ipSortKey(b.ip);
}

function ipSortKey(ip: string | null): number {
  if (!ip) return Number.MAX_SAFE_INTEGER;
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p))) return Number.MAX_SAFE_INTEGER - 1;
  return ((parts[0]! * 256 + parts[1]!) * 256 + parts[2]!) * 256 + parts[3]!;
}
