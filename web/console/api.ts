import { fill, words } from '../lib/messages';

/** The console's calls to /api/staff/*. The cookie travels by itself; writes carry the CSRF token. */

export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The server's structured account of the refusal, where it gives one (the problems a publish refusal lists). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken = '';

export function setCsrf(token: string): void {
  csrfToken = token;
}

async function failure(res: Response): Promise<ConsoleError> {
  let message = fill(words.api.requestFailed, { status: res.status });
  let code = '';
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: { message?: string; code?: string; details?: unknown } };
    if (body.error?.message) message = body.error.message;
    code = body.error?.code ?? '';
    details = body.error?.details;
  } catch {
    /* not JSON: keep the status line */
  }
  return new ConsoleError(res.status, code, message, details);
}

export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/**
 * Downloads a file response through a temporary object URL (the CSP allows blob: downloads, not inline scripts). The
 * response's headers are returned for the notes an export sends beside its file.
 */
export async function download(url: string, fallbackName: string): Promise<Headers> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw await failure(res);
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const name = m ? decodeURIComponent(m[1]!) : fallbackName;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return res.headers;
}

export interface Identity {
  username: string;
  role: 'helpline' | 'bureau' | 'admin';
  region: string | null;
  mustChangePassword: boolean;
  csrfToken: string;
}

export interface Citation {
  clause: string;
  title: string;
  quote: string;
}

export interface Answer {
  answer: string;
  citations: Citation[];
  confidence: number;
  outOfScope: boolean;
  questionId: string;
}

export const ROLE_LABEL: Record<Identity['role'], string> = words.console.roles;

/** The text the copy button puts on the clipboard: the conclusion and the clause IDs it rests on. */
export function copyText(a: Pick<Answer, 'answer' | 'citations'>): string {
  const ids = [...new Set(a.citations.map((c) => c.clause))];
  return ids.length ? fill(words.console.ask.copyText, { answer: a.answer, clauses: ids.join(words.common.listSep) }) : a.answer;
}

/** Sends a file as the request body (application/octet-stream), with the CSRF token like every write. */
export async function upload<T>(url: string, file: Blob): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken }, credentials: 'same-origin', body: file });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}
