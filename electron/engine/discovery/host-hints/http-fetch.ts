/**
 * A small, bounded HTTP(S) GET of one page of a scanned host: at most 64 KB,
 * within the timeout, certificates not checked (device UIs are self-signed;
 * nothing is sent but the request), redirects not followed (they may lead off
 * the scanned host). What it returns: status, headers, body text, and on
 * HTTPS the certificate's subject.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface FetchedPage {
  status: number;
  server: string | null;
  contentType: string | null;
  body: string;
  /** HTTPS only: the certificate subject's CN and O. */
  certificate: { commonName: string | null; organization: string | null } | null;
}

const MAX_BODY = 64 * 1024;

function firstOf(value: string | string[] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function certificateOf(response: IncomingMessage): FetchedPage['certificate'] {
  const socket = response.socket as TLSSocket;
  if (typeof socket.getPeerCertificate !== 'function') return null;
  const subject = socket.getPeerCertificate()?.subject as Record<string, string | string[]> | undefined;
  if (!subject || Object.keys(subject).length === 0) return null;
  return { commonName: firstOf(subject.CN), organization: firstOf(subject.O) };
}

export function fetchPage(url: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<FetchedPage | null> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) return resolve(null);
    const secure = url.startsWith('https:');
    const request = (secure ? httpsRequest : httpRequest)(url, {
      method: 'GET',
      timeout: options.timeoutMs,
      signal: options.signal,
      headers: { 'User-Agent': 'Forewarn network assessment', Accept: 'text/html,application/xml;q=0.9,*/*;q=0.5', Connection: 'close' },
      ...(secure ? { rejectUnauthorized: false } : {}),
    });
    const deadline = setTimeout(() => request.destroy(), options.timeoutMs);
    const done = (page: FetchedPage | null) => {
      clearTimeout(deadline);
      resolve(page);
    };
    request.on('timeout', () => request.destroy());
    request.on('error', () => done(null));
    request.on('response', (response) => {
      // Read now: once the body is in and the socket closes, the peer certificate is gone.
      const certificate = secure ? certificateOf(response) : null;
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        request.destroy();
        done({
          status: response.statusCode ?? 0,
          server: firstOf(response.headers.server),
          contentType: firstOf(response.headers['content-type']),
          body: Buffer.concat(chunks).toString('utf8'),
          certificate,
        });
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_BODY) finish();
      });
      response.on('end', finish);
      response.on('error', () => done(null));
    });
    request.end();
  });
}
