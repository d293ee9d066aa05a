/**
 * Application settings (never secrets: those live in the credential vault).
 * Every read and write goes through the shared zod schemas, so a corrupted or
 * hand-edited settings file degrades to defaults instead of crashing the app.
 */
import {
  DEFAULT_SETTINGS,
  PublicSettingsSchema,
  SettingsPatchSchema,
  type PublicSettings,
  type SettingsPatch,
} from '../../shared/settings';

export interface SettingsRepository {
  get(): PublicSettings;
  /** Validates the patch, merges it over the current settings, persists and returns the result. */
  update(patch: SettingsPatch): PublicSettings;
}

/** Where validated settings are kept: electron-store in the app, memory elsewhere. */
export interface SettingsBackend {
  load(): unknown;
  save(settings: PublicSettings): void;
}

export function createSettingsRepository(
  backend: SettingsBackend,
  onInvalid: (reason: string) => void = () => {},
): SettingsRepository {
  let current = loadValid(backend, onInvalid);
  return {
    get: () => structuredClone(current),
    update(patch) {
      const parsedPatch = SettingsPatchSchema.parse(patch);
      const next = PublicSettingsSchema.parse(merge(current, parsedPatch));
      backend.save(next);
      current = next;
      return structuredClone(current);
    },
  };
}

export function createMemorySettingsRepository(initial: unknown = undefined): SettingsRepository {
  let stored: unknown = initial;
  return createSettingsRepository({ load: () => stored, save: (settings) => (stored = settings) });
}

/** Stored settings merged over the defaults, so settings added in a newer version get their default. */
function loadValid(backend: SettingsBackend, onInvalid: (reason: string) => void): PublicSettings {
  const stored = backend.load();
  if (stored === undefined || stored === null) return structuredClone(DEFAULT_SETTINGS);
  const candidate = isRecord(stored) ? merge(DEFAULT_SETTINGS, stored as SettingsPatch) : stored;
  const parsed = PublicSettingsSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  onInvalid(`stored settings are invalid, using defaults: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return structuredClone(DEFAULT_SETTINGS);
}

/** One level deep: a patch of `scan` or `branding` replaces only the keys it names. */
function merge(base: PublicSettings, patch: SettingsPatch): unknown {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const previous = out[key];
    out[key] = isRecord(previous) && isRecord(value) && key !== 'thresholds' ? { ...previous, ...value } : value;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
