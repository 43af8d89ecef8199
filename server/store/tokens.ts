import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** 256 bits from the OS CSPRNG: guessing a token is not a practical attack. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newSessionId(): string {
  return randomUUID();
}

/**
 * Only the hash is stored, so a copied database file does not hand out live tokens. A plain
 * SHA-256 is enough here: the token has 256 bits of entropy, there is nothing to brute-force.
 */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

const DUMMY = hashToken('not-a-session');

/** Constant-time comparison; an unknown session still costs one comparison so timing does not tell. */
export function tokenMatches(token: string, storedHash: Buffer | undefined): boolean {
  const given = hashToken(token);
  const against = storedHash && storedHash.length === given.length ? storedHash : DUMMY;
  const same = timingSafeEqual(given, against);
  return same && against !== DUMMY;
}
