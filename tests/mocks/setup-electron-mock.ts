/**
 * Safety net: no unit test may load the real `electron` package (on machines
 * without the binary it tries to download it). Tests that exercise main-side
 * code get the class-based mock in ./electron.ts.
 */
import { vi } from 'vitest';

vi.mock('electron', () => import('./electron'));
