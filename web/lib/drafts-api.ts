import type { Category } from '../../server/schemas/profile';
import type { DraftResult } from '../../server/schemas/forms';
import { ApiError, apiJson, downloadWithToken } from './api';

/** One section of the chosen form as the drafts panel lists it. */
export interface SectionInfo {
  id: string;
  title: string;
  target?: string;
}

/** A section's saved state in the session: the text, and whether a person edited it. */
export interface SavedDraft {
  text: string;
  edited: boolean;
  result?: Partial<DraftResult>;
}

export interface ChecklistItem {
  id?: string;
  text: string;
  clause?: string;
  detail?: string;
}

function asArray(raw: unknown, ...keys: string[]): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (raw && typeof raw === 'object') {
    for (const k of keys) {
      const v = (raw as Record<string, unknown>)[k];
      if (Array.isArray(v)) return v;
    }
  }
  return [];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function normalizeSections(raw: unknown): SectionInfo[] {
  return asArray(raw, 'sections', 'items').flatMap((s): SectionInfo[] => {
    if (typeof s === 'string') return [{ id: s, title: s }];
    if (!s || typeof s !== 'object') return [];
    const o = s as Record<string, unknown>;
    const id = str(o.id) ?? str(o.section);
    if (!id) return [];
    const t = o.target as Record<string, unknown> | string | null | undefined;
    return [{ id, title: str(o.title) ?? str(o.label) ?? id, target: typeof t === 'string' ? t : str(t?.text) }];
  });
}

export function normalizeDrafts(raw: unknown): Record<string, SavedDraft> {
  const out: Record<string, SavedDraft> = {};
  const src = raw && typeof raw === 'object' && 'drafts' in (raw as object) ? (raw as { drafts: unknown }).drafts : raw;
  const put = (id: string, v: unknown) => {
    if (typeof v === 'string') out[id] = { text: v, edited: true };
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const text = str(o.text);
      if (text !== undefined) out[id] = { text, edited: o.edited === true || o.source === 'user', result: o as Partial<DraftResult> };
    }
  };
  if (Array.isArray(src)) for (const d of src) put(str((d as Record<string, unknown>)?.section) ?? str((d as Record<string, unknown>)?.id) ?? '', d);
  else if (src && typeof src === 'object') for (const [k, v] of Object.entries(src)) put(k, v);
  delete out[''];
  return out;
}

export function normalizeChecklist(raw: unknown): ChecklistItem[] {
  return asArray(raw, 'items', 'checklist').flatMap((i): ChecklistItem[] => {
    if (typeof i === 'string') return [{ text: i }];
    if (!i || typeof i !== 'object') return [];
    const o = i as Record<string, unknown>;
    const text = str(o.label) ?? str(o.text) ?? str(o.title) ?? str(o.name);
    if (!text) return [];
    return [{ id: str(o.id), text, clause: str(o.clause), detail: str(o.detail) ?? str(o.note) ?? str(o.hint) ?? str(o.where) }];
  });
}

export interface Session {
  sessionId: string;
  token: string;
}

const base = (s: Session) => `/api/sessions/${encodeURIComponent(s.sessionId)}`;

export const draftsApi = {
  async sections(category: Category): Promise<SectionInfo[]> {
    return normalizeSections(await apiJson(`/api/forms/${category}`));
  },
  async checklist(category: Category): Promise<ChecklistItem[]> {
    return normalizeChecklist(await apiJson(`/api/forms/${category}/checklist`));
  },
  async saved(s: Session): Promise<Record<string, SavedDraft>> {
    try {
      return normalizeDrafts(await apiJson(`${base(s)}/drafts`, { token: s.token }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return {};
      throw err;
    }
  },
  /** Drafts one section from the session's facts on the server. */
  async generate(s: Session, category: Category, section: string, overwrite: boolean): Promise<SavedDraft> {
    const raw = await apiJson<Record<string, unknown>>(`${base(s)}/drafts/${encodeURIComponent(section)}/generate`, {
      token: s.token,
      body: { overwrite, category },
    });
    const d = normalizeDrafts({ [section]: (raw.draft as unknown) ?? raw })[section];
    if (!d) throw new ApiError(500, '起草结果格式不正确');
    return { ...d, edited: false };
  },
  async save(s: Session, category: Category, section: string, text: string): Promise<void> {
    await apiJson(`${base(s)}/drafts/${encodeURIComponent(section)}`, { token: s.token, method: 'PUT', body: { text, category } });
  },
  async exportDocx(s: Session, category: Category): Promise<void> {
    await downloadWithToken(`${base(s)}/export.docx?category=${category}`, s.token, `申报书-${category}.docx`);
  },
};
