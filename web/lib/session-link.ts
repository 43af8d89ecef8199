/**
 * Where a session's id and token live on the client. The link carries them in the hash so they
 * never reach server logs or Referer headers; localStorage lets a plain reload (or the home-screen
 * icon, which drops the hash) resume too.
 */
export interface SessionRef {
  sessionId: string;
  token: string;
}

const STORAGE_KEY = 'zz.session';
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const TOKEN_RE = /^[A-Za-z0-9_\-.~]{1,128}$/;

/** Reads `#s=<id>&t=<token>`; anything malformed is ignored rather than sent to the server. */
export function parseHash(hash: string): SessionRef | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const sessionId = params.get('s') ?? '';
  const token = params.get('t') ?? '';
  if (!ID_RE.test(sessionId) || !TOKEN_RE.test(token)) return null;
  return { sessionId, token };
}

export function formatHash(ref: SessionRef): string {
  return `#s=${encodeURIComponent(ref.sessionId)}&t=${encodeURIComponent(ref.token)}`;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function loadSaved(storage: KeyValueStorage | undefined): SessionRef | null {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SessionRef>;
    if (typeof v.sessionId === 'string' && typeof v.token === 'string' && ID_RE.test(v.sessionId) && TOKEN_RE.test(v.token)) {
      return { sessionId: v.sessionId, token: v.token };
    }
  } catch {
    // Private-mode browsers throw on storage access; the hash link still works there.
  }
  return null;
}

export function save(storage: KeyValueStorage | undefined, ref: SessionRef): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(ref));
  } catch {
    /* storage full or disabled: the hash link still carries the session */
  }
}

export function forget(storage: KeyValueStorage | undefined): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    /* nothing to forget */
  }
}

/** The hash wins over storage: a link someone shared or bookmarked names the session they meant. */
export function pickSession(hash: string, storage: KeyValueStorage | undefined): SessionRef | null {
  return parseHash(hash) ?? loadSaved(storage);
}
