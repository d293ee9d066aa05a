/**
 * Parses the output of the system `ping` on Linux (iputils, busybox), macOS
 * and Windows in any display language. Windows output cannot be forced to
 * English, so its dialect keys on tokens every locale keeps: an echo reply is
 * the line carrying "TTL=<n>", its round-trip time is the "=<n>" / "<<n>"
 * right before it, and the loss is the only percentage in the statistics.
 */

export interface PingResult {
  /** At least one echo reply came back from the target. */
  alive: boolean;
  /** Round-trip time of the first reply, in ms ("<1ms" on Windows counts as 1). */
  rttMs: number | null;
  /** Share of echo requests without a reply, 0–100. */
  lossPercent: number;
  /** Number of echo replies seen. */
  replies: number;
}

interface PingDialect {
  /** Matches an echo-reply line from the target; group 1 is the RTT in ms. */
  reply: RegExp;
  /** Group 1 is the loss percentage printed in the statistics. */
  loss: RegExp;
}

/**
 * Unix replies need both ttl= and time=: "92 bytes from <gw>: Destination Host
 * Unreachable" (macOS) and "From <gw> ... Destination Host Unreachable" (Linux) are not.
 * Unix output is forced to the C locale by the spawner.
 */
const UNIX: PingDialect = {
  reply: /^\d+ bytes from .*\bttl=\d+.*\btime[=<]\s*(\d+(?:\.\d+)?)\s*ms/im,
  loss: /(\d+(?:\.\d+)?)% packet loss/,
};

/** Only [ \t] counts as a gap: OEM code pages decoded as latin1 can yield U+00A0 inside words. */
const WINDOWS: PingDialect = {
  reply: /[=<][ \t]*(\d+)(?:[.,]\d+)?[ \t]*[^ \t\d=<]*[ \t]+TTL=\d+/i,
  loss: /(\d+)[ \t]*%/,
};

export function dialectOf(platform: NodeJS.Platform): PingDialect {
  return platform === 'win32' ? WINDOWS : UNIX;
}

/**
 * Parses one ping run. `sent` is the number of echo requests, used when the
 * output has no statistics (the process was cut short).
 */
export function parsePingOutput(platform: NodeJS.Platform, text: string, sent = 1): PingResult {
  const dialect = dialectOf(platform);
  let replies = 0;
  let rttMs: number | null = null;
  for (const line of text.split(/\r?\n/)) {
    const m = dialect.reply.exec(line);
    if (!m) continue;
    replies += 1;
    rttMs ??= Number(m[1]);
  }
  const alive = replies > 0;
  const statedLoss = dialect.loss.exec(text);
  let lossPercent: number;
  if (!alive) lossPercent = 100; // Windows counts "Destination host unreachable" as received
  else if (statedLoss) lossPercent = Number(statedLoss[1]);
  else lossPercent = Math.max(0, Math.round((1 - replies / Math.max(sent, replies)) * 100));
  return { alive, rttMs, lossPercent, replies };
}
