/**
 * Hands bytes to the user as a download. A blob: URL on an <a download> is a
 * download, not a fetch or navigation, so the page's CSP (connect-src 'self')
 * does not block it; in the desktop app Electron asks where to save it.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
