/**
 * One UDP socket for every SNMP session of a scan. net-snmp opens a socket per
 * session, so a /16 sweep would open thousands; it does however accept a
 * `dgramModule` option, through which we hand each session a lightweight
 * virtual socket multiplexed over one real socket. Replies are routed by the
 * sender's address to the sessions that sent to it; each session then matches
 * its own request ids and ignores the rest.
 *
 * Robustness: net-snmp decodes replies inside our 'message' dispatch. Any
 * exception it throws on a hostile datagram is caught here, so a garbage
 * reply can never become an uncaught exception that kills the scan.
 */
import dgram from 'node:dgram';
import { EventEmitter } from 'node:events';

type Transport = 'udp4' | 'udp6';
type SendCallback = (error: Error | null, bytes?: number) => void;

/** Counts that tests and the bench read. */
export interface SharedSocketStats {
  realSockets: number;
  openVirtualSockets: number;
  datagramsIn: number;
  datagramsUnrouted: number;
  handlerExceptions: number;
}

export class VirtualUdpSocket extends EventEmitter {
  private closed = false;
  private readonly peers = new Set<string>();

  constructor(private readonly hub: SharedUdpTransport, readonly transport: Transport) {
    super();
  }

  send(buffer: Buffer, offset: number, length: number, port: number, address: string, cb?: SendCallback): void {
    if (this.closed) {
      queueMicrotask(() => cb?.(new Error('socket closed')));
      return;
    }
    if (!this.peers.has(address)) {
      this.peers.add(address);
      this.hub.route(address, this);
    }
    this.hub.send(this.transport, buffer.subarray(offset, offset + length), port, address);
    // net-snmp registers the request only in this callback. On one busy shared socket the
    // reply can be dispatched before the real send completes, and would then be dropped
    // as unknown; confirming at once closes that race. A failed send just times out.
    cb?.(null, length);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const address of this.peers) this.hub.unroute(address, this);
    this.peers.clear();
    this.hub.released(this);
    // No 'close' event: net-snmp would answer it by building an Error (a stack capture per
    // session, thousands in a sweep) to cancel requests that LiveSnmpSource has already
    // cancelled before closing.
    this.removeAllListeners();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Called by the hub with a datagram from one of our peers. */
  deliver(message: Buffer, rinfo: dgram.RemoteInfo): void {
    if (!this.closed) this.emit('message', message, rinfo);
  }

  // The real socket stays unref'd; pending request timers keep the process alive.
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  bind(): this {
    return this;
  }
}

export class SharedUdpTransport {
  private readonly sockets = new Map<Transport, dgram.Socket>();
  private readonly routes = new Map<string, Set<VirtualUdpSocket>>();
  private open = 0;
  private readonly counters = { datagramsIn: 0, datagramsUnrouted: 0, handlerExceptions: 0 };

  /** Pass as net-snmp's `dgramModule` option. */
  readonly dgramModule = {
    createSocket: (transport: Transport | { type: Transport }): VirtualUdpSocket => {
      const type = typeof transport === 'string' ? transport : transport.type;
      this.open++;
      return new VirtualUdpSocket(this, type);
    },
  };

  stats(): SharedSocketStats {
    return { realSockets: this.sockets.size, openVirtualSockets: this.open, ...this.counters };
  }

  /** Close the real sockets (end of scan). Virtual sockets still open get 'close'. */
  close(): void {
    for (const set of this.routes.values()) for (const v of [...set]) v.close();
    for (const s of this.sockets.values()) s.close();
    this.sockets.clear();
  }

  send(transport: Transport, data: Buffer, port: number, address: string): void {
    try {
      this.socket(transport).send(data, port, address, () => {});
    } catch {
      /* bad address or closed socket: the request times out like a lost datagram */
    }
  }

  route(address: string, v: VirtualUdpSocket): void {
    let set = this.routes.get(address);
    if (!set) this.routes.set(address, (set = new Set()));
    set.add(v);
  }

  unroute(address: string, v: VirtualUdpSocket): void {
    const set = this.routes.get(address);
    if (!set) return;
    set.delete(v);
    if (set.size === 0) this.routes.delete(address);
  }

  released(_v: VirtualUdpSocket): void {
    this.open--;
  }

  private socket(transport: Transport): dgram.Socket {
    let s = this.sockets.get(transport);
    if (s) return s;
    s = dgram.createSocket(transport);
    s.unref();
    s.on('message', (msg, rinfo) => this.dispatch(msg, rinfo));
    // ICMP unreachable and the like surface here; the affected requests time out on their own.
    s.on('error', () => {});
    s.once('listening', () => {
      try {
        // Bursty sweeps: a larger receive buffer avoids dropping replies.
        s!.setRecvBufferSize(4 * 1024 * 1024);
      } catch {
        /* not permitted: keep the default */
      }
    });
    this.sockets.set(transport, s);
    return s;
  }

  private dispatch(msg: Buffer, rinfo: dgram.RemoteInfo): void {
    this.counters.datagramsIn++;
    const set = this.routes.get(rinfo.address);
    if (!set) {
      // Replies from addresses we never asked (or multi-homed agents answering from another IP) are dropped.
      this.counters.datagramsUnrouted++;
      return;
    }
    for (const v of [...set]) {
      try {
        v.deliver(msg, rinfo);
      } catch {
        this.counters.handlerExceptions++;
      }
    }
  }
}

let defaultTransport: SharedUdpTransport | null = null;

/** The process-wide shared transport (one socket per address family). */
export function sharedUdpTransport(): SharedUdpTransport {
  return (defaultTransport ??= new SharedUdpTransport());
}
