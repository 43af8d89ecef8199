import type { KeyValueStorage } from './session-link';

/**
 * An upload in progress, as the tab remembers it: a reload drops the request, and the page that comes back must say
 * what became of the file (read before the reload, still being read, or not received) instead of showing nothing.
 * `sent` is whether every byte reached the server, which then reads it to the end whether or not the page waits.
 * `known` are the session's documents when it started, so the one it made is told from earlier uploads of the same name.
 */
export interface UploadMarker {
  file: string;
  at: number;
  sent: boolean;
  known: string[];
}

const PREFIX = 'zz-upload:';

export function noteUpload(storage: KeyValueStorage | undefined, sessionId: string, marker: UploadMarker): void {
  try {
    storage?.setItem(PREFIX + sessionId, JSON.stringify(marker));
  } catch {
    // A full or blocked storage costs only the message after a reload.
  }
}

export function loadUpload(storage: KeyValueStorage | undefined, sessionId: string): UploadMarker | undefined {
  try {
    const v = JSON.parse(storage?.getItem(PREFIX + sessionId) ?? 'null') as Partial<UploadMarker> | null;
    if (!v || typeof v.file !== 'string' || typeof v.at !== 'number' || typeof v.sent !== 'boolean' || !Array.isArray(v.known)) return undefined;
    return { file: v.file, at: v.at, sent: v.sent, known: v.known.filter((k): k is string => typeof k === 'string') };
  } catch {
    return undefined;
  }
}

export function forgetUpload(storage: KeyValueStorage | undefined, sessionId: string): void {
  try {
    storage?.removeItem(PREFIX + sessionId);
  } catch {
    /* nothing to forget */
  }
}
