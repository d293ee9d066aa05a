/**
 * The one Content-Security-Policy of the UI. The Electron main process and the
 * browser bridge's server send it as a header; renderer/index.html carries the
 * meta version (a unit test keeps them equal). 'unsafe-inline' for styles only
 * (React style attributes); scripts never.
 */
const META_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** What a <meta> tag can carry (browsers ignore frame-ancestors there). */
export const CONTENT_SECURITY_POLICY_META = META_DIRECTIVES.join('; ');

/** The response header: the meta policy plus frame-ancestors. */
export const CONTENT_SECURITY_POLICY = [...META_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
