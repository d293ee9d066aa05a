/**
 * The one Content-Security-Policy of the UI. The Electron main process sends it
 * as a header, the browser bridge's server sends the same header, and
 * renderer/index.html carries it in a meta tag (a unit test keeps them equal).
 * 'unsafe-inline' for styles only: React's style attributes need it; scripts never.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
].join('; ');
