/**
 * ICMP echo for a whole sweep from one long-lived process.
 *
 * The system `ping` sends to one address per process: a /16 at 2,000 packets
 * a second would need 2,000 processes started every second, more than a
 * laptop's CPU can fork. Node has no ICMP socket, and a native module would
 * need rebuilding for every OS and Electron release. Every Linux and macOS
 * has perl (Debian's perl-base is an essential package; macOS ships
 * /usr/bin/perl) and an ICMP socket that needs no privilege: SOCK_DGRAM with
 * IPPROTO_ICMP (Linux, when net.ipv4.ping_group_range includes the user's
 * group, as systemd sets it; macOS always). As root, a raw socket does.
 *
 * The helper reads addresses on stdin, one a line, sends one echo request to
 * each as it arrives (the engine paces them), and prints each address that
 * replies, with the round trip it measured when it has a fine clock
 * (Time::HiRes). Timeouts are kept here, on the engine's clock, and so is the
 * round trip when the helper has none. Where no ICMP socket can be opened (Windows, a locked-down Linux),
 * `start` answers null and the caller falls back to the system ping.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { PingResult } from './ping-output';

/** The helper, in perl's core modules only (Socket, IO::Select: both in Debian's perl-base). */
export const ECHO_HELPER_SCRIPT = String.raw`
use strict; use warnings;
use Socket qw(PF_INET SOCK_DGRAM SOCK_RAW SOL_SOCKET SO_RCVBUF inet_aton inet_ntoa pack_sockaddr_in unpack_sockaddr_in);
use IO::Select;
my $mode = $ARGV[0] // 'auto';
my ($sock, $kind);
for my $try ($mode eq 'auto' ? ('dgram', 'raw') : ($mode)) {
  if (socket(my $s, PF_INET, $try eq 'dgram' ? SOCK_DGRAM : SOCK_RAW, 1)) { ($sock, $kind) = ($s, $try); last; }
}
$| = 1;
if (!$sock) { print "unavailable $!\n"; exit 2; }
print "ready $kind\n";
# Room for a burst of replies (the kernel caps it at net.core.rmem_max).
setsockopt($sock, SOL_SOCKET, SO_RCVBUF, 4 * 1024 * 1024);
# Linux rewrites a datagram socket's echo identifier and filters replies itself; elsewhere, match our own.
my $ident = $$ & 0xffff;
my $check_ident = !($kind eq 'dgram' && $^O eq 'linux');
my $seq = 0;
# Round trips timed here when Time::HiRes is there (perl's own modules; Debian's bare perl-base lacks it):
# the engine's clock would add its pipe and event-loop delays to a LAN's tenth of a millisecond.
my $clock = eval { require Time::HiRes; \&Time::HiRes::time };
my %sent_at;
sub checksum { my $sum = 0; $sum += $_ for unpack('n*', $_[0]); $sum = ($sum >> 16) + ($sum & 0xffff); $sum += $sum >> 16; return ~$sum & 0xffff; }
sub echo_request { my $p = pack('CCnnn', 8, 0, 0, $ident, $_[0]) . 'forewarn'; substr($p, 2, 2) = pack('n', checksum($p)); return $p; }
my $select = IO::Select->new(\*STDIN, $sock);
my $replies = IO::Select->new($sock);
sub read_reply {
  my $from = recv($sock, my $reply = '', 2048, 0);
  return unless defined $from && length $reply;
  $reply = substr($reply, (ord($reply) & 0x0f) * 4) if (ord($reply) >> 4) == 4;
  return if length($reply) < 8;
  my ($type, undef, undef, $id) = unpack('CCnn', $reply);
  return if $type != 0 || ($check_ident && $id != $ident);
  my (undef, $address) = unpack_sockaddr_in($from);
  my $ip = inet_ntoa($address);
  my $sent = delete $sent_at{$ip};
  print defined $sent ? sprintf("%s %.3f\n", $ip, ($clock->() - $sent) * 1000) : "$ip\n";
}
my ($pending, $stdin_open) = ('', 1);
while (1) {
  # Once stdin closes, replies still in flight get a moment before the helper leaves.
  my @ready = $select->can_read($stdin_open ? undef : 3);
  last if !@ready && !$stdin_open;
  for my $fh (@ready) {
    # Only what is there now: the input just handled may have read the reply this wait saw, and a read of an
    # empty socket would block until the next ICMP packet, maybe never, while requests pile up unsent.
    if (fileno($fh) == fileno($sock)) { read_reply() while $replies->can_read(0); next; }
    my $read = sysread(STDIN, my $chunk, 65536);
    if (!$read) { $stdin_open = 0; $select->remove(\*STDIN); next; }
    $pending .= $chunk;
    while ($pending =~ s/^([^\n]*)\n//) {
      my $ip = $1;
      # Dotted quads only: inet_aton would look anything else up as a name.
      next unless $ip =~ /^\d{1,3}(?:\.\d{1,3}){3}$/ && !grep { $_ > 255 } split /\./, $ip;
      $seq = ($seq + 1) & 0xffff;
      # A send that fails (no route) is an address that cannot answer: its timeout says so.
      # Silent addresses never clear their entry: start over now and then (a /16 is 65,536 of them).
      %sent_at = () if keys(%sent_at) > 200_000;
      $sent_at{$ip} = $clock->() if $clock;
      send($sock, echo_request($seq), 0, pack_sockaddr_in(0, inet_aton($ip)));
      # Replies are read between sends, so a long burst of requests cannot overflow the socket's buffer.
      read_reply() while $replies->can_read(0);
    }
  }
}
`;

export type EchoSocketKind = 'dgram' | 'raw';

interface Waiting {
  signal: AbortSignal | undefined;
  sentAt: number;
  timer: ReturnType<typeof setTimeout>;
  resolve: (result: PingResult) => void;
}

type HelperProcess = ChildProcessByStdio<Writable, Readable, null>;

const SILENT: PingResult = { alive: false, rttMs: null, lossPercent: 100, replies: 0 };
/** How long the helper may take to say whether it can open a socket. */
const START_TIMEOUT_MS = 3000;

export class IcmpEchoHelper {
  private readonly waiting = new Map<string, Waiting[]>();
  /**
   * One abort listener per scan signal, not one per request: a sweep keeps
   * thousands of requests waiting, and each addEventListener on a signal
   * walks the listeners it already has.
   */
  private readonly watchedSignals = new WeakSet<AbortSignal>();
  private exited = false;

  private constructor(private readonly child: HelperProcess, readonly kind: EchoSocketKind) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [ip = '', rtt] = line.trim().split(' ');
      this.replied(ip, rtt === undefined ? null : Number(rtt));
    });
    child.once('exit', () => {
      this.exited = true;
      for (const ip of [...this.waiting.keys()]) this.settle(ip, SILENT);
    });
    child.stdin.on('error', () => undefined);
    // An idle helper never keeps the engine alive; it exits when our end of its stdin closes.
    this.unref();
  }

  /** The helper if an ICMP socket could be opened (`mode`: which kind to try; 'auto' tries unprivileged first), else null. */
  static start(mode: EchoSocketKind | 'auto' = 'auto', perl = 'perl'): Promise<IcmpEchoHelper | null> {
    return new Promise((resolve) => {
      let child: HelperProcess;
      try {
        child = spawn(perl, ['-e', ECHO_HELPER_SCRIPT, mode], { stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
      } catch {
        resolve(null);
        return;
      }
      const lines = createInterface({ input: child.stdout });
      const giveUp = () => {
        clearTimeout(timer);
        lines.close();
        child.kill();
        resolve(null);
      };
      const timer = setTimeout(giveUp, START_TIMEOUT_MS);
      child.once('error', giveUp);
      child.once('exit', giveUp);
      lines.once('line', (line) => {
        const ready = /^ready (dgram|raw)$/.exec(line.trim());
        if (!ready) return giveUp();
        clearTimeout(timer);
        child.removeListener('error', giveUp);
        child.removeListener('exit', giveUp);
        lines.close();
        resolve(new IcmpEchoHelper(child, ready[1] as EchoSocketKind));
      });
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** One echo request; resolves with the reply's round trip, or silence after `timeoutMs`. Never rejects. */
  ping(ip: string, timeoutMs: number, signal?: AbortSignal): Promise<PingResult> {
    if (this.exited || signal?.aborted) return Promise.resolve(SILENT);
    return new Promise((resolve) => {
      const entry: Waiting = {
        signal,
        sentAt: performance.now(),
        resolve,
        timer: setTimeout(() => this.forget(ip, entry, SILENT), timeoutMs),
      };
      this.watch(signal);
      const queue = this.waiting.get(ip);
      if (queue) queue.push(entry);
      else this.waiting.set(ip, [entry]);
      this.ref();
      this.child.stdin.write(`${ip}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private watch(signal: AbortSignal | undefined): void {
    if (!signal || this.watchedSignals.has(signal)) return;
    this.watchedSignals.add(signal);
    signal.addEventListener('abort', () => {
      for (const [ip, queue] of [...this.waiting]) for (const entry of [...queue]) if (entry.signal === signal) this.forget(ip, entry, SILENT);
    }, { once: true });
  }

  /** `measuredMs`: the helper's own timing of the round trip, when it has one. */
  private replied(ip: string, measuredMs: number | null): void {
    const first = this.waiting.get(ip)?.[0];
    if (!first) return; // a late or duplicate reply
    const rttMs = measuredMs !== null && Number.isFinite(measuredMs) ? measuredMs : Math.round((performance.now() - first.sentAt) * 1000) / 1000;
    this.forget(ip, first, { alive: true, rttMs, lossPercent: 0, replies: 1 });
  }

  private settle(ip: string, result: PingResult): void {
    for (const entry of this.waiting.get(ip) ?? []) this.forget(ip, entry, result);
  }

  private forget(ip: string, entry: Waiting, result: PingResult): void {
    const queue = this.waiting.get(ip);
    const at = queue?.indexOf(entry) ?? -1;
    if (!queue || at < 0) return;
    queue.splice(at, 1);
    if (!queue.length) this.waiting.delete(ip);
    clearTimeout(entry.timer);
    entry.resolve(result);
    if (!this.waiting.size) this.unref();
  }

  /** Held while requests wait for replies; released when none do. */
  private ref(): void {
    this.child.ref();
    for (const stream of [this.child.stdin, this.child.stdout]) (stream as unknown as { ref?: () => void }).ref?.();
  }

  private unref(): void {
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout]) (stream as unknown as { unref?: () => void }).unref?.();
  }
}
