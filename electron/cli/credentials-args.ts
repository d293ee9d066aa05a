/** Turning `--community` and `--v3` flags into engine credentials, with errors that name the bad flag. */
import { V3AuthProtocolSchema, V3PrivProtocolSchema, v3UserProblem, type SnmpCredentials, type V3User } from '../../shared/credentials';
import type { NumberBounds } from '../../shared/settings';
import { UsageError } from './output';

/** `USER`, `USER:AUTHPROTO:AUTHKEY` or `USER:AUTHPROTO:AUTHKEY:PRIVPROTO:PRIVKEY`. */
export function parseV3User(spec: string): V3User {
  const parts = spec.split(':');
  const [user, authProto = 'none', authKey = '', privProto = 'none', privKey = ''] = parts;
  const problem = (what: string) =>
    new UsageError(`--v3 "${user ?? ''}:…": ${what}. Expected USER:AUTHPROTO:AUTHKEY:PRIVPROTO:PRIVKEY, e.g. ops:sha:MyAuthKey:aes:MyPrivKey.`);
  if (!user || parts.length > 5 || parts.length === 2 || parts.length === 4) throw problem('wrong number of fields');
  const auth = V3AuthProtocolSchema.safeParse(authProto.toLowerCase());
  if (!auth.success) throw problem(`unknown auth protocol "${authProto}" (${V3AuthProtocolSchema.options.join(', ')})`);
  const priv = V3PrivProtocolSchema.safeParse(privProto.toLowerCase());
  if (!priv.success) throw problem(`unknown privacy protocol "${privProto}" (${V3PrivProtocolSchema.options.join(', ')})`);
  const v3User: V3User = { user, authProtocol: auth.data, authKey, privProtocol: priv.data, privKey };
  const invalid = v3UserProblem(v3User);
  if (invalid) throw problem(invalid);
  return v3User;
}

/** With no credentials at all, try the factory default `public`, as every peer tool does. */
export function credentialsFromFlags(communities: readonly string[], v3Specs: readonly string[]): SnmpCredentials {
  const v3Users = v3Specs.map(parseV3User);
  const explicit = communities.filter((c) => c.length > 0);
  return { communities: explicit.length === 0 && v3Users.length === 0 ? ['public'] : [...new Set(explicit)], v3Users };
}

/** A whole-number flag within the bounds the settings schema states (shared/settings.ts SCAN_LIMIT_BOUNDS). */
export function boundedInteger(flag: string, raw: string | undefined, fallback: number, { min, max }: NumberBounds): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got "${raw}").`);
  }
  return value;
}
