import type { Category } from '../../server/schemas/profile';
import type { DraftResult, StaleExport } from '../../server/schemas/forms';
import { ApiError, apiJson, downloadWithToken } from './api';
import { fill, words } from './messages';
import { staleOf } from './stale-export';

/** One section of the chosen form with its current text: the user's edit, or a fresh draft from the facts. */
export interface DraftSection {
  section: string;
  title: string;
  text: string;
  edited: boolean;
  savedAt: string | null;
  /** The offline draft from the current facts, with its placeholders and number sources; with a model, why its text was not used. */
  generated?: Partial<DraftResult> & { notice?: string };
  /** An edit saved before the facts it asks for (its 〔请补充〕) were given: those facts, and what the user can do. */
  stale?: { labels: string[]; notice: string };
}

export interface ChecklistItem {
  id: string;
  clause?: string;
  title: string;
  detail?: string;
  where?: string;
}

export interface ExportFormats {
  docx: boolean;
  pdf: boolean;
  pdfHowTo?: string;
  note?: string;
}

export interface Session {
  sessionId: string;
  token: string;
}

const base = (s: Session) => `/api/sessions/${encodeURIComponent(s.sessionId)}`;

/** Thrown when a regeneration would replace the user's edited text; the caller asks before overwriting. */
export class EditedDraftError extends Error {}

export const draftsApi = {
  /**
   * The sections, the line the draft prints at its top when the notice rules the enterprise out (else null),
   * and the names of the facts its sentences rest on.
   */
  async list(s: Session, category: Category): Promise<{ ineligible: string | null; sections: DraftSection[]; factLabels: Record<string, string> }> {
    const r = await apiJson<{ ineligible?: string | null; sections: DraftSection[]; factLabels?: Record<string, string> }>(`${base(s)}/drafts?category=${category}`, { token: s.token });
    return { ineligible: r.ineligible ?? null, sections: r.sections, factLabels: r.factLabels ?? {} };
  },
  async checklist(category: Category): Promise<ChecklistItem[]> {
    const r = await apiJson<{ items: ChecklistItem[] }>(`/api/forms/${category}/checklist`);
    return r.items;
  },
  async save(s: Session, category: Category, section: string, text: string): Promise<{ savedAt: string; length: number }> {
    return apiJson(`${base(s)}/drafts/${encodeURIComponent(section)}`, { token: s.token, method: 'PUT', body: { text, category } });
  },
  /** Drafts the section again from the session's facts; refuses to replace an edit unless overwrite is set. */
  async regenerate(s: Session, category: Category, section: string, overwrite: boolean): Promise<DraftResult> {
    try {
      return await apiJson<DraftResult>(`${base(s)}/drafts/${encodeURIComponent(section)}/regenerate`, {
        token: s.token,
        body: { overwrite, category },
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) throw new EditedDraftError(err.message);
      throw err;
    }
  },
  /** Downloads the form as DOCX; returns the server's warning of edited sections the file prints that may be out of date. */
  async exportDocx(s: Session, category: Category): Promise<StaleExport | null> {
    return staleOf(await downloadWithToken(`${base(s)}/export.docx?category=${category}`, s.token, `${fill(words.drafts.fileName, { category })}.docx`));
  },
  /** The server names the file (form and company); the fallback is used only without a Content-Disposition. */
  async exportPdf(s: Session, category: Category): Promise<StaleExport | null> {
    return staleOf(await downloadWithToken(`${base(s)}/export.pdf?category=${category}`, s.token, `${fill(words.drafts.fileName, { category })}.pdf`));
  },
  /** Whether the server can make a PDF, and if not how the user makes one. */
  async formats(): Promise<ExportFormats> {
    return apiJson<ExportFormats>('/api/export/formats');
  },
};

export interface Suggestion {
  field: string;
  label?: string;
  value: string | number;
  /** For an interview question (ent.*): the licence's reading as the question's own value (「否」 → false). */
  answer?: boolean | string | number;
  /** The figure as the document prints it (「520余人」). */
  raw?: string;
  /** The document gives the figure as a round one: offered in its words, and `note` says the form still needs the exact one. */
  approximate?: true;
  note?: string;
  /** page is null for a DOCX the server could not lay out into pages. */
  source: { file: string; page: number | null; snippet: string };
}

export interface UploadedDocument {
  documentId: string;
  /** The file's name as uploaded (the list gives it; an upload's own answer may not). */
  file?: string;
  kind: 'pdf' | 'docx' | 'xlsx';
  pages: number | null;
  suggestions: Suggestion[];
  /**
   * Whose document it is, when that is not the enterprise's as recorded: another company's (nothing suggested), or
   * a company not yet confirmed as the enterprise's because nothing is recorded to compare it with.
   */
  notice?: string;
  /** The user's decisions as the server keeps them: fields accepted (with the value taken) and fields declined. */
  accepted?: Record<string, string | number>;
  rejected?: string[];
}

export interface TrackedItem extends ChecklistItem {
  done: boolean;
  note: string;
  checks: string[];
}

/**
 * Where an upload is: its bytes going up (so far of all), then each stage the server says it has reached, in its words
 * (reading the file, recognising, the model, laying out pages, saving). `sent` is the moment between the two, when
 * every byte has gone and the server has not yet said anything.
 */
export type UploadStage = { stage: 'upload'; loaded: number; total: number } | { stage: 'sent' } | { stage: 'server'; step: string; label: string };

/**
 * A multipart upload with the session token; errors carry the server's Chinese message. Sent with XMLHttpRequest,
 * as fetch reports no upload progress: a 20 MB PDF over a slow line takes long enough that the user must see it move.
 */
function upload<T>(path: string, token: string, file: File, onStage?: (s: UploadStage) => void, stages = false): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    // Asked for, the server answers a line per stage as it reaches it, then the result as the last line.
    if (stages) xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.upload.onprogress = (e) => onStage?.({ stage: 'upload', loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => onStage?.({ stage: 'sent' });
    const lines = () => xhr.responseText.split('\n').filter((l) => l.trim());
    let told = 0;
    // Each complete line that has come is a stage the server has reached: shown as it arrives.
    xhr.onprogress = () => {
      const done = xhr.responseText.endsWith('\n') ? lines() : lines().slice(0, -1);
      for (; told < done.length; told++) {
        const o = parseLine(done[told]!) as { stage?: string; label?: string } | undefined;
        if (o?.stage && o.label) onStage?.({ stage: 'server', step: o.stage, label: o.label });
      }
    };
    xhr.onerror = () => reject(new ApiError(0, words.api.uploadInterrupted));
    xhr.ontimeout = xhr.onerror;
    xhr.onload = () => {
      const all = lines();
      const last = parseLine(all.at(-1) ?? '') as { result?: T; error?: { message?: string }; statusCode?: number } | undefined;
      // A streamed answer carries its status in its last line; any other is one JSON body under the HTTP status.
      const streamed = all.length > 1 || (last !== undefined && ('result' in last || 'statusCode' in last));
      const status = streamed ? (last?.statusCode ?? 500) : xhr.status;
      const body = streamed ? (last?.result ?? last) : last;
      if (status >= 200 && status < 300 && body !== undefined) return resolve(body as T);
      const message = (body as { error?: { message?: string } } | undefined)?.error?.message;
      reject(new ApiError(status, message ?? fill(words.api.uploadFailed, { status })));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

export const documentsApi = {
  upload: (s: Session, file: File, onStage?: (s: UploadStage) => void) => upload<UploadedDocument>(`${base(s)}/documents`, s.token, file, onStage, true),
  /** The session's uploads with their suggestions and the user's decisions, to show them again after a reload. */
  list: async (s: Session): Promise<UploadedDocument[]> => (await apiJson<{ documents: UploadedDocument[] }>(`${base(s)}/documents`, { token: s.token })).documents,
  reject: (s: Session, documentId: string, field: string) =>
    apiJson<{ field: string; rejected: true }>(`${base(s)}/documents/${encodeURIComponent(documentId)}/reject`, { token: s.token, body: { field } }),
  accept: (s: Session, documentId: string, field: string, value: string | number) =>
    apiJson<{ field: string; value: string | number }>(`${base(s)}/documents/${encodeURIComponent(documentId)}/accept`, { token: s.token, body: { field, value } }),
  checklist: async (s: Session, category: Category): Promise<TrackedItem[]> =>
    (await apiJson<{ items: TrackedItem[] }>(`${base(s)}/checklist?category=${category}`, { token: s.token })).items,
  updateItem: (s: Session, category: Category, itemId: string, patch: { done?: boolean; note?: string; photoCount?: number }) =>
    apiJson<TrackedItem>(`${base(s)}/checklist/${encodeURIComponent(itemId)}?category=${category}`, { token: s.token, method: 'PUT', body: patch }),
  checkVideo: (s: Session, file: File) => upload<{ ok: boolean; checks: string[]; done: boolean }>(`${base(s)}/checklist/video`, s.token, file),
  report: (s: Session, category: Category, format: 'docx' | 'pdf') => downloadWithToken(`${base(s)}/report.${format}?category=${category}`, s.token, `${words.drafts.reportFileName}.${format}`),
};
