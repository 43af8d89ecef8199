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

/** One entry of 我的会话: the link to a session plus what the list shows about it. */
export interface SessionEntry extends SessionRef {
  company?: string;
  category?: string;
  /** ISO time of the last change seen on this device. */
  updatedAt: string;
}

const LIST_KEY = 'zz.sessions';
/** A browser keeps the links of this many sessions; the oldest drop off first. */
const MAX_SESSIONS = 20;

/** The sessions this browser has opened, newest first. Entries that do not look like a link are dropped. */
export function listSessions(storage: KeyValueStorage | undefined): SessionEntry[] {
  try {
    const raw = JSON.parse(storage?.getItem(LIST_KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((e): e is SessionEntry => !!e && typeof e === 'object' && typeof e.sessionId === 'string' && typeof e.token === 'string' && ID_RE.test(e.sessionId) && TOKEN_RE.test(e.token) && typeof e.updatedAt === 'string')
      .map((e) => ({ sessionId: e.sessionId, token: e.token, updatedAt: e.updatedAt, ...(typeof e.company === 'string' ? { company: e.company.slice(0, 100) } : {}), ...(typeof e.category === 'string' ? { category: e.category.slice(0, 40) } : {}) }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  } catch {
    return [];
  }
}

/** Adds or updates a session in the list; fields not given keep their earlier value. */
export function rememberSession(storage: KeyValueStorage | undefined, ref: SessionRef, meta: { company?: string; category?: string | null }, now = new Date()): void {
  const list = listSessions(storage);
  const old = list.find((e) => e.sessionId === ref.sessionId);
  const entry: SessionEntry = { ...old, sessionId: ref.sessionId, token: ref.token, updatedAt: now.toISOString() };
  if (meta.company) entry.company = meta.company;
  if (meta.category !== undefined) {
    if (meta.category) entry.category = meta.category;
    else delete entry.category;
  }
  const next = [entry, ...list.filter((e) => e.sessionId !== ref.sessionId)].slice(0, MAX_SESSIONS);
  try {
    storage?.setItem(LIST_KEY, JSON.stringify(next));
  } catch {
    /* storage full or disabled: the hash link still carries the session */
  }
}

export function dropSession(storage: KeyValueStorage | undefined, sessionId: string): void {
  try {
    storage?.setItem(LIST_KEY, JSON.stringify(listSessions(storage).filter((e) => e.sessionId !== sessionId)));
  } catch {
    /* nothing to drop */
  }
}

const MODES_KEY = 'zz.modes';

/**
 * The mode (申报评估 or 政策问答) each session was last in on this browser, so a reload reopens a
 * 政策问答 session as 政策问答 rather than with the interview's card. Bounded like the session list.
 */
export function loadMode(storage: KeyValueStorage | undefined, sessionId: string): 'interview' | 'qa' | undefined {
  const m = storedModes(storage)[sessionId];
  return m === 'qa' || m === 'interview' ? m : undefined;
}

function storedModes(storage: KeyValueStorage | undefined): Record<string, unknown> {
  try {
    const raw = JSON.parse(storage?.getItem(MODES_KEY) ?? '{}') as unknown;
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function saveMode(storage: KeyValueStorage | undefined, sessionId: string, mode: 'interview' | 'qa'): void {
  try {
    const old = storedModes(storage);
    if (old[sessionId] === mode) return;
    const rest = Object.entries(old).filter(([id, m]) => id !== sessionId && ID_RE.test(id) && (m === 'qa' || m === 'interview'));
    storage?.setItem(MODES_KEY, JSON.stringify(Object.fromEntries([...rest.slice(-(MAX_SESSIONS - 1)), [sessionId, mode]])));
  } catch {
    /* storage full or disabled: the session opens in 申报评估, as a new one does */
  }
}
