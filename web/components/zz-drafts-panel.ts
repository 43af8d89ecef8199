import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Category } from '../../server/schemas/profile';
import { controls } from './shared-styles';
import { CATEGORY_LABEL } from '../lib/format';
import { EditedDraftError, documentsApi, draftsApi, type ChecklistItem, type DraftSection, type ExportFormats, type Session, type Suggestion, type TrackedItem, type UploadedDocument, type UploadStage } from '../lib/drafts-api';
import type { AnswerValue } from '../../server/schemas/interview';
import { emit, type DocumentAnswer } from '../lib/events';
import type { ApiError } from '../lib/api';
import './zz-citation-chip';
import { forgetUpload, loadUpload, noteUpload, type UploadMarker } from '../lib/upload-marker';
import { suggestionsSaid } from '../lib/upload-outcome';
import { fill, fillParts, words } from '../lib/messages';

const D = words.draftsPanel;

/**
 * How long a page reloaded during an upload waits for the server to finish reading it: the longest reading (a model
 * called with retries on a large PDF) is well inside this.
 */
const RESUME_WAIT_MS = 4 * 60_000;
const RESUME_POLL_MS = 3_000;

/** This tab's storage: an upload in progress is remembered across a reload of the tab, not beyond it. */
function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The numbers of an upload's stages as the panel shows them. */
const NUMBERED = ['①', '②', '③', '④', '⑤', '⑥', '⑦'];

/** The four files the panel downloads; one at a time, since each first saves the open edits. */
type Download = 'docx' | 'pdf' | 'reportDocx' | 'reportPdf';

/**
 * What the status line says while a file is made and once it is on its way. A PDF goes through a
 * document converter on the server and takes far longer than a DOCX: the user is told to wait.
 */
const DOWNLOAD_TEXT: Record<Download, { pending: string; done: string; failed: string }> = D.download;

/** A suggestion's state once the user has decided on it. */
const ACCEPTED = D.accepted;
const REJECTED = D.rejected;

/**
 * The application form for the recommended category: draft each section from the session's facts,
 * edit and save it, regenerate (asking first if a person edited it) and download the DOCX.
 */
@customElement('zz-drafts-panel')
export class ZzDraftsPanel extends LitElement {
  static styles = [
    controls,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      h3 {
        font-size: var(--zz-font-size);
        margin: var(--zz-space-4) 0 var(--zz-space-2);
      }
      .sec {
        border: 1px solid var(--zz-color-border);
        border-radius: var(--zz-radius);
        background: var(--zz-color-surface);
        padding: var(--zz-space-2) var(--zz-space-3);
        margin-bottom: var(--zz-space-2);
      }
      .sec-head {
        display: flex;
        align-items: center;
        gap: var(--zz-space-2);
        flex-wrap: wrap;
      }
      .sec-title {
        flex: 1 1 140px;
        font-weight: 600;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .ineligible {
        border: 1px solid var(--zz-color-unmet);
        border-radius: var(--zz-radius);
        padding: var(--zz-space-2) var(--zz-space-3);
        color: var(--zz-color-unmet);
        font-weight: 600;
      }
      .meta {
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-muted);
      }
      textarea {
        width: 100%;
        min-height: 180px;
        margin-top: var(--zz-space-2);
        resize: vertical;
        line-height: 1.6;
      }
      .row {
        display: flex;
        gap: var(--zz-space-2);
        flex-wrap: wrap;
        margin-top: var(--zz-space-2);
        align-items: center;
      }
      .missing {
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-partial);
        margin: var(--zz-space-1) 0 0;
      }
      .error {
        color: var(--zz-color-unmet);
        font-size: var(--zz-font-size-sm);
      }
      ol.prov {
        padding-left: 1.4em;
        margin: var(--zz-space-1) 0;
        font-size: var(--zz-font-size-sm);
      }
      ol.prov li {
        margin: var(--zz-space-1) 0;
        overflow-wrap: anywhere;
      }
      ol.prov .meta {
        display: block;
      }
      /* Suggestions and checklist items: one block per item, its parts stacked, so a phone never
         runs a label, a box, two buttons and a source into one ragged line. */
      ul.items {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ul.items > li {
        display: flex;
        flex-direction: column;
        align-items: stretch;
        gap: var(--zz-space-1);
        padding: var(--zz-space-2) 0;
        border-top: 1px solid var(--zz-color-border);
        overflow-wrap: anywhere;
        min-width: 0;
      }
      ul.items > li:last-child {
        border-bottom: 1px solid var(--zz-color-border);
      }
      ul.items input[type='text'],
      ul.items input[type='number'] {
        width: 100%;
        max-width: 24em;
      }
      /* Decided: the value stays readable but no longer looks like a box to type in. */
      input.sug:disabled {
        background: transparent;
        border-style: dashed;
        color: var(--zz-color-text);
      }
      .reading {
        font-weight: 600;
      }
      .sug-actions {
        display: flex;
        gap: var(--zz-space-2);
        flex-wrap: wrap;
      }
      /* A checklist item: the box in a 44 px column, everything else aligned in the column beside it. */
      ul.items > li.item {
        display: grid;
        grid-template-columns: var(--zz-tap) minmax(0, 1fr);
        column-gap: var(--zz-space-1);
      }
      li.item > * {
        grid-column: 2;
        min-width: 0;
      }
      li.item > .tick {
        grid-column: 1;
        grid-row: 1;
        display: flex;
        align-items: center;
        justify-content: center;
        height: var(--zz-tap);
        cursor: pointer;
      }
      .tick input {
        width: 22px;
        height: 22px;
        margin: 0;
        accent-color: var(--zz-color-primary);
      }
      .item-title {
        grid-row: 1;
        min-height: var(--zz-tap);
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0 var(--zz-space-2);
      }
      .item-title label {
        cursor: pointer;
      }
      .item .meta {
        line-height: 1.5;
      }
      /* The native file control prints the browser's own words in its own style; the page shows a button. */
      .file-pick {
        position: relative;
        align-self: flex-start;
        justify-self: start;
      }
      .file-pick:focus-within {
        outline: 3px solid var(--zz-color-focus);
        outline-offset: 2px;
      }
    `,
  ];

  /** The session whose facts are drafted (id and token). */
  @property({ attribute: false }) session: Session | null = null;
  /** The recommended category; drafting follows its form. */
  @property({ attribute: false }) category: Category | null = null;
  /**
   * The session's answers as the chat last reported them. A new object means a fact changed (an answer, an
   * edit, a document's value adopted), and the drafts are fetched again: the panel shows what the export prints.
   */
  @property({ attribute: false }) answers: Readonly<Record<string, unknown>> | null = null;
  private _refetch: ReturnType<typeof setTimeout> | undefined;

  @state() private _sections: DraftSection[] = [];
  /** What the draft prints at its top when the notice rules the enterprise out. */
  @state() private _ineligible: string | null = null;
  @state() private _edits: Record<string, string> = {};
  @state() private _busy: Record<string, boolean> = {};
  @state() private _errors: Record<string, string> = {};
  @state() private _checklist: ChecklistItem[] = [];
  @state() private _loadError = '';
  /** The file being made, if any: its button says so and every download button waits for it. */
  @state() private _downloading: Download | null = null;
  @state() private _formats: ExportFormats | null = null;
  @state() private _docs: UploadedDocument[] = [];
  @state() private _uploadMsg = '';
  /**
   * The last upload that found suggestions, and what is said before their count (the file and the reload, or the
   * reader's notice): the line about them is drawn from their decisions as they are, not frozen when the upload ended.
   */
  @state() private _outcome: { documentId: string; lead: string } | null = null;
  @state() private _uploading = false;
  /** Where the upload in progress is: its bytes going up (a share of the file), then the server reading it. */
  @state() private _stage: UploadStage | null = null;
  /** The stages the server has said it reached for the upload in progress, in order. */
  @state() private _serverStages: string[] = [];
  /** Per "documentId/field": the value as the user edited it, and whether it was accepted. */
  @state() private _sugValues: Record<string, string> = {};
  @state() private _sugState: Record<string, string> = {};
  @state() private _tracked: TrackedItem[] | null = null;
  /** The names of the facts the sentences rest on, from the server's knowledge. */
  @state() private _factLabels: Record<string, string> = {};
  /** Sections whose sentence-by-sentence sources are open. */
  @state() private _sources: Record<string, boolean> = {};
  @state() private _status = '';
  /** The last export's warning of edited sections it printed that may be out of date. */
  @state() private _exportWarning = '';
  /** The ratios the file prints as the counts give them, where the enterprise wrote another figure. */
  @state() private _exportFigures: string[] = [];
  /** Saves in flight per section, so a blur and an export that follows it send one PUT, not two. */
  private _saving = new Map<string, Promise<void>>();
  /** The last `zz-drafts-dirty` state announced, so the event fires only when it changes. */
  private _announcedDirty = false;

  protected updated(): void {
    const dirty = this._dirtyIds().length > 0;
    if (dirty === this._announcedDirty) return;
    this._announcedDirty = dirty;
    this.dispatchEvent(new CustomEvent('zz-drafts-dirty', { detail: { dirty }, bubbles: true, composed: true }));
  }

  /** Sections whose text in the box differs from what the server holds. */
  private _dirtyIds(): string[] {
    return this._sections.filter((s) => this._edits[s.section] !== undefined && this._edits[s.section] !== s.text).map((s) => s.section);
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('category') || changed.has('session')) && this.category && this.session) void this._load();
    else if (changed.has('answers') && changed.get('answers') !== undefined && this.category && this.session) {
      // A burst of recorded answers (a turn records several) fetches the drafts once.
      clearTimeout(this._refetch);
      this._refetch = setTimeout(() => void this._load(), 300);
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._refetch);
    clearTimeout(this._resumeTimer);
  }

  /** Reloads the drafts; the server drafts every section from the session's current facts. */
  private async _load(): Promise<void> {
    const category = this.category!;
    const session = this.session!;
    this._loadError = '';
    try {
      const [{ ineligible, sections, factLabels }, checklist, formats] = await Promise.all([
        draftsApi.list(session, category),
        draftsApi.checklist(category).catch(() => [] as ChecklistItem[]),
        draftsApi.formats().catch(() => null),
      ]);
      this._sections = sections;
      this._ineligible = ineligible;
      this._factLabels = factLabels;
      this._checklist = checklist;
      this._formats = formats;
      // The tracked checklist needs the session; without it the plain list above still shows.
      this._tracked = await documentsApi.checklist(session, category).catch(() => null);
      await this._loadDocuments(session);
    } catch (err) {
      this._loadError = fill(D.loadFailed, { message: (err as Error).message });
    }
  }

  /**
   * The uploads the server keeps for the session, with the decisions already made on them: a reload shows the
   * same suggestions, accepted values and declined ones as before, instead of losing them with the page.
   */
  private async _loadDocuments(session: Session): Promise<void> {
    const docs = await documentsApi.list(session).catch(() => null);
    if (!docs || session !== this.session) return;
    const values: Record<string, string> = {};
    const states: Record<string, string> = {};
    for (const d of docs) {
      for (const [field, value] of Object.entries(d.accepted ?? {})) {
        values[`${d.documentId}/${field}`] = String(value);
        states[`${d.documentId}/${field}`] = ACCEPTED;
      }
      for (const field of d.rejected ?? []) states[`${d.documentId}/${field}`] ??= REJECTED;
    }
    this._docs = docs;
    this._resumeUpload(session, docs);
    // What this page decided but the server has not confirmed yet (an accept waits for the chat) stays as shown.
    this._sugValues = { ...values, ...this._sugValues };
    this._sugState = { ...states, ...this._sugState };
  }

  /**
   * What the field holds now beside what accepting the suggestion puts there, so the user sees what 采纳 changes:
   * 「现填：1200 → 采纳后：1500」, 「现填：未填」, or that the two agree.
   */
  private _currentOf(questionId: string, suggested: string) {
    const v = this.answers?.[questionId];
    const now = v === undefined ? D.current.empty : v === null ? D.current.skipped : v === true ? words.format.answer.yes : v === false ? words.format.answer.no : Array.isArray(v) ? v.join(D.current.sep) : String(v);
    if (now === suggested) return html`<span class="meta current" data-current="same">${fill(D.current.same, { now })}</span>`;
    return html`<span class="meta current" data-current=${v === undefined || v === null ? 'empty' : 'differs'}>${fill(D.current.differs, { now, suggested })}</span>`;
  }

  /** 不采纳 is kept on the server; if it cannot be, the suggestion is offered again with the reason. */
  private async _reject(doc: UploadedDocument, sg: Suggestion): Promise<void> {
    const key = `${doc.documentId}/${sg.field}`;
    this._sugState = { ...this._sugState, [key]: REJECTED };
    try {
      await documentsApi.reject(this.session!, doc.documentId, sg.field);
    } catch (err) {
      const { [key]: _drop, ...rest } = this._sugState;
      this._sugState = rest;
      this._uploadMsg = (err as Error).message;
    }
  }

  private _replace(id: string, patch: Partial<DraftSection>): void {
    this._sections = this._sections.map((s) => (s.section === id ? { ...s, ...patch } : s));
  }

  private _dropEdit(id: string): void {
    const { [id]: _drop, ...rest } = this._edits;
    this._edits = rest;
  }

  private async _regenerate(s: DraftSection): Promise<void> {
    const id = s.section;
    const dirty = this._edits[id] !== undefined && this._edits[id] !== s.text;
    const ask = D.confirmRegenerate;
    if (dirty && !confirm(ask)) return;
    await this._run(id, async () => {
      let overwrite = dirty || s.edited;
      if (s.edited && !dirty && !confirm(ask)) return;
      let result;
      try {
        result = await draftsApi.regenerate(this.session!, this.category!, id, overwrite);
      } catch (err) {
        // The server also guards edits: an edit saved from another device must not vanish silently.
        if (!(err instanceof EditedDraftError) || !confirm(ask)) throw err;
        overwrite = true;
        result = await draftsApi.regenerate(this.session!, this.category!, id, overwrite);
      }
      this._replace(id, { text: result.text, edited: false, savedAt: null, generated: result });
      this._dropEdit(id);
      this._status = fill(D.regenerated, { title: s.title });
    });
  }

  private _save(s: DraftSection): Promise<void> {
    const id = s.section;
    const inFlight = this._saving.get(id);
    if (inFlight) return inFlight.then(() => (this._dirtyIds().includes(id) ? this._save(s) : undefined));
    const text = this._edits[id];
    const current = this._sections.find((x) => x.section === id);
    if (text === undefined || text === current?.text) return Promise.resolve();
    const done = this._run(id, async () => {
      const r = await draftsApi.save(this.session!, this.category!, id, text);
      this._replace(id, { text, edited: true, savedAt: r.savedAt });
      // Typing that went on while the save was in flight stays as an unsaved edit.
      if (this._edits[id] === text) this._dropEdit(id);
      this._status = fill(D.saved, { title: s.title });
    }).finally(() => this._saving.delete(id));
    this._saving.set(id, done);
    return done;
  }

  /**
   * Saves every unsaved edit before a download, so the file holds what the user sees. When a save
   * fails the user decides: the download would leave that edit out.
   */
  private async _saveBeforeDownload(): Promise<boolean> {
    await Promise.all(this._sections.filter((s) => this._dirtyIds().includes(s.section)).map((s) => this._save(s)));
    const unsaved = this._sections.filter((s) => this._dirtyIds().includes(s.section));
    if (!unsaved.length) return true;
    const names = unsaved.map((s) => s.title).join(words.common.listSep);
    if (confirm(fill(D.confirmUnsavedDownload, { names }))) return true;
    this._status = fill(D.notDownloaded, { names });
    return false;
  }

  private async _run(id: string, fn: () => Promise<void>): Promise<void> {
    this._busy = { ...this._busy, [id]: true };
    this._errors = { ...this._errors, [id]: '' };
    try {
      await fn();
    } catch (err) {
      this._errors = { ...this._errors, [id]: (err as Error).message };
    } finally {
      this._busy = { ...this._busy, [id]: false };
    }
  }

  private async _download(kind: Download): Promise<void> {
    if (this._downloading) return;
    const text = DOWNLOAD_TEXT[kind];
    this._downloading = kind;
    this._status = '';
    try {
      if (!(await this._saveBeforeDownload())) return;
      this._status = text.pending;
      const session = this.session!;
      const category = this.category!;
      this._exportWarning = '';
      this._exportFigures = [];
      // The file prints edited sections as edited: those behind the facts given since are named here, not in the file.
      const stale = kind === 'pdf' ? await draftsApi.exportPdf(session, category) : kind === 'docx' ? await draftsApi.exportDocx(session, category) : null;
      if (kind === 'reportPdf' || kind === 'reportDocx') await documentsApi.report(session, category, kind === 'reportPdf' ? 'pdf' : 'docx');
      this._exportWarning = stale?.warning ?? '';
      this._exportFigures = stale?.figures ?? [];
      this._status = text.done;
    } catch (err) {
      this._status = `${text.failed}：${(err as Error).message}`;
    } finally {
      this._downloading = null;
    }
  }

  /** A download button: disabled while any file is being made, and naming the wait on the one that is. */
  private _downloadButton(kind: Download, label: string, primary = false) {
    return html`<button class="btn ${primary ? 'primary' : ''}" type="button" data-download=${kind} ?disabled=${!!this._downloading} aria-busy=${this._downloading === kind ? 'true' : 'false'} @click=${() => this._download(kind)}>
      ${this._downloading === kind ? D.making : label}
    </button>`;
  }

  private _section(s: DraftSection) {
    const id = s.section;
    const value = this._edits[id] ?? s.text;
    const busy = !!this._busy[id];
    const g = s.generated;
    const missing = s.edited ? [] : (g?.missingFacts ?? []);
    const dirty = this._edits[id] !== undefined && this._edits[id] !== s.text;
    const target = g?.target;
    const sources = !s.edited && !!g?.sentences?.length && !dirty;
    return html`<div class="sec" data-section=${id}>
      <div class="sec-head">
        <span class="sec-title">${s.title}</span>
        <span class="meta">${fill(D.sectionMeta, { how: s.edited ? D.edited : D.drafted, n: countLike(value) })}${target ? fill(D.target, { target: target.text }) : ''}</span>
      </div>
      <label class="visually-hidden" for=${`t-${id}`}>${s.title}</label>
      <textarea
        id=${`t-${id}`}
        .value=${value}
        @input=${(e: Event) => (this._edits = { ...this._edits, [id]: (e.target as HTMLTextAreaElement).value })}
        @blur=${() => void this._save(s)}
      ></textarea>
      ${missing.length ? html`<p class="missing">${fill(D.missing, { facts: missing.join(words.common.listSep) })}</p>` : nothing}
      ${!s.edited && g?.addFacts?.length ? html`<p class="missing">${fill(D.addFacts, { facts: g.addFacts.join(words.common.listSep) })}</p>` : nothing}
      ${!s.edited && g?.notice ? html`<p class="missing" role="status">${g.notice}</p>` : nothing}
      ${s.edited && s.stale
        ? html`<div class="missing" role="status" data-testid="stale-edit">
            <p>${s.stale.notice}</p>
            ${g?.text ? html`<details><summary>${D.freshText}</summary><p class="fresh">${g.text}</p></details>` : nothing}
          </div>`
        : nothing}
      <div class="row">
        ${dirty ? html`<button class="btn primary" type="button" ?disabled=${busy} @click=${() => this._save(s)}>${D.save}</button>` : nothing}
        <button class="btn" type="button" ?disabled=${busy} @click=${() => this._regenerate(s)}>${busy ? D.busy : D.regenerate}</button>
        ${sources
          ? html`<button class="btn" type="button" aria-expanded=${this._sources[id] ? 'true' : 'false'} @click=${() => (this._sources = { ...this._sources, [id]: !this._sources[id] })}>
              ${this._sources[id] ? D.hideSources : D.showSources}
            </button>`
          : nothing}
      </div>
      ${sources && this._sources[id] ? this._provenance(g?.sentences ?? []) : nothing}
      ${this._errors[id] ? html`<p class="error" role="alert">${this._errors[id]}</p>` : nothing}
    </div>`;
  }

  /** Set while a reloaded page waits for an upload the server may still be reading. */
  private _resumeTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * After a reload during an upload, says what became of it: the document it made, when the server finished reading
   * it (its suggestions are listed as any upload's); a wait, re-reading the list, while the server may still be reading
   * it; or a request to upload the file again when its bytes never all arrived or no document came in time. What was
   * read and accepted before stays either way.
   */
  private _resumeUpload(session: Session, docs: UploadedDocument[]): void {
    const storage = tabStorage();
    const m = this._uploading ? undefined : loadUpload(storage, session.sessionId);
    if (!m) return;
    const made = docs.find((d) => !m.known.includes(d.documentId) && d.file === m.file);
    const done = (text: string) => {
      forgetUpload(storage, session.sessionId);
      clearTimeout(this._resumeTimer);
      this._resumeTimer = undefined;
      this._uploadMsg = text;
    };
    if (made && made.suggestions.length) {
      done('');
      this._outcome = { documentId: made.documentId, lead: fill(D.resume.readLead, { file: m.file }) };
      return;
    }
    if (made) return done(fill(D.resume.readNothing, { file: m.file }));
    if (!m.sent) return done(fill(D.resume.notSent, { file: m.file }));
    if (Date.now() - m.at > RESUME_WAIT_MS) return done(fill(D.resume.gaveUp, { file: m.file }));
    this._uploadMsg = fill(D.resume.waiting, { file: m.file });
    clearTimeout(this._resumeTimer);
    this._resumeTimer = setTimeout(() => {
      if (session === this.session && this.isConnected) void this._loadDocuments(session);
    }, RESUME_POLL_MS);
  }

  private async _upload(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this._uploading = true;
    this._uploadMsg = '';
    this._outcome = null;
    this._stage = { stage: 'upload', loaded: 0, total: file.size };
    this._serverStages = [];
    const session = this.session!;
    const marker: UploadMarker = { file: file.name, at: Date.now(), sent: false, known: this._docs.map((d) => d.documentId) };
    noteUpload(tabStorage(), session.sessionId, marker);
    try {
      const doc = await documentsApi.upload(session, file, (s) => {
        if (s.stage === 'server') this._serverStages = [...this._serverStages, s.label];
        if (s.stage === 'sent' && !marker.sent) noteUpload(tabStorage(), session.sessionId, { ...marker, sent: (marker.sent = true) });
        this._stage = s;
      });
      this._docs = [...this._docs, doc];
      if (doc.suggestions.length) this._outcome = { documentId: doc.documentId, lead: doc.notice ?? '' };
      else this._uploadMsg = doc.notice ?? D.readNothing;
    } catch (err) {
      // The server's refusal says what to do with the file; a failure of its own or of the line says to try again.
      // Either way nothing is lost, and the user is told so rather than left to wonder.
      const e = err as ApiError;
      const what = (e.status ?? 0) >= 500 ? fill(D.serverFailed, { status: e.status }) : e.message;
      this._uploadMsg = fill(D.uploadFailed, { file: file.name, what });
    } finally {
      forgetUpload(tabStorage(), session.sessionId);
      this._uploading = false;
      this._stage = null;
      input.value = '';
    }
  }

  /**
   * A form fact read from a document, as shown or edited, is recorded over the chat as an interview answer from a
   * document is: the rules check it, the chat says it, and the question card moves on from a field it fills.
   */
  private _formAnswer(doc: UploadedDocument, sg: Suggestion): DocumentAnswer {
    const typed = this._sugValues[`${doc.documentId}/${sg.field}`];
    // A round figure is offered in the document's words (「520余人」): accepted unedited, the chat reads it as round.
    const shown = sg.approximate && sg.raw ? sg.raw : sg.value;
    const value = typed === undefined ? shown : typeof shown === 'number' && typed.trim() !== '' && Number.isFinite(Number(typed)) ? Number(typed) : typed;
    return { documentId: doc.documentId, questionId: `form.${sg.field}`, value, reading: String(value), label: sg.label ?? sg.field };
  }

  /**
   * An interview answer read from a document: the app records it over the chat, where the rules check it and
   * the conversation says what it changes; the drafts follow from the new answers.
   */
  private _interviewAnswer(doc: UploadedDocument, sg: Suggestion): DocumentAnswer {
    return { documentId: doc.documentId, questionId: sg.field, value: sg.answer as AnswerValue, reading: String(sg.value), label: sg.label ?? sg.field };
  }

  private _answerOf(doc: UploadedDocument, sg: Suggestion): DocumentAnswer {
    return sg.answer !== undefined ? this._interviewAnswer(doc, sg) : this._formAnswer(doc, sg);
  }

  /**
   * Suggestions shown accepted at once, and offered again with the chat's reason when it refuses them: a value the
   * rules do not take is not stored, and the page must not say 已采纳 of it.
   */
  private _pendingAccept(doc: UploadedDocument, fields: string[]): (refusal: string | null) => void {
    const keys = fields.map((f) => `${doc.documentId}/${f}`);
    this._sugState = { ...this._sugState, ...Object.fromEntries(keys.map((k) => [k, ACCEPTED])) };
    return (refusal) => {
      if (refusal === null) return;
      this._sugState = Object.fromEntries(Object.entries(this._sugState).filter(([k]) => !keys.includes(k)));
      this._uploadMsg = refusal;
    };
  }

  /** One suggestion accepted: recorded over the chat as an edit. */
  private _accept(doc: UploadedDocument, sg: Suggestion): void {
    const settled = this._pendingAccept(doc, [sg.field]);
    emit(this, 'zz-document-answer', { ...this._answerOf(doc, sg), settled });
  }

  /** Every suggestion of a document not yet decided, as shown or edited, accepted as one message. */
  private _acceptAll(doc: UploadedDocument, open: Suggestion[]): void {
    const settled = this._pendingAccept(doc, open.map((sg) => sg.field));
    emit(this, 'zz-document-answers', { items: open.map((sg) => this._answerOf(doc, sg)), settled });
  }

  /** The suggestions of a document the user has neither accepted nor declined. */
  private _undecided(doc: UploadedDocument): Suggestion[] {
    return doc.suggestions.filter((sg) => {
      const state = this._sugState[`${doc.documentId}/${sg.field}`];
      return state !== ACCEPTED && state !== REJECTED;
    });
  }

  private async _updateItem(id: string, patch: { done?: boolean; note?: string; photoCount?: number }): Promise<void> {
    try {
      const r = await documentsApi.updateItem(this.session!, this.category!, id, patch);
      this._tracked = (this._tracked ?? []).map((i) => (i.id === id ? { ...i, done: r.done, note: r.note ?? '', checks: r.checks } : i));
    } catch (err) {
      this._status = (err as Error).message;
    }
  }

  private async _video(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const r = await documentsApi.checkVideo(this.session!, file);
      this._tracked = (this._tracked ?? []).map((i) => (i.id === 'video' ? { ...i, done: r.done, checks: r.checks } : i));
    } catch (err) {
      this._status = (err as Error).message;
    } finally {
      input.value = '';
    }
  }

  private _documents() {
    return html`<h3>${D.uploadHeading}</h3>
      <p class="meta">${D.uploadHint}</p>
      <label class="btn file-pick"
        ><input id="doc-file" class="visually-hidden" type="file" accept=".pdf,.docx,.xlsx" ?disabled=${this._uploading} @change=${this._upload} />${this._uploading
          ? D.reading
          : D.pickFile}</label
      >
      ${this._progress}
      ${this._outcomeLine}
      ${this._uploadMsg ? html`<p class="meta" role="status">${this._uploadMsg}</p>` : nothing}
      ${this._docs.map(
        (d) => html`${d.notice && !this._uploadMsg.includes(d.notice) && !(this._outcome?.documentId === d.documentId && this._outcome.lead.includes(d.notice)) ? html`<p class="meta" data-notice=${d.documentId}>${d.notice}</p>` : nothing}${this._acceptAllButton(d)}<ul class="items">
          ${d.suggestions.map((sg) => {
            const key = `${d.documentId}/${sg.field}`;
            const id = `sug-${d.documentId}-${sg.field}`.replace(/[^\w-]/g, '_');
            const label = sg.label ?? sg.field;
            const decided = this._sugState[key] === ACCEPTED || this._sugState[key] === REJECTED;
            // An interview question's reading (「否」 to 独立法人资格) is taken or left as the document reads: no free text.
            const reading = sg.answer !== undefined;
            return html`<li data-suggestion=${sg.field}>
              ${reading ? html`<strong>${label}</strong>` : html`<label for=${id}><strong>${label}</strong></label>`}
              ${reading
                ? html`<span class="reading">${String(sg.value)}</span>`
                : html`<input
                    id=${id}
                    class="sug"
                    type="text"
                    inputmode=${typeof sg.value === 'number' ? 'decimal' : nothing}
                    autocomplete="off"
                    ?disabled=${decided}
                    .value=${this._sugValues[key] ?? String(sg.approximate && sg.raw ? sg.raw : sg.value)}
                    @input=${(e: Event) => (this._sugValues = { ...this._sugValues, [key]: (e.target as HTMLInputElement).value })}
                  />`}
              ${decided
                ? nothing
                : html`<span class="sug-actions">
                    <button class="btn" type="button" aria-label=${fill(D.acceptLabel, { label })} @click=${() => this._accept(d, sg)}>${D.accept}</button>
                    <button class="btn" type="button" aria-label=${fill(D.rejectLabel, { label })} @click=${() => void this._reject(d, sg)}>${D.reject}</button>
                  </span>`}
              ${decided ? nothing : this._currentOf(reading ? sg.field : `form.${sg.field}`, reading ? String(sg.value) : (this._sugValues[key] ?? String(sg.approximate && sg.raw ? sg.raw : sg.value)))}
              ${this._sugState[key] ? html`<span class="meta" role="status">${this._sugState[key]}</span>` : nothing}
              ${sg.note ? html`<span class="meta round-note">${sg.note}</span>` : nothing}
              <span class="meta">${fill(D.source, { file: sg.source.file, page: sg.source.page ? fill(D.sourcePage, { page: sg.source.page }) : '', snippet: sg.source.snippet })}</span>
            </li>`;
          })}
        </ul>`,
      )}`;
  }

  /** The last upload's suggestions: how many were found and, as they stand now, how many are accepted, declined or still open. */
  private get _outcomeLine() {
    const o = this._outcome;
    const doc = o && this._docs.find((d) => d.documentId === o.documentId);
    if (!o || !doc) return nothing;
    const states = doc.suggestions.map((sg) => this._sugState[`${doc.documentId}/${sg.field}`]);
    const accepted = states.filter((x) => x === ACCEPTED).length;
    const rejected = states.filter((x) => x === REJECTED).length;
    return html`<p class="meta" role="status" data-outcome=${doc.documentId}>${o.lead}${suggestionsSaid(doc.suggestions.length, accepted, rejected)}。</p>`;
  }

  /** 全部采纳 for a document with two or more suggestions still open: one message to the chat for all of them. */
  private _acceptAllButton(d: UploadedDocument) {
    const open = this._undecided(d);
    if (open.length < 2) return nothing;
    return html`<div class="row"><button class="btn" type="button" data-accept-all=${d.documentId} @click=${() => this._acceptAll(d, open)}>${fill(D.acceptAll, { n: open.length })}</button></div>`;
  }

  /**
   * The upload's stage: 上传 with how much of the file has gone, then each stage the server says it has reached, in
   * its words, numbered on from 上传 as they come (a DOCX is laid out to find its pages; a PDF is not).
   */
  private get _progress() {
    const s = this._stage;
    if (!s) return nothing;
    if (s.stage === 'sent') return html`<p class="meta upload-stage" role="status">${D.stage.sent}</p>`;
    if (s.stage === 'server') {
      // The stages passed are ticked; the last one named is where the server is now.
      const passed = this._serverStages.slice(0, -1).map((x, k) => `${NUMBERED[k + 1] ?? ''} ${x} ✓`);
      const now = `${NUMBERED[this._serverStages.length] ?? ''} ${s.label}…`;
      return html`<p class="meta upload-stage" role="status">${fill(D.stage.server, { stages: [D.stage.uploaded, ...passed, now].join(' → ') })}</p>`;
    }
    const pct = s.total > 0 ? Math.min(100, Math.round((s.loaded / s.total) * 100)) : 0;
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return html`<p class="meta upload-stage" role="status">
      ${fill(D.stage.uploading, { pct, loaded: mb(s.loaded), total: mb(s.total) })} <progress max="100" .value=${pct} aria-label=${D.stage.progressLabel}></progress>
    </p>`;
  }

  /** What an item asks for, from the notice, and where it goes. */
  private _itemDetail(i: ChecklistItem) {
    return i.detail || i.where ? html`<span class="meta">${i.detail ?? ''}${i.where ? `（${i.where}）` : ''}</span>` : nothing;
  }

  private _trackedList(items: TrackedItem[]) {
    return html`<ul class="items">
      ${items.map((i) => {
        const id = `ck-${i.id}`.replace(/[^\w-]/g, '_');
        return html`<li class="item" data-item=${i.id}>
          <label class="tick" for=${id}
            ><input id=${id} type="checkbox" .checked=${i.done} @change=${(e: Event) => this._updateItem(i.id, { done: (e.target as HTMLInputElement).checked })}
          /></label>
          <span class="item-title"
            ><label for=${id}><strong>${i.title}</strong></label>${i.clause ? html`<zz-citation-chip .clause=${i.clause}></zz-citation-chip>` : nothing}</span
          >
          ${this._itemDetail(i)}
          <input type="text" aria-label=${fill(D.noteLabel, { title: i.title })} placeholder=${D.note} .value=${i.note} @change=${(e: Event) => this._updateItem(i.id, { note: (e.target as HTMLInputElement).value })} />
          ${i.id === 'photos'
            ? html`<input type="number" inputmode="numeric" min="0" aria-label=${D.photoCountLabel} placeholder=${D.photoCount} @change=${(e: Event) => this._updateItem(i.id, { photoCount: Number((e.target as HTMLInputElement).value) })} />`
            : nothing}
          ${i.id === 'video'
            ? html`<label class="btn file-pick"
                ><input class="visually-hidden" type="file" accept="video/mp4,.mp4" aria-label=${D.videoLabel} @change=${this._video} />${D.video}</label
              >`
            : nothing}
          ${i.checks.map((c) => html`<span class="meta">${c}</span>`)}
        </li>`;
      })}
    </ul>`;
  }

  /** Each sentence with the facts it rests on; the title shows them on hover, the list on tap. */
  private _provenance(sentences: { text: string; facts: string[] }[]) {
    const factLabel = (id: string) => labelFact(id, this._factLabels);
    return html`<ol class="prov">
      ${sentences.map(
        (x) => html`<li title=${x.facts.length ? fill(D.basis, { facts: x.facts.map(factLabel).join(D.current.sep) }) : D.noFactsTitle}>
          <span>${x.text}</span>
          <span class="meta">${x.facts.length ? fill(D.basis, { facts: x.facts.map(factLabel).join(D.current.sep) }) : D.noFacts}</span>
        </li>`,
      )}
    </ol>`;
  }

  render() {
    if (!this.category || !this.session) return html`<p class="meta">${D.notYet}</p>`;
    return html`
      <p>${fillParts(D.form, { category: html`<strong>${CATEGORY_LABEL[this.category]}</strong>` })}</p>
      ${this._ineligible ? html`<p class="ineligible" role="note">${this._ineligible}</p>` : nothing}
      <div class="row">
        ${this._downloadButton('docx', D.button.docx, true)}
        ${this._formats?.pdf ? this._downloadButton('pdf', D.button.pdf) : nothing}
      </div>
      ${this._formats && !this._formats.pdf && this._formats.pdfHowTo ? html`<p class="meta">${this._formats.pdfHowTo}</p>` : nothing}
      <div class="row">
        ${this._downloadButton('reportDocx', D.button.reportDocx)}
        ${this._formats?.pdf ? this._downloadButton('reportPdf', D.button.reportPdf) : nothing}
      </div>
      <p class="meta" role="status">${this._status}</p>
      ${this._exportWarning ? html`<p class="missing" role="alert" data-testid="export-stale">${this._exportWarning}</p>` : nothing}
      ${this._exportFigures.map((f) => html`<p class="missing" role="alert" data-testid="export-figures">${f}</p>`)}
      ${this._documents()}
      ${this._loadError ? html`<p class="error" role="alert">${this._loadError}</p>` : nothing}
      ${this._sections.length ? html`<h3>${D.sections}</h3>${this._sections.map((s) => this._section(s))}` : this._loadError ? nothing : html`<p class="meta">${D.drafting}</p>`}
      ${this._tracked?.length
        ? html`<h3>${D.checklist}</h3>${this._trackedList(this._tracked)}`
        : this._checklist.length
        ? html`<h3>${D.checklist}</h3>
            <ul class="items">
              ${this._checklist.map(
                (i) => html`<li>
                  <span class="item-title"><strong>${i.title}</strong>${i.clause ? html`<zz-citation-chip .clause=${i.clause}></zz-citation-chip>` : nothing}</span>
                  ${this._itemDetail(i)}
                </li>`,
              )}
            </ul>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-drafts-panel': ZzDraftsPanel;
  }
}

/**
 * A fact id in words a user reads, by the name the knowledge gives it (「capabilities.mes」 → 「评估问答：制造执行系统（MES）」);
 * an id the knowledge does not name is told by where it comes from (「form.workshops.0.descriptions.ws.infra」 → 「车间1的填报：…」).
 */
function labelFact(id: string, labels: Record<string, string>): string {
  const F = D.fact;
  const named = labels[id];
  if (named) {
    if (id.startsWith('computed:')) return fill(F.computed, { name: named });
    if (/^(capabilities|metrics|selfAssessment)\./.test(id)) return fill(F.interview, { name: named });
    const ws = /^form\.workshops\.(\d+)\./.exec(id);
    return ws ? fill(F.workshop, { n: Number(ws[1]) + 1, name: named }) : fill(F.form, { name: named });
  }
  if (id.startsWith('capabilities.')) return fill(F.interview, { name: id.slice(13) });
  if (id.startsWith('metrics.')) return fill(F.interview, { name: id.slice(8) });
  if (id.startsWith('computed:')) return fill(F.computed, { name: id.slice(9) });
  if (id.startsWith('document:')) return fill(F.document, { name: id.slice(9) });
  if (id.startsWith('edit:')) return F.edit;
  const ws = /^form\.workshops\.(\d+)\./.exec(id);
  if (ws) return fill(F.workshop, { n: Number(ws[1]) + 1, name: id.slice(ws[0].length) });
  return fill(F.form, { name: id.replace(/^form\./, '') });
}

/** Roughly Word's 字数 (the server's count is authoritative): CJK characters, plus runs of Latin letters or digits. */
function countLike(text: string): number {
  const cjk = text.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  const runs = text.match(/[A-Za-z0-9]+/g)?.length ?? 0;
  return cjk + runs;
}
