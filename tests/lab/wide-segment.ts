/**
 * A large on-link segment with nobody on it (an office /22), in two namespaces
 * of its own: a scanner and the empty far end of its veth. Not part of the
 * office: an empty /22 on the technician's laptop would change the subnet the
 * other lab tests see detected.
 */
import { ipBatch, run } from './run';

export const wideSegment = {
  scanner: 'fw-wide-scanner',
  farEnd: 'fw-wide-empty',
  cidr: '10.99.0.0/22',
  scannerAddress: '10.99.3.250',
} as const;

export async function createWideSegment(): Promise<void> {
  await removeWideSegment();
  const { scanner, farEnd, scannerAddress } = wideSegment;
  await ipBatch([`netns add ${scanner}`, `netns add ${farEnd}`, `link add wide0 netns ${scanner} type veth peer name wide1 netns ${farEnd}`]);
  await ipBatch(['link set lo up', `addr add ${scannerAddress}/22 dev wide0`, 'link set wide0 up'], scanner);
  await ipBatch(['link set wide1 up'], farEnd);
}

export async function removeWideSegment(): Promise<void> {
  await run('ip', ['netns', 'del', wideSegment.scanner]);
  await run('ip', ['netns', 'del', wideSegment.farEnd]);
}
