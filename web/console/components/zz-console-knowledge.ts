import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, ConsoleError, upload } from '../api';
import type { Report } from '../../../server/knowledge/ingest/report';
import type { DiffPart } from '../../../server/knowledge/ingest/clause-diff';
import type { ReviewGroup } from '../../../server/knowledge/schemas/review';
import { entryErrors, entryOf, fieldLabel, formOf, type EntryForm } from '../entry-form';
import { fill, fillParts, words } from '../../lib/messages';

const W = words.console.knowledge;

interface VersionRow {
  version: string;
  status: 'draft' | 'published';
  title: string;
  year: number | null;
  basedOn: string | null;
  pending: number | null;
  reviewed: number | null;
  served: boolean;
  isDefault: boolean;
}

interface Overview {
  default: { version: string; year: number; title: string };
  configured: string;
  versions: VersionRow[];
  /** The server's upload limit, checked here before a file is sent. */
  maxUploadBytes: number;
}

/** A file size as people say it: 512 KB, 3.4 MB. */
function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a chosen file cannot be uploaded, before it is sent; empty when it may be. */
export function uploadProblem(file: { name: string; size: number }, maxBytes: number): string {
  if (file.size === 0) return fill(W.emptyFile, { name: file.name });
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  if (maxBytes > 0 && file.size > maxBytes) return fill(W.tooLarge, { name: file.name, size: mb(file.size), max: mb(maxBytes) });
  return '';
}

/**
 * What is wrong with a new version's name, said before the upload: the server takes only lowercase letters, digits
 * and 「-」 (the version is a directory name), and its refusal names the query field it came in, which the operator
 * never typed. '' when the name is fine.
 */
export function versionNameProblem(name: string): string {
  if (!name) return W.noVersionName;
  return /^[a-z0-9-]{1,40}$/.test(name) ? '' : fill(W.badVersionName, { name });
}

interface Stage {
  id: string;
  label: string;
}

interface Job {
  id: string;
  version: string;
  file: string;
  state: 'running' | 'done' | 'failed';
  stage: string;
  stageIndex: number;
  stages: Stage[];
  message?: string;
}

interface ReviewEntry {
  id: string;
  group: ReviewGroup;
  label: string;
  clauses: string[];
  reason: string;
  reextracted: { field: string; from: unknown; to: unknown }[];
  status: 'pending' | 'accepted' | 'dropped';
  edited: boolean;
  current: unknown;
  related: Pick<Report, 'changed' | 'added' | 'removed'>;
  /** What keeps this item from passing the publish checks as it stands. */
  problems: string[];
}

/** One thing that keeps a draft from being published (server/knowledge/ingest/review.ts PublishProblem). */
export interface PublishProblem {
  item: string | null;
  file: string;
  pointer: string;
  label: string;
  message: string;
}

interface ReviewView {
  version: string;
  basedOn: string;
  status: 'draft' | 'published';
  groups: Record<ReviewGroup, string>;
  carried: number;
  items: ReviewEntry[];
  /** The publish checks run on the draft as it stands; null for a published version. */
  check: { pending: number; problems: PublishProblem[] } | null;
}

/** A message said beside the control it is about: a group's bulk mark, an item's buttons, or 发布. */
interface ActionNote {
  text: string;
  error: boolean;
}

/**
 * What the publish area says: ready only when nothing is pending and the publish checks find nothing, since
 * publishing would refuse otherwise.
 */
export function publishState(v: Pick<ReviewView, 'items' | 'check'>): { ready: boolean; pending: number; problems: PublishProblem[] } {
  const pending = v.items.filter((i) => i.status === 'pending').length;
  const problems = v.check?.problems ?? [];
  return { ready: pending === 0 && problems.length === 0 && v.check !== null, pending, problems };
}

const POLL_MS = 400;
const fmt = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** What each re-extracted field is, in the operator's words: the ingest names them by their keys in the JSON files. */
const FIELD_LABELS: Record<string, string> = W.fields;
export const extractedFieldLabel = (field: string): string => FIELD_LABELS[field] ?? (/^forms\.(\d+)\.name$/.test(field) ? fill(W.formName, { n: Number(field.split('.')[1]) + 1 }) : field);
const change = (f: { field: string; from: unknown; to: unknown }) => `${extractedFieldLabel(f.field)} ${fmt(f.from)} → ${fmt(f.to)}`;

/** A clause diff (by whole figures and words) with long unchanged runs shortened; text is rendered as text, never as markup. */
function diffView(parts: DiffPart[]) {
  return html`<p class="diff">${parts.map((p, i) => {
    if (p.op === '-') return html`<del>${p.text}</del>`;
    if (p.op === '+') return html`<ins>${p.text}</ins>`;
    const chars = [...p.text];
    if (chars.length <= 41) return p.text;
    const head = i === 0 ? '' : chars.slice(0, 20).join('');
    const tail = i === parts.length - 1 ? '' : chars.slice(-20).join('');
    return `${head}…${tail}`;
  })}</p>`;
}

/**
 * 知识库版本 (admin): upload next year's notice, follow the ingest stage by stage, read what
 * changed, review the carried-over items that rest on changed clauses, and publish. Every step
 * is a call to /api/staff/knowledge/*, which uses the same functions as `npm run knowledge:*`.
 */
@customElement('zz-console-knowledge')
export class ZzConsoleKnowledge extends LitElement {
  static styles = [
    controls,
    consoleStyles,
    css`
      /* The native file control prints the browser's own words (Choose file / No file chosen); the
         page shows a Chinese button around it instead, and the input stays focusable for the keyboard. */
      .file-pick {
        position: relative;
        align-self: flex-start;
      }
      .file-pick:focus-within {
        outline: 3px solid var(--zz-color-focus);
        outline-offset: 2px;
      }
      .file-chosen {
        overflow-wrap: anywhere;
      }
      :host {
        display: block;
      }
      ol.stages {
        list-style: none;
        padding: 0;
        margin: var(--zz-space-2) 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--zz-space-1) var(--zz-space-3);
        font-size: var(--zz-font-size-sm);
      }
      ol.stages li[data-state='done'] {
        color: var(--zz-color-met);
      }
      ol.stages li[data-state='current'] {
        font-weight: 600;
      }
      ol.stages li[data-state='todo'] {
        color: var(--zz-color-muted);
      }
      progress {
        width: 100%;
      }
      .diff {
        white-space: pre-wrap;
        line-height: 1.7;
        margin: var(--zz-space-1) 0;
      }
      del {
        background: var(--zz-color-unmet-soft);
        color: var(--zz-color-unmet);
      }
      ins {
        background: var(--zz-color-met-soft);
        color: var(--zz-color-met);
        text-decoration: none;
      }
      .item {
        border-top: 1px solid var(--zz-color-border);
        padding: var(--zz-space-3) 0;
      }
      .item[data-status='dropped'] > .row strong {
        text-decoration: line-through;
        color: var(--zz-color-muted);
      }
      .item textarea {
        font-family: ui-monospace, monospace;
        min-height: 160px;
      }
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0;
      }
      code {
        word-break: break-all;
      }
      .item:focus {
        outline: 3px solid var(--zz-color-focus);
        outline-offset: 2px;
      }
      .field {
        margin-bottom: var(--zz-space-3);
      }
      fieldset.field {
        border: 1px solid var(--zz-color-border);
        border-radius: var(--zz-radius);
        padding: var(--zz-space-2) var(--zz-space-3);
        min-width: 0;
      }
      .entry-form textarea {
        font-family: inherit;
        min-height: 6em;
      }
      .quote {
        display: grid;
        grid-template-columns: 9em 1fr auto;
        gap: var(--zz-space-2);
        margin-bottom: var(--zz-space-2);
      }
      .quote .field-error {
        grid-column: 1 / -1;
      }
      @media (max-width: 560px) {
        .quote {
          grid-template-columns: 1fr;
        }
      }
      .field-error {
        color: var(--zz-color-unmet);
        font-size: var(--zz-font-size-sm);
        margin-top: var(--zz-space-1);
      }
      [aria-invalid='true'] {
        border-color: var(--zz-color-unmet);
      }
      .problems ul,
      .problem-list {
        margin: var(--zz-space-1) 0;
        padding-left: 1.4em;
        overflow-wrap: anywhere;
      }
      .problem-list li {
        margin-bottom: var(--zz-space-1);
      }
      .publish .warn {
        max-height: 28em;
        overflow: auto;
      }
      h3 {
        font-size: var(--zz-font-size-md, 1rem);
        margin: var(--zz-space-4) 0 var(--zz-space-2);
      }
    `,
  ];

  @state() private _overview: Overview | null = null;
  @state() private _job: Job | null = null;
  @state() private _selected: string | null = null;
  @state() private _report: Report | null = null;
  @state() private _review: ReviewView | null = null;
  @state() private _editing: Record<string, string> = {};
  @state() private _busy = false;
  @state() private _error = '';
  /** Why the chosen file was not uploaded, shown under the upload form. */
  @state() private _uploadError = '';
  /** The file chosen for upload, named beside the button, since the native control's own text is hidden. */
  @state() private _chosen: { name: string; size: number } | null = null;
  @state() private _notice = '';
  @state() private _makeDefault = true;
  @state() private _notes: Record<string, ActionNote> = {};
  /** Answer entries open in the form, with the errors of the last check by field. */
  @state() private _forms: Record<string, { form: EntryForm; errors: Record<string, string> }> = {};
  /** The problems of the last refused publish, when the server listed them. */
  @state() private _refused: PublishProblem[] | null = null;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
  }

  private async _run(fn: () => Promise<void>) {
    this._busy = true;
    this._error = '';
    try {
      await fn();
    } catch (err) {
      this._error = (err as Error).message;
    } finally {
      this._busy = false;
    }
  }

  private async _load() {
    await this._run(async () => {
      this._overview = await call<Overview>('GET', '/api/staff/knowledge');
      const draft = this._overview.versions.filter((v) => v.status === 'draft').at(-1);
      if (!this._selected && draft) await this._open(draft.version);
    });
  }

  private async _open(version: string) {
    if (this._selected !== version) this._notes = {};
    this._refused = null;
    this._selected = version;
    this._editing = {};
    this._forms = {};
    const [diff, review] = await Promise.all([
      call<{ report: Report }>('GET', `/api/staff/knowledge/${encodeURIComponent(version)}/diff`),
      call<ReviewView>('GET', `/api/staff/knowledge/${encodeURIComponent(version)}/review`),
    ]);
    this._report = diff.report;
    this._review = review;
  }

  private _choose(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0];
    this._chosen = file ? { name: file.name, size: file.size } : null;
    // A file that cannot be uploaded is said at once, not after 上传.
    this._uploadError = file ? uploadProblem(file, this._overview?.maxUploadBytes ?? 0) : '';
  }

  private async _upload(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    const as = (form.elements.namedItem('as') as HTMLInputElement).value.trim();
    this._notice = '';
    this._error = '';
    // Said beside the form, where the operator is looking, not at the top of a long page.
    if (!file) return void (this._uploadError = W.noFile);
    const problem = uploadProblem(file, this._overview?.maxUploadBytes ?? 0);
    if (problem) return void (this._uploadError = problem);
    const badName = versionNameProblem(as);
    if (badName) return void (this._uploadError = badName);
    this._uploadError = '';
    this._busy = true;
    try {
      const r = await upload<{ jobId: string; stages: Stage[] }>(`/api/staff/knowledge/ingest?as=${encodeURIComponent(as)}&filename=${encodeURIComponent(file.name)}`, file);
      this._job = { id: r.jobId, version: as, file: file.name, state: 'running', stage: 'upload', stageIndex: 0, stages: r.stages };
      this._poll();
    } catch (err) {
      this._uploadError = (err as Error).message;
    } finally {
      this._busy = false;
    }
  }

  private _poll() {
    clearTimeout(this._timer);
    this._timer = setTimeout(async () => {
      if (!this._job) return;
      try {
        this._job = await call<Job>('GET', `/api/staff/knowledge/jobs/${this._job.id}`);
      } catch (err) {
        this._error = (err as Error).message;
        return;
      }
      if (this._job.state === 'running') return this._poll();
      if (this._job.state === 'done') {
        await this._load();
        await this._run(() => this._open(this._job!.version));
      }
    }, POLL_MS);
  }

  /** Says `text` beside the control `where` is about (group:<g>, item:<id>, publish), not at the top of the page. */
  private _note(where: string, text: string, error = false) {
    this._notes = { ...this._notes, [where]: { text, error } };
  }

  /** Runs a review step, saying its outcome or its refusal beside the control that started it. */
  private async _step(where: string, fn: () => Promise<string>) {
    this._busy = true;
    this._error = '';
    this._notice = '';
    try {
      const text = await fn();
      this._note(where, text);
    } catch (err) {
      this._note(where, (err as Error).message, true);
    } finally {
      this._busy = false;
    }
  }

  private async _reload(version: string) {
    await this._open(version);
    this._overview = await call<Overview>('GET', '/api/staff/knowledge');
  }

  /** What is left to do before publishing, in one sentence; 可以发布 only when the publish checks pass too. */
  private _left(): string {
    const v = this._review;
    if (!v) return '';
    const s = publishState(v);
    if (s.ready) return W.ready;
    const parts = [s.pending ? fill(W.leftPending, { n: s.pending }) : '', s.problems.length ? fill(W.leftProblems, { n: s.problems.length }) : ''].filter(Boolean);
    return fill(W.leftEnd, { parts: parts.join(W.leftSep) });
  }

  /** `ids`: item IDs, each a decision on that item, or a group name: a bulk mark, which holds the items that fail the publish checks. */
  private async _accept(ids: string[], where: string) {
    const version = this._selected!;
    await this._step(where, async () => {
      const r = await call<{ accepted: unknown[]; pending: number; held: { id: string; label: string; reasons: string[] }[] }>('POST', `/api/staff/knowledge/${encodeURIComponent(version)}/review`, { ids });
      await this._reload(version);
      const held = r.held.length
        ? fill(W.held, { n: r.held.length, labels: r.held.slice(0, 5).map((h) => h.label).join(words.common.listSep), etc: r.held.length > 5 ? W.heldEtc : '' })
        : '';
      return fill(W.accepted, { n: r.accepted.length, held, left: this._left() });
    });
  }

  /** Drops an item the new notice no longer supports, or keeps it again; it leaves its file only on publishing. */
  private async _drop(item: ReviewEntry, undo: boolean) {
    const version = this._selected!;
    await this._step(`item:${item.id}`, async () => {
      await call<{ pending: number }>('POST', `/api/staff/knowledge/${encodeURIComponent(version)}/review/drop`, { id: item.id, undo });
      await this._reload(version);
      return fill(undo ? W.restored : W.dropped, { label: item.label, left: this._left() });
    });
  }

  private async _saveEdit(item: ReviewEntry, value: unknown) {
    const version = this._selected!;
    await this._step(`item:${item.id}`, async () => {
      await call('PUT', `/api/staff/knowledge/${encodeURIComponent(version)}/review/item`, { id: item.id, value });
      const { [item.id]: _, ...rest } = this._editing;
      this._editing = rest;
      await this._open(version);
      const after = this._review?.items.find((i) => i.id === item.id);
      return after?.problems.length ? W.savedStillFailing : fill(W.savedEdit, { label: item.label });
    });
  }

  private async _publish() {
    const version = this._selected!;
    this._refused = null;
    await this._step('publish', async () => {
      try {
        const r = await call<{ version: string; clauses: number; default: string }>('POST', `/api/staff/knowledge/${encodeURIComponent(version)}/publish`, { makeDefault: this._makeDefault });
        this._overview = await call<Overview>('GET', '/api/staff/knowledge');
        await this._open(version);
        return (
          fill(W.published, { version: r.version, clauses: r.clauses }) +
          (r.default === r.version ? W.publishedDefault : fill(W.publishedNotDefault, { version: r.default }))
        );
      } catch (err) {
        const details = err instanceof ConsoleError ? (err.details as { problems?: PublishProblem[] } | undefined) : undefined;
        if (details?.problems?.length) this._refused = details.problems;
        throw err;
      }
    });
  }

  /** Brings an item into view and focus: the way from a problem listed beside 发布 to the item it names. */
  private _goTo(id: string) {
    const el = [...this.renderRoot.querySelectorAll<HTMLElement>('.item')].find((e) => e.dataset.id === id);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }

  private async _setDefault(version: string) {
    await this._run(async () => {
      await call('POST', '/api/staff/knowledge/default', { version });
      this._notice = fill(W.defaultSet, { version });
      this._overview = await call<Overview>('GET', '/api/staff/knowledge');
    });
  }

  private get _versions() {
    const o = this._overview;
    if (!o) return nothing;
    return html`<div class="card">
      <h2>${W.versionsHeading}</h2>
      <p>${fillParts(W.currentDefault, { version: html`<strong>${o.default.version}</strong>`, year: o.default.year, title: o.default.title })}</p>
      <div class="table-wrap">
        <table class="stack versions">
          <thead><tr><th>${W.columns.version}</th><th>${W.columns.status}</th><th>${W.columns.year}</th><th>${W.columns.basedOn}</th><th>${W.columns.review}</th><th></th></tr></thead>
          <tbody>
            ${o.versions.map(
              (v) => html`<tr data-version=${v.version}>
                <td data-label=${W.columns.version}>${v.version}${v.isDefault ? html` <span class="tag met">${W.defaultTag}</span>` : nothing}</td>
                <td data-label=${W.columns.status}>${v.status === 'draft' ? html`<span class="tag partial">${W.draftTag}</span>` : html`<span class="tag">${W.publishedTag}</span>`}</td>
                <td data-label=${W.columns.year}>${v.year ?? '—'}</td>
                <td data-label=${W.columns.basedOn}>${v.basedOn ?? '—'}</td>
                <td data-label=${W.columns.review}>${v.pending === null ? '—' : v.pending ? html`<span class="tag unmet">${fill(W.pendingTag, { n: v.pending })}</span>` : html`<span class="tag met">${fill(W.reviewedTag, { n: v.reviewed ?? '' })}</span>`}</td>
                <td class="actions">
                  <div class="row">
                    ${v.basedOn ? html`<button class="btn" ?disabled=${this._busy} @click=${() => this._run(() => this._open(v.version))}>${W.viewChanges}</button>` : nothing}
                    ${v.served && !v.isDefault ? html`<button class="btn" ?disabled=${this._busy} @click=${() => this._setDefault(v.version)}>${W.setDefault}</button>` : nothing}
                  </div>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="muted">${W.versionsNote}</p>
    </div>`;
  }

  private get _uploadForm() {
    const job = this._job;
    const o = this._overview;
    return html`<div class="card">
      <h2>${W.uploadHeading}</h2>
      <form class="upload" @submit=${this._upload}>
        <span id="file-label">${W.fileLabel}</span>
        <div class="row">
          <label class="btn file-pick" data-testid="file-pick"
            ><input id="file" name="file" class="visually-hidden" type="file" accept=".pdf,.docx,.txt" aria-labelledby="file-label file-chosen" @change=${this._choose} />${this._chosen ? W.chooseAgain : W.choose}</label
          >
          <span id="file-chosen" class="file-chosen muted" data-testid="file-chosen" aria-live="polite">${this._chosen ? fill(W.chosen, { name: this._chosen.name, size: sizeText(this._chosen.size) }) : W.notChosen}</span>
        </div>
        ${o ? html`<p class="muted">${fill(W.maxSize, { mb: Math.round(o.maxUploadBytes / 1024 / 1024) })}</p>` : nothing}
        <label for="as">${W.versionName}</label>
        <input id="as" name="as" type="text" placeholder="henan-2024" autocomplete="off" />
        <div class="row" style="margin-top: var(--zz-space-2)">
          <button class="btn primary" type="submit" ?disabled=${this._busy || job?.state === 'running'}>${W.uploadSubmit}</button>
        </div>
        ${this._uploadError ? html`<div class="error" role="alert">${this._uploadError}</div>` : nothing}
      </form>
      ${job
        ? html`<div class="job" data-state=${job.state} aria-live="polite">
            <progress max=${job.stages.length - 1} value=${job.stageIndex}></progress>
            <ol class="stages">
              ${job.stages.map((s, i) => html`<li data-state=${i < job.stageIndex || job.state === 'done' ? 'done' : i === job.stageIndex ? (job.state === 'failed' ? 'failed' : 'current') : 'todo'}>
                ${i < job.stageIndex || job.state === 'done' ? '✓' : i === job.stageIndex ? (job.state === 'failed' ? '✗' : '…') : '·'} ${s.label}
              </li>`)}
            </ol>
            ${job.state === 'failed' ? html`<div class="error" role="alert"><pre>${job.message}</pre></div>` : nothing}
            ${job.state === 'done' ? html`<p class="ok">${job.message}</p>` : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  private get _diff() {
    const r = this._report;
    if (!r) return nothing;
    const s = r.summary;
    return html`<div class="card diff-report">
      <h2>${fill(W.diffHeading, { from: r.from, to: r.to })}</h2>
      <p>${fill(W.diffSummary, { added: s.added, removed: s.removed, changed: s.changed, moved: s.moved ?? 0, numbers: s.numbers, needsReview: s.needsReview, accepted: s.accepted })}</p>
      ${r.added.length
        ? html`<h3>${W.added}</h3>
            ${r.added.map((c) => html`<div class="clause added"><strong>${c.id}</strong> ${c.title}<p class="diff"><ins>${c.text}</ins></p></div>`)}`
        : nothing}
      ${r.removed.length
        ? html`<h3>${W.removed}</h3>
            ${r.removed.map((c) => html`<div class="clause removed"><strong>${c.id}</strong> ${c.title}<p class="diff"><del>${c.text}</del></p></div>`)}`
        : nothing}
      ${r.moved?.length
        ? html`<h3>${W.moved}</h3>
            ${r.moved.map((m) => html`<div class="clause moved"><strong>${m.from} → ${m.to}</strong> ${m.title}</div>`)}`
        : nothing}
      ${r.changed.length
        ? html`<h3>${W.changed}</h3>
            ${r.changed.map(
              (c) => html`<div class="clause changed">
                <strong>${c.id}</strong> ${c.title}${c.numbersOnly ? html` <span class="tag">${W.numbersOnly}</span>` : c.layoutOnly ? html` <span class="tag">${W.layoutOnly}</span>` : nothing}
                ${c.titleChange ? html`<p class="muted">${fill(W.titleChange, { from: c.titleChange.from, to: c.titleChange.to })}</p>` : nothing}
                ${diffView(c.parts)}
              </div>`,
            )}`
        : nothing}
      ${r.numbers.length
        ? html`<h3>${W.numbers}</h3>
            <div class="table-wrap">
              <table class="numbers">
                <thead><tr><th>${W.numberColumns.clause}</th><th>${W.numberColumns.kind}</th><th>${W.numberColumns.from}</th><th>${W.numberColumns.to}</th><th>${W.numberColumns.context}</th></tr></thead>
                <tbody>${r.numbers.map((n) => html`<tr><td>${n.clause}</td><td>${n.kind}</td><td>${n.from ?? '—'}</td><td>${n.to ?? '—'}</td><td>${n.context}</td></tr>`)}</tbody>
              </table>
            </div>`
        : nothing}
      ${r.reextracted.length
        ? html`<h3>${W.reextracted}</h3>
            <ul>${r.reextracted.map((x) => html`<li>${fill(W.reextractedItem, { label: x.label, fields: x.fields.map(change).join(W.leftSep) })}</li>`)}</ul>`
        : nothing}
    </div>`;
  }

  /**
   * An answer-base entry is edited in a form; other items, whose shapes vary, as JSON. So is an entry that answers
   * system by system (`items`): each of its parts quotes the notice too, and the form shows only the entry's own
   * quotes, so a part's quote the new notice no longer holds could not be corrected there.
   */
  private _isEntry(i: ReviewEntry) {
    return i.id.startsWith('answer-base.json#/entries/') && !!i.current && typeof i.current === 'object' && !('items' in i.current);
  }

  private _startEdit(i: ReviewEntry) {
    if (this._isEntry(i)) this._forms = { ...this._forms, [i.id]: { form: formOf(i.current as never), errors: {} } };
    else this._editing = { ...this._editing, [i.id]: JSON.stringify(i.current, null, 1) };
  }

  private _stopEdit(id: string) {
    const { [id]: _, ...rest } = this._editing;
    this._editing = rest;
    const { [id]: __, ...forms } = this._forms;
    this._forms = forms;
  }

  private _setForm(id: string, change: (f: EntryForm) => EntryForm) {
    const cur = this._forms[id];
    if (cur) this._forms = { ...this._forms, [id]: { ...cur, form: change(cur.form) } };
  }

  /** Checks the form with the answer base's schema first: each field's error is said beside it, and nothing is sent. */
  private async _saveForm(i: ReviewEntry) {
    const cur = this._forms[i.id];
    if (!cur) return;
    const entry = entryOf(i.current as Record<string, unknown>, cur.form);
    const errors = entryErrors(entry);
    this._forms = { ...this._forms, [i.id]: { ...cur, errors } };
    if (Object.keys(errors).length) return this._note(`item:${i.id}`, fill(W.notSaved, { errors: Object.entries(errors).map(([k, v]) => fill(W.fieldError, { field: fieldLabel(k), error: v })).join(W.leftSep) }), true);
    await this._saveEdit(i, entry);
  }

  private async _saveJson(i: ReviewEntry) {
    let value: unknown;
    try {
      value = JSON.parse(this._editing[i.id] ?? '');
    } catch {
      return this._note(`item:${i.id}`, W.badJson, true);
    }
    await this._saveEdit(i, value);
  }

  private _entryForm(i: ReviewEntry) {
    const { form, errors } = this._forms[i.id]!;
    const err = (key: string) => (errors[key] ? html`<div class="field-error" role="alert" data-field=${key}>${errors[key]}</div>` : nothing);
    const at = (key: string) => `${key}-${i.id}`;
    return html`<div class="entry-form" data-testid="entry-form">
      <div class="field">
        <label for=${at('questions')}>${W.questionsLabel}</label>
        <textarea id=${at('questions')} aria-invalid=${errors.questions ? 'true' : 'false'} .value=${form.questions} @input=${(e: Event) => this._setForm(i.id, (f) => ({ ...f, questions: (e.target as HTMLTextAreaElement).value }))}></textarea>
        ${err('questions')}
      </div>
      <div class="field">
        <label for=${at('answer')}>${W.answerLabel}</label>
        <textarea id=${at('answer')} aria-invalid=${errors.answer ? 'true' : 'false'} .value=${form.answer} @input=${(e: Event) => this._setForm(i.id, (f) => ({ ...f, answer: (e.target as HTMLTextAreaElement).value }))}></textarea>
        ${err('answer')}
      </div>
      <fieldset class="field">
        <legend>${W.quotesLegend}</legend>
        ${form.quotes.map(
          (q, k) => html`<div class="quote">
            <input type="text" aria-label=${fill(W.quoteClause, { n: k + 1 })} data-testid="quote-clause" placeholder=${W.quoteClausePlaceholder} .value=${q.clause} @input=${(e: Event) => this._setForm(i.id, (f) => ({ ...f, quotes: f.quotes.map((x, j) => (j === k ? { ...x, clause: (e.target as HTMLInputElement).value } : x)) }))} />
            <input type="text" aria-label=${fill(W.quoteFind, { n: k + 1 })} data-testid="quote-find" placeholder=${W.quoteFindPlaceholder} .value=${q.find} @input=${(e: Event) => this._setForm(i.id, (f) => ({ ...f, quotes: f.quotes.map((x, j) => (j === k ? { ...x, find: (e.target as HTMLInputElement).value } : x)) }))} />
            <button type="button" class="btn ghost" @click=${() => this._setForm(i.id, (f) => ({ ...f, quotes: f.quotes.filter((_, j) => j !== k) }))}>${W.removeQuote}</button>
            ${err(`quotes.${k}.clause`)} ${err(`quotes.${k}.find`)}
          </div>`,
        )}
        <button type="button" class="btn" @click=${() => this._setForm(i.id, (f) => ({ ...f, quotes: [...f.quotes, { clause: '', find: '' }] }))}>${W.addQuote}</button>
        ${err('quotes')}
      </fieldset>
      <div class="field">
        <label for=${at('clauses')}>${W.clausesLabel}</label>
        <input id=${at('clauses')} type="text" .value=${form.clauses} @input=${(e: Event) => this._setForm(i.id, (f) => ({ ...f, clauses: (e.target as HTMLInputElement).value }))} />
        ${err('clauses')}
      </div>
    </div>`;
  }

  private _item(i: ReviewEntry, draft: boolean) {
    const editing = this._editing[i.id];
    const form = this._forms[i.id];
    const open = editing !== undefined || form !== undefined;
    const note = this._notes[`item:${i.id}`];
    return html`<div class="item" data-id=${i.id} data-status=${i.status} tabindex="-1">
      <div class="row">
        <strong style="flex:1">${i.label}</strong>
        ${i.status === 'pending'
          ? html`<span class="tag unmet">${W.pending}</span>`
          : i.status === 'dropped'
            ? html`<span class="tag partial">${W.droppedTag}${draft ? W.droppedOnPublish : ''}</span>`
            : html`<span class="tag met">${W.reviewed}${i.edited ? W.editedTag : ''}</span>`}
      </div>
      <p class="muted"><code>${i.id}</code> · ${fill(W.basis, { clauses: i.clauses.join(words.common.listSep) || '—' })}</p>
      ${i.reason ? html`<p class="why"><strong>${W.why}</strong>${i.reason}</p>` : nothing}
      ${i.problems.length && i.status !== 'dropped'
        ? html`<div class="warn problems" data-testid="item-problems"><strong>${W.problems}</strong>
            <ul>${i.problems.map((p) => html`<li>${p}</li>`)}</ul>
            ${draft ? html`<span>${W.problemsHint}</span>` : nothing}
          </div>`
        : nothing}
      ${i.reextracted.length ? html`<p class="muted">${fill(W.reextractedLine, { changes: i.reextracted.map(change).join(W.leftSep) })}</p>` : nothing}
      ${[...i.related.changed.map((c) => html`<div><strong>${c.id}</strong> ${diffView(c.parts)}</div>`), ...i.related.added.map((c) => html`<div><strong>${c.id}</strong><p class="diff"><ins>${c.text}</ins></p></div>`)]}
      ${form
        ? this._entryForm(i)
        : editing !== undefined
          ? html`<label for=${`edit-${i.id}`}>${W.jsonLabel}</label>
              <textarea id=${`edit-${i.id}`} .value=${editing} @input=${(e: Event) => (this._editing = { ...this._editing, [i.id]: (e.target as HTMLTextAreaElement).value })}></textarea>`
          : html`<details><summary>${W.current}</summary><pre>${JSON.stringify(i.current, null, 1)}</pre></details>`}
      ${draft && i.status === 'dropped'
        ? html`<div class="row" style="margin-top: var(--zz-space-2)">
            <button class="btn restore" ?disabled=${this._busy} @click=${() => this._drop(i, true)}>${W.restore}</button>
          </div>`
        : draft
          ? html`<div class="row" style="margin-top: var(--zz-space-2)">
              ${open
                ? html`<button class="btn primary save" ?disabled=${this._busy} @click=${() => (form ? this._saveForm(i) : this._saveJson(i))}>${W.saveEdit}</button>
                    <button class="btn ghost" @click=${() => this._stopEdit(i.id)}>${W.cancel}</button>`
                : html`<button class="btn edit" ?disabled=${this._busy} @click=${() => this._startEdit(i)}>${W.edit}</button>`}
              ${i.status === 'pending'
                ? html`<button class="btn accept" ?disabled=${this._busy || open} title=${i.problems.length ? W.acceptTitle : ''} @click=${() => this._accept([i.id], `item:${i.id}`)}>${i.problems.length ? W.acceptConfirmed : W.accept}</button>`
                : nothing}
              ${!open ? html`<button class="btn ghost drop" ?disabled=${this._busy} title=${W.dropTitle} @click=${() => this._drop(i, false)}>${W.drop}</button>` : nothing}
            </div>`
          : nothing}
      ${note ? html`<div class=${note.error ? 'error' : 'ok'} role=${note.error ? 'alert' : 'status'} data-testid="item-note">${note.text}</div>` : nothing}
    </div>`;
  }

  /** The problems that keep the draft from being published, each with a way to the item that holds it. */
  private _problemList(problems: PublishProblem[], shown: Set<string>) {
    return html`<ol class="problem-list" data-testid="publish-problems">
      ${problems.map(
        (p) => html`<li>
          ${fillParts(W.problem, { label: html`<strong>${p.label}</strong>`, message: p.message })}
          ${p.item && shown.has(p.item)
            ? html` <button class="btn ghost link" @click=${() => this._goTo(p.item!)}>${W.goTo}</button>`
            : html` <span class="muted">${fill(W.fixIn, { file: p.file, pointer: p.pointer ? fill(W.fixAt, { pointer: p.pointer }) : '' })}</span>`}
        </li>`,
      )}
    </ol>`;
  }

  private get _reviewList() {
    const v = this._review;
    if (!v) return nothing;
    const draft = v.status === 'draft';
    const state = publishState(v);
    // A refused publish lists what the server found; until then, the same checks run on each load of the draft.
    const problems = this._refused ?? state.problems;
    const shown = new Set(v.items.map((i) => i.id));
    const publishNote = this._notes['publish'];
    return html`<div class="card review">
      <h2>${fill(W.reviewHeading, { version: v.version })}</h2>
      <p class="muted">${fill(W.reviewIntro, { basedOn: v.basedOn, carried: v.carried, items: v.items.length })}</p>
      ${(Object.entries(v.groups) as [ReviewGroup, string][]).map(([g, name]) => {
        const list = v.items.filter((i) => i.group === g);
        if (!list.length) return nothing;
        const open = list.filter((i) => i.status === 'pending');
        const note = this._notes[`group:${g}`];
        return html`<section class="group" data-group=${g}>
          <div class="row">
            <h3 class="grow">${fill(W.groupHeading, { name, open: open.length, total: list.length })}</h3>
            ${draft && open.length ? html`<button class="btn accept-group" ?disabled=${this._busy} @click=${() => this._accept([g], `group:${g}`)}>${W.acceptGroup}</button>` : nothing}
          </div>
          ${note ? html`<div class=${note.error ? 'error' : 'ok'} role=${note.error ? 'alert' : 'status'} data-testid="group-note">${note.text}</div>` : nothing}
          ${list.map((i) => this._item(i, draft))}
        </section>`;
      })}
      ${draft
        ? html`<div class="publish">
            <h3>${W.publishHeading}</h3>
            <p class="muted">${W.publishIntro}</p>
            <label class="row"><input type="checkbox" .checked=${this._makeDefault} @change=${(e: Event) => (this._makeDefault = (e.target as HTMLInputElement).checked)} /> ${W.makeDefault}</label>
            ${state.pending ? html`<p class="warn">${fill(W.publishPending, { n: state.pending })}</p>` : nothing}
            ${problems.length
              ? html`<div class="warn" data-testid="publish-blocked"><strong>${fill(W.publishBlocked, { n: problems.length })}</strong>${W.publishBlockedRest}${this._problemList(problems, shown)}</div>`
              : nothing}
            ${state.ready && !this._refused ? html`<p class="ok" data-testid="ready">${W.ready}</p>` : nothing}
            <button class="btn primary publish-btn" ?disabled=${this._busy || !state.ready} @click=${this._publish}>${fill(W.publish, { version: v.version })}</button>
            ${publishNote ? html`<div class=${publishNote.error ? 'error' : 'ok'} role=${publishNote.error ? 'alert' : 'status'} data-testid="publish-note">${publishNote.text}</div>` : nothing}
          </div>`
        : html`<p class="ok">${fill(W.isPublished, { version: v.version })}</p>${publishNote && !publishNote.error ? html`<p class="ok" role="status" data-testid="publish-note">${publishNote.text}</p>` : nothing}`}
    </div>`;
  }

  render() {
    return html`
      ${this._error ? html`<div class="error" role="alert"><pre>${this._error}</pre></div>` : nothing}
      ${this._notice ? html`<p class="ok notice" role="status">${this._notice}</p>` : nothing}
      ${this._versions} ${this._uploadForm} ${this._diff} ${this._reviewList}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-knowledge': ZzConsoleKnowledge;
  }
}
