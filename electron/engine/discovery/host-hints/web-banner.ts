/**
 * What a host's web interface says of it: the page title and `Server` header
 * of its first web port (HTTPS first), and its TLS certificate's subject.
 * Device UIs name themselves there ("AXIS M3106-L Network Camera",
 * "Brother MFC-L2750DW series", certificate O "Synology Inc.").
 */
import { webPageUrl } from '../../../../shared/web-ui';
import { fetchPage } from './http-fetch';

export interface WebHints {
  title: string | null;
  server: string | null;
  certificateName: string | null;
  certificateOrganization: string | null;
  url: string;
}

const TITLE = /<title[^>]*>([\s\S]{1,300}?)<\/title>/i;

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** The page's title as plain, single-line text; null when absent or empty. */
export function pageTitle(html: string): string | null {
  const m = TITLE.exec(html);
  const title = m ? decodeEntities(m[1]!).replace(/\s+/g, ' ').trim() : '';
  return title ? title.slice(0, 120) : null;
}

export async function webHints(ip: string, openPorts: readonly number[], options: { timeoutMs: number; signal?: AbortSignal }): Promise<WebHints | null> {
  // The page "Open web UI" opens (shared/web-ui.ts).
  const url = webPageUrl(ip, openPorts);
  if (!url) return null;
  const page = await fetchPage(url, options);
  if (!page) return null;
  const hints: WebHints = {
    title: /html/i.test(page.contentType ?? 'text/html') ? pageTitle(page.body) : null,
    server: page.server?.slice(0, 120) ?? null,
    certificateName: page.certificate?.commonName?.slice(0, 120) ?? null,
    certificateOrganization: page.certificate?.organization?.slice(0, 120) ?? null,
    url,
  };
  return hints.title || hints.server || hints.certificateName || hints.certificateOrganization ? hints : null;
}
