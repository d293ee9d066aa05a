import { describe, expect, it } from 'vitest';
import {
  addressesOf,
  containsAddress,
  intToIp,
  ipToInt,
  isPublicAddress,
  parseTargets,
  TargetError,
} from '../../../electron/engine/targets/parse-targets';

const LAN = { allowLarge: false, allowPublic: false };
const noDns = async (name: string): Promise<string[]> => {
  throw new Error(`unexpected lookup of ${name}`);
};

async function list(specs: string[], options = LAN): Promise<string[]> {
  const plan = await parseTargets(specs, { ...options, resolveHostname: noDns });
  return [...addressesOf(plan)];
}

async function targetError(specs: string[], options: Parameters<typeof parseTargets>[1] = LAN): Promise<TargetError> {
  const err = await parseTargets(specs, { resolveHostname: noDns, ...options }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TargetError);
  return err as TargetError;
}

describe('ipToInt / intToIp', () => {
  it('round-trips and uses unsigned arithmetic', () => {
    expect(ipToInt('255.255.255.255')).toBe(0xffffffff);
    expect(ipToInt('192.168.1.10')).toBe(0xc0a8010a);
    expect(intToIp(0xc0a8010a)).toBe('192.168.1.10');
    expect(intToIp(ipToInt('10.200.3.4'))).toBe('10.200.3.4');
  });
  it('rejects malformed addresses, including octal-looking octets', () => {
    for (const bad of ['1.2.3', '1.2.3.256', '01.2.3.4', '1.2.3.4.5', 'a.b.c.d', '']) {
      expect(() => ipToInt(bad)).toThrow(TypeError);
    }
  });
});

describe('isPublicAddress', () => {
  it.each([
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.254', false],
    ['172.32.0.1', true],
    ['192.168.0.1', false],
    ['127.0.0.1', false],
    ['100.64.0.1', false],
    ['100.127.255.255', false],
    ['100.128.0.1', true],
    ['169.254.10.1', false],
    ['8.8.8.8', true],
    ['224.0.0.1', false],
  ])('%s → %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe('parseTargets', () => {
  it('expands a /29 without network and broadcast addresses', async () => {
    expect(await list(['10.0.0.0/29'])).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
  });

  it('keeps both addresses of a /31 and the one of a /32', async () => {
    expect(await list(['10.0.0.4/31'])).toEqual(['10.0.0.4', '10.0.0.5']);
    expect(await list(['10.0.0.9/32'])).toEqual(['10.0.0.9']);
  });

  it('normalises a CIDR written with host bits to its network', async () => {
    const plan = await parseTargets(['192.168.7.77/24'], LAN);
    expect(plan.total).toBe(254);
    expect(intToIp(plan.ranges[0]![0])).toBe('192.168.7.1');
  });

  it('accepts full and short ranges, inclusive', async () => {
    expect(await list(['10.0.0.10-10.0.0.12'])).toEqual(['10.0.0.10', '10.0.0.11', '10.0.0.12']);
    expect(await list(['10.0.0.250-252'])).toEqual(['10.0.0.250', '10.0.0.251', '10.0.0.252']);
    expect(await list(['10.0.0.255-10.0.1.1'])).toEqual(['10.0.0.255', '10.0.1.0', '10.0.1.1']);
  });

  it('drops duplicates and merges overlaps across specs', async () => {
    const plan = await parseTargets(['10.0.0.0/24', '10.0.0.5', '10.0.0.200-10.0.1.3', '10.0.0.5', '10.0.1.2'], LAN);
    expect(plan.total).toBe(254 + 1 + 4); // .1-.254, plus .255 from the range, plus 10.0.1.0-3
    const all = [...plan.addresses()];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(plan.total);
    expect(plan.ranges).toEqual([[ipToInt('10.0.0.1'), ipToInt('10.0.1.3')]]);
  });

  it('splits comma and whitespace separated entries', async () => {
    expect(await list(['10.0.0.1, 10.0.0.3 10.0.0.2'])).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
  });

  it('resolves hostnames through the injected resolver and remembers the names', async () => {
    const plan = await parseTargets(['printer.office.lan', '10.0.0.1'], {
      ...LAN,
      resolveHostname: async (name) => (name === 'printer.office.lan' ? ['10.0.0.50', '10.0.0.51'] : []),
    });
    expect([...plan.addresses()]).toEqual(['10.0.0.1', '10.0.0.50', '10.0.0.51']);
    expect(plan.hostnames).toEqual({ '10.0.0.50': 'printer.office.lan', '10.0.0.51': 'printer.office.lan' });
  });

  it('names an unresolvable hostname', async () => {
    const err = await targetError(['nas.example.lan'], {
      ...LAN,
      resolveHostname: async () => {
        throw new Error('ENOTFOUND');
      },
    });
    expect(err.spec).toBe('nas.example.lan');
    expect(err.message).toContain('nas.example.lan');
  });

  it.each(['10.0.0.0/33', '10.0.0.300', '10.0.0.50-10', '10.0.0.50-10.0.0.10', '10.0.0', 'ho$t', '10.0.0.1-abc', '-bad-'])(
    'rejects malformed %s naming it',
    async (spec) => {
      const err = await targetError(['10.0.0.1', spec]);
      expect(err.spec).toBe(spec);
      expect(err.message).toContain(`"${spec}"`);
    },
  );

  it('rejects an empty list', async () => {
    await targetError([' ', '']);
  });

  it('needs allowPublic for any public address, naming the spec and the flag', async () => {
    const err = await targetError(['192.168.1.0/24', '8.8.8.0/30']);
    expect(err.spec).toBe('8.8.8.0/30');
    expect(err.message).toContain('--allow-public');
    expect(await list(['8.8.8.0/30'], { allowLarge: false, allowPublic: true })).toEqual(['8.8.8.1', '8.8.8.2']);
  });

  it('detects a range that straddles a private block edge as public', async () => {
    const err = await targetError(['172.31.255.250-172.32.0.2']);
    expect(err.spec).toBe('172.31.255.250-172.32.0.2');
  });

  it('accepts a /16 but needs allowLarge beyond it, counting the total across specs', async () => {
    const slash16 = await parseTargets(['10.1.0.0/16'], LAN);
    expect(slash16.total).toBe(65_534);
    const err = await targetError(['10.1.0.0/16', '10.2.0.0/24', '10.3.0.0/24']);
    expect(err.message).toContain('--allow-large');
    expect(err.spec).toBe('10.1.0.0/16');
    const big = await parseTargets(['10.0.0.0/8'], { allowLarge: true, allowPublic: false });
    expect(big.total).toBe(16_777_214);
  });

  it('refuses more than a /8 even with both confirmations, before asking for either', async () => {
    const both = { allowLarge: true, allowPublic: true };
    const err = await targetError(['10.0.0.0/8', '172.16.0.0/24'], both);
    expect(err.message).toMatch(/more than a \/8.*split the scan/);
    expect(err.message).not.toContain('--allow-large');
    expect(err.spec).toBe('10.0.0.0/8');
    // 10.0.0.0/7 is also public (11/8): the limit no flag lifts is named first.
    expect((await targetError(['10.0.0.0/7'])).message).toContain('more than a /8');
    expect((await parseTargets(['10.0.0.0/8'], both)).total).toBe(16_777_214);
  });

  it('does not materialise large plans', async () => {
    const plan = await parseTargets(['10.0.0.0/8'], { allowLarge: true, allowPublic: false });
    expect(plan.ranges.length).toBe(1);
    const it = plan.addresses();
    expect(it.next().value).toBe('10.0.0.1');
    expect(it.next().value).toBe('10.0.0.2');
  });

  it('refuses multicast and reserved blocks even with both confirmations', async () => {
    const err = await targetError(['224.0.0.0/24'], { allowLarge: true, allowPublic: true });
    expect(err.spec).toBe('224.0.0.0/24');
  });

  it('answers containsAddress by binary search', async () => {
    const plan = await parseTargets(['10.0.0.0/30', '10.0.5.1-10.0.5.9', '192.168.1.1'], LAN);
    expect(containsAddress(plan, '10.0.0.1')).toBe(true);
    expect(containsAddress(plan, '10.0.0.0')).toBe(false);
    expect(containsAddress(plan, '10.0.5.9')).toBe(true);
    expect(containsAddress(plan, '10.0.5.10')).toBe(false);
    expect(containsAddress(plan, ipToInt('192.168.1.1'))).toBe(true);
    expect(containsAddress(plan, 'garbage')).toBe(false);
  });
});
