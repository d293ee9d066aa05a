/**
 * Sizes as a technician reads them on the device itself (Windows Explorer,
 * NAS dashboards): binary steps with the familiar KB/MB/GB labels. One
 * formatter, so the screen, the findings and the PDF report never disagree.
 */
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${UNITS[unit]}`;
}
