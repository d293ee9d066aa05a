/**
 * A small, dated end-of-life table: regexes over sysDescr / firmware → the
 * date security updates stopped. The user can pass an updated table to
 * evaluateFindings; this default says when it was last reviewed.
 */
export interface EolEntry {
  product: string;
  /** Tested against `${sysDescr} ${firmware}`. */
  pattern: string;
  flags?: string;
  /** ISO date security support ended (or ends). */
  eolDate: string;
}

export const EOL_TABLE_REVIEWED = '2026-01-15';

/**
 * First match wins. Windows 10 and every Server since 2016 still report
 * "Version 6.3" in sysDescr; only the build number tells them apart, so the
 * build-specific rows come before the version rows.
 */
export const DEFAULT_EOL_TABLE: EolEntry[] = [
  { product: 'Windows Server 2016 / Windows 10 1607', pattern: 'Windows Version 6\\.3 \\(Build 14393\\b', eolDate: '2027-01-12' },
  { product: 'Windows Server 2019 / Windows 10 1809', pattern: 'Windows Version 6\\.3 \\(Build 17763\\b', eolDate: '2029-01-09' },
  { product: 'Windows Server 2022', pattern: 'Windows Version 6\\.3 \\(Build 20348\\b', eolDate: '2031-10-14' },
  { product: 'Windows 10', pattern: 'Windows Version 6\\.3 \\(Build 1(?:0240|0586|5063|6299|7134|8362|8363|9041|9042|9043|9044|9045)\\b', eolDate: '2025-10-14' },
  // XP's agent says "Windows 2000 Version 5.1": the version decides, not the name.
  { product: 'Windows 2000', pattern: 'Windows (?:2000 )?Version 5\\.0\\b', eolDate: '2010-07-13' },
  { product: 'Windows XP', pattern: 'Windows (?:2000 )?(?:Version 5\\.1|XP)', eolDate: '2014-04-08' },
  { product: 'Windows Server 2003', pattern: 'Windows (Version 5\\.2|Server 2003)', eolDate: '2015-07-14' },
  { product: 'Windows 7 / Server 2008 R2', pattern: 'Windows (Version 6\\.1|7\\b|Server 2008)', eolDate: '2020-01-14' },
  { product: 'Windows 8.1 / Server 2012 R2', pattern: 'Windows (Version 6\\.[23]|8\\.1|Server 2012)', eolDate: '2023-10-10' },
  { product: 'Windows 10', pattern: 'Windows 10\\b', eolDate: '2025-10-14' },
  { product: 'Windows Server 2016', pattern: 'Windows Server 2016', eolDate: '2027-01-12' },
  { product: 'Linux kernel 2.x', pattern: '^Linux \\S+ 2\\.\\d+', eolDate: '2016-02-29' },
  { product: 'Linux kernel 3.x', pattern: '^Linux \\S+ 3\\.\\d+', eolDate: '2020-06-30' },
  { product: 'Cisco IOS 12.x', pattern: 'Cisco IOS Software.*Version 12\\.|IOS \\(tm\\).*Version 12\\.', eolDate: '2016-01-31' },
  { product: 'VMware ESXi 6.x', pattern: 'VMware ESXi 6\\.', eolDate: '2022-10-15' },
  { product: 'VMware ESXi 7.0', pattern: 'VMware ESXi 7\\.', eolDate: '2025-10-02' },
  { product: 'Synology DSM 6.x', pattern: 'DSM 6\\.|DSM ?6\\.\\d', eolDate: '2024-10-01' },
  { product: 'FreeBSD 12', pattern: 'FreeBSD \\S+ 12\\.', eolDate: '2023-12-31' },
  { product: 'CentOS 7', pattern: 'el7\\b|CentOS.*7\\.', eolDate: '2024-06-30' },
];
