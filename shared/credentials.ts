/**
 * SNMP credential shapes. Secrets (communities, v3 keys) exist only in the main
 * process and the engine; the renderer sees `PublicCredentialProfile`, which
 * carries labels and counts but never a secret.
 */
import { z } from 'zod';

export const V3AuthProtocolSchema = z.enum(['none', 'md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']);
export const V3PrivProtocolSchema = z.enum(['none', 'des', 'aes', 'aes256b', 'aes256r']);

/** RFC 3414 (2.6): a USM passphrase is at least 8 characters; agents reject shorter ones. */
export const V3_MIN_PASSPHRASE = 8;

/** The one statement of what a valid SNMPv3 user is: the CLI, Settings and credentials:save all ask it. */
export const V3UserSchema = z
  .object({
    user: z.string().min(1).max(64),
    authProtocol: V3AuthProtocolSchema,
    authKey: z.string().max(256),
    privProtocol: V3PrivProtocolSchema,
    privKey: z.string().max(256),
  })
  .superRefine((u, ctx) => {
    if (u.authProtocol !== 'none' && u.authKey.length < V3_MIN_PASSPHRASE) {
      ctx.addIssue({ code: 'custom', path: ['authKey'], message: `the auth passphrase must be at least ${V3_MIN_PASSPHRASE} characters (RFC 3414)` });
    }
    if (u.privProtocol !== 'none' && u.authProtocol === 'none') ctx.addIssue({ code: 'custom', path: ['privProtocol'], message: 'privacy needs authentication' });
    if (u.privProtocol !== 'none' && u.privKey.length < V3_MIN_PASSPHRASE) {
      ctx.addIssue({ code: 'custom', path: ['privKey'], message: `the privacy passphrase must be at least ${V3_MIN_PASSPHRASE} characters (RFC 3414)` });
    }
  });

/** Why an SNMPv3 user is not valid, in words for the technician; null when it is. */
export function v3UserProblem(user: unknown): string | null {
  const result = V3UserSchema.safeParse(user);
  return result.success ? null : (result.error.issues[0]?.message ?? 'not a valid SNMPv3 user');
}
export type V3User = z.infer<typeof V3UserSchema>;

/** What the engine receives: resolved secrets, in the order to try them. */
export const SnmpCredentialsSchema = z.object({
  communities: z.array(z.string().min(1).max(128)),
  v3Users: z.array(V3UserSchema),
});
export type SnmpCredentials = z.infer<typeof SnmpCredentialsSchema>;

export const CredentialProfileSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  credentials: SnmpCredentialsSchema,
});
export type CredentialProfile = z.infer<typeof CredentialProfileSchema>;

export interface PublicCredentialProfile {
  id: string;
  name: string;
  communityCount: number;
  v3UserNames: string[];
  /**
   * Stored, but this session cannot decrypt it (the OS keyring is locked, was
   * reset, or belongs to another user): kept untouched on disk, not usable for
   * a scan until the keyring opens again or the technician replaces it.
   */
  locked?: true;
}

export function toPublicProfile(profile: CredentialProfile): PublicCredentialProfile {
  return {
    id: profile.id,
    name: profile.name,
    communityCount: profile.credentials.communities.length,
    v3UserNames: profile.credentials.v3Users.map((u) => u.user),
  };
}

/**
 * Factory-default communities are not secrets: that a device answers to one
 * is itself a finding, so the scan document names them. Any other community
 * is only ever shown by its position.
 */
export const FACTORY_DEFAULT_COMMUNITIES = ['public', 'private'] as const;
export type FactoryDefaultCommunity = (typeof FACTORY_DEFAULT_COMMUNITIES)[number];

export function isFactoryDefaultCommunity(community: string): community is FactoryDefaultCommunity {
  return (FACTORY_DEFAULT_COMMUNITIES as readonly string[]).includes(community);
}

export function communityLabel(community: string, index: number): string {
  return isFactoryDefaultCommunity(community) ? community : `community #${index + 1}`;
}

/** Every secret string in a credential set, so logs and files can be scrubbed of them. */
export function secretsOf(credentials: SnmpCredentials): string[] {
  return [
    ...credentials.communities.filter((c) => !isFactoryDefaultCommunity(c)),
    ...credentials.v3Users.flatMap((u) => [u.authKey, u.privKey]),
  ].filter((s) => s.length > 0);
}

/** Replace every occurrence of any secret with a fixed mask. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length > 0) out = out.split(secret).join('••••');
  }
  return out;
}
