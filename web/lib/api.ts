/** Small fetch helpers. Every failure becomes an Error whose message is fit to show the user. */
import { fill, words } from './messages';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readError(res: Response): Promise<ApiError> {
  let message = fill(words.api.requestFailed, { status: res.status });
  try {
    const body = (await res.json()) as { error?: { message?: string } | string; message?: string };
    const m = typeof body.error === 'string' ? body.error : (body.error?.message ?? body.message);
    if (m) message = m;
  } catch {
    /* not JSON: keep the status line */
  }
  return new ApiError(res.status, message);
}

export interface RequestOptions {
  token?: string;
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiJson<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, words.api.network);
  }
  if (!res.ok) throw await readError(res);
  return (await res.json()) as T;
}

/** Downloads a file that needs the session token: fetch with the header, then save the blob. */
/** Downloads a file with the session's token and returns the response's headers, which may say more of the file. */
export async function downloadWithToken(path: string, token: string, fallbackName: string): Promise<Headers> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiError(0, words.api.network);
  }
  if (!res.ok) throw await readError(res);
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return res.headers;
}

export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : null;
}

/** A clause as the viewer shows it, whatever extra fields the knowledge base keeps. */
export interface ClauseView {
  id: string;
  title: string;
  text: string;
  /** Sub-clauses, so a section such as 三(一) reads in full. */
  children: { id: string; title: string; text: string }[];
  /** Why the text was reconstructed, when our copy of the notice is truncated there. */
  note?: string;
}

export function normalizeClause(raw: unknown, id: string): ClauseView {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const wrapper = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const o = (wrapper.clause && typeof wrapper.clause === 'object' ? wrapper.clause : wrapper) as Record<string, unknown>;
  const kids = Array.isArray(wrapper.descendants) ? (wrapper.descendants as Record<string, unknown>[]) : [];
  return {
    id: str(o.id) ?? id,
    title: str(o.title) ?? '',
    text: str(o.text) ?? '',
    children: kids
      .filter((k) => k && typeof k === 'object' && typeof k.text === 'string')
      .map((k) => ({ id: str(k.id) ?? '', title: str(k.title) ?? '', text: str(k.text) ?? '' })),
    note: o.inferred === true ? (str(o.note) ?? words.api.clauseInferred) : undefined,
  };
}

/** `version` is the session's knowledge version: a session begun under last year's notice shows last year's clause. */
export async function fetchClause(id: string, signal?: AbortSignal, version?: string): Promise<ClauseView> {
  const query = version ? `?knowledgeVersion=${encodeURIComponent(version)}` : '';
  const raw = await apiJson<unknown>(`/api/knowledge/clauses/${encodeURIComponent(id)}${query}`, { signal });
  return normalizeClause(raw, id);
}
