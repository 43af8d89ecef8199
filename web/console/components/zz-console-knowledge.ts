import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, ConsoleError, upload } from '../api';
import type { Report } from '../../../server/knowledge/ingest/report';
import type { DiffPart } from '../../../server/knowledge/ingest/clause-diff';
import type { ReviewGroup } from '../../../server/knowledge/schemas/review';
import { entryErrors, entryOf, fieldLabel, formOf, type EntryForm } from '../entry-form';

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
  if (file.size === 0) return `“${file.name}”文件为空（0 字节），没有可导入的内容。请确认选对了文件。`;
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  if (maxBytes > 0 && file.size > maxBytes) return `“${file.name}”有 ${mb(file.size)} MB，超过 ${mb(maxBytes)} MB 的上限，未上传。通知文件一般只有几百 KB 到几 MB：请确认选的是通知本身，或压缩其中的图片后再上传。`;
  return '';
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
const FIELD_LABELS: Record<string, string> = {
  date: '日期',
  max: '名额',
  maxSizeMB: '视频大小上限（兆）',
  min: '最少张数',
  minResolution: '最低分辨率',
  overQuota: '超额规定',
  perYear: '每年限报数',
  phone: '电话',
  url: '网址',
};
export const extractedFieldLabel = (field: string): string => FIELD_LABELS[field] ?? (/^forms\.(\d+)\.name$/.test(field) ? `第 ${Number(field.split('.')[1]) + 1} 个附件名称` : field);
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
    if (!file) return void (this._uploadError = '请先选择通知文件（PDF、Word .docx 或 .txt）。');
    const problem = uploadProblem(file, this._overview?.maxUploadBytes ?? 0);
    if (problem) return void (this._uploadError = problem);
    if (!as) return void (this._uploadError = '请填写新版本名，如 henan-2024。');
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
    if (s.ready) return '全部复核完毕，发布前校验通过，可以发布。';
    const parts = [s.pending ? `还有 ${s.pending} 项待复核` : '', s.problems.length ? `${s.problems.length} 处未通过发布前的校验（见“发布”下方）` : ''].filter(Boolean);
    return `${parts.join('；')}。`;
  }

  /** `ids`: item IDs, each a decision on that item, or a group name: a bulk mark, which holds the items that fail the publish checks. */
  private async _accept(ids: string[], where: string) {
    const version = this._selected!;
    await this._step(where, async () => {
      const r = await call<{ accepted: unknown[]; pending: number; held: { id: string; label: string; reasons: string[] }[] }>('POST', `/api/staff/knowledge/${encodeURIComponent(version)}/review`, { ids });
      await this._reload(version);
      const held = r.held.length ? `${r.held.length} 项没有标记：它们引用的原文或数字在新通知中已不存在（${r.held.slice(0, 5).map((h) => h.label).join('、')}${r.held.length > 5 ? ' 等' : ''}，各项下方有说明），请逐项修改、删除，或逐项确认。` : '';
      return `已标记 ${r.accepted.length} 项为已复核。${held}${this._left()}`;
    });
  }

  /** Drops an item the new notice no longer supports, or keeps it again; it leaves its file only on publishing. */
  private async _drop(item: ReviewEntry, undo: boolean) {
    const version = this._selected!;
    await this._step(`item:${item.id}`, async () => {
      await call<{ pending: number }>('POST', `/api/staff/knowledge/${encodeURIComponent(version)}/review/drop`, { id: item.id, undo });
      await this._reload(version);
      return undo ? `已恢复“${item.label}”，它会随新版本发布。${this._left()}` : `已删除“${item.label}”：发布时从新版本中去掉，发布前可以恢复。${this._left()}`;
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
      return after?.problems.length ? `已保存；这一项仍未通过发布前的校验，见下方说明。` : `已保存“${item.label}”的修改；确认无误后请标记为已复核。`;
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
          `已发布 ${r.version}（${r.clauses} 条条款）。` +
          (r.default === r.version ? '新建的会话从现在起使用这一版；已经开始的会话继续使用它们开始时的版本。' : `新会话仍使用 ${r.default}，可在上方表格中设为默认。`)
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
      this._notice = `新会话从现在起使用 ${version}；已经开始的会话继续使用它们开始时的版本。`;
      this._overview = await call<Overview>('GET', '/api/staff/knowledge');
    });
  }

  private get _versions() {
    const o = this._overview;
    if (!o) return nothing;
    return html`<div class="card">
      <h2>知识库版本</h2>
      <p>新会话当前使用：<strong>${o.default.version}</strong>（${o.default.year}年度）${o.default.title}</p>
      <div class="table-wrap">
        <table class="stack versions">
          <thead><tr><th>版本</th><th>状态</th><th>年度</th><th>基于</th><th>复核</th><th></th></tr></thead>
          <tbody>
            ${o.versions.map(
              (v) => html`<tr data-version=${v.version}>
                <td data-label="版本">${v.version}${v.isDefault ? html` <span class="tag met">默认</span>` : nothing}</td>
                <td data-label="状态">${v.status === 'draft' ? html`<span class="tag partial">草稿</span>` : html`<span class="tag">已发布</span>`}</td>
                <td data-label="年度">${v.year ?? '—'}</td>
                <td data-label="基于">${v.basedOn ?? '—'}</td>
                <td data-label="复核">${v.pending === null ? '—' : v.pending ? html`<span class="tag unmet">${v.pending} 项待复核</span>` : html`<span class="tag met">已复核 ${v.reviewed}</span>`}</td>
                <td class="actions">
                  <div class="row">
                    ${v.basedOn ? html`<button class="btn" ?disabled=${this._busy} @click=${() => this._run(() => this._open(v.version))}>查看变更</button>` : nothing}
                    ${v.served && !v.isDefault ? html`<button class="btn" ?disabled=${this._busy} @click=${() => this._setDefault(v.version)}>设为默认</button>` : nothing}
                  </div>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="muted">已有的版本从不覆盖或删除：已经开始的会话一直使用它们开始时的版本。</p>
    </div>`;
  }

  private get _uploadForm() {
    const job = this._job;
    const o = this._overview;
    return html`<div class="card">
      <h2>导入新一年的通知</h2>
      <form class="upload" @submit=${this._upload}>
        <span id="file-label">通知文件（PDF、Word .docx 或 .txt；扫描件需先做文字识别）</span>
        <div class="row">
          <label class="btn file-pick" data-testid="file-pick"
            ><input id="file" name="file" class="visually-hidden" type="file" accept=".pdf,.docx,.txt" aria-labelledby="file-label file-chosen" @change=${this._choose} />${this._chosen ? '重新选择文件' : '选择通知文件'}</label
          >
          <span id="file-chosen" class="file-chosen muted" data-testid="file-chosen" aria-live="polite">${this._chosen ? `已选择：${this._chosen.name}（${sizeText(this._chosen.size)}）` : '尚未选择文件'}</span>
        </div>
        ${o ? html`<p class="muted">文件不超过 ${Math.round(o.maxUploadBytes / 1024 / 1024)} MB。</p>` : nothing}
        <label for="as">新版本名</label>
        <input id="as" name="as" type="text" placeholder="henan-2024" autocomplete="off" />
        <div class="row" style="margin-top: var(--zz-space-2)">
          <button class="btn primary" type="submit" ?disabled=${this._busy || job?.state === 'running'}>上传并导入</button>
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
      <h2>${r.from} → ${r.to} 的变化</h2>
      <p>新增条款 ${s.added} · 删除条款 ${s.removed} · 修改条款 ${s.changed} · 编号变化 ${s.moved ?? 0} · 数字变化 ${s.numbers} · 待复核 ${s.needsReview} · 已复核 ${s.accepted}</p>
      ${r.added.length
        ? html`<h3>新增条款</h3>
            ${r.added.map((c) => html`<div class="clause added"><strong>${c.id}</strong> ${c.title}<p class="diff"><ins>${c.text}</ins></p></div>`)}`
        : nothing}
      ${r.removed.length
        ? html`<h3>删除条款</h3>
            ${r.removed.map((c) => html`<div class="clause removed"><strong>${c.id}</strong> ${c.title}<p class="diff"><del>${c.text}</del></p></div>`)}`
        : nothing}
      ${r.moved?.length
        ? html`<h3>编号变化（文字未变，引用已改为新编号）</h3>
            ${r.moved.map((m) => html`<div class="clause moved"><strong>${m.from} → ${m.to}</strong> ${m.title}</div>`)}`
        : nothing}
      ${r.changed.length
        ? html`<h3>修改条款</h3>
            ${r.changed.map(
              (c) => html`<div class="clause changed">
                <strong>${c.id}</strong> ${c.title}${c.numbersOnly ? html` <span class="tag">仅数字</span>` : c.layoutOnly ? html` <span class="tag">仅换行或标点</span>` : nothing}
                ${c.titleChange ? html`<p class="muted">标题：${c.titleChange.from} → ${c.titleChange.to}</p>` : nothing}
                ${diffView(c.parts)}
              </div>`,
            )}`
        : nothing}
      ${r.numbers.length
        ? html`<h3>数字变化</h3>
            <div class="table-wrap">
              <table class="numbers">
                <thead><tr><th>条款</th><th>类型</th><th>原</th><th>新</th><th>上下文</th></tr></thead>
                <tbody>${r.numbers.map((n) => html`<tr><td>${n.clause}</td><td>${n.kind}</td><td>${n.from ?? '—'}</td><td>${n.to ?? '—'}</td><td>${n.context}</td></tr>`)}</tbody>
              </table>
            </div>`
        : nothing}
      ${r.reextracted.length
        ? html`<h3>已从新通知重新提取</h3>
            <ul>${r.reextracted.map((x) => html`<li>${x.label}：${x.fields.map(change).join('；')}</li>`)}</ul>`
        : nothing}
    </div>`;
  }

  /** An answer-base entry is edited in a form; other items, whose shapes vary, as JSON. */
  private _isEntry(i: ReviewEntry) {
    return i.id.startsWith('answer-base.json#/entries/') && !!i.current && typeof i.current === 'object';
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
    if (Object.keys(errors).length) return this._note(`item:${i.id}`, `未保存：${Object.entries(errors).map(([k, v]) => `${fieldLabel(k)}：${v}`).join('；')}`, true);
    await this._saveEdit(i, entry);
  }

  private async _saveJson(i: ReviewEntry) {
    let value: unknown;
    try {
      value = JSON.parse(this._editing[i.id] ?? '');
    } catch {
      return this._note(`item:${i.id}`, '未保存：修改的内容不是有效的 JSON（检查引号、逗号和括号是否成对）。', true);
    }
    await this._saveEdit(i, value);
  }

  private _entryForm(i: ReviewEntry) {
    const { form, errors } = this._forms[i.id]!;
    const err = (key: string) => (errors[key] ? html`<div class="field-error" role="alert" data-field=${key}>${errors[key]}</div>` : nothing);
    const at = (key: string) => `${key}-${i.id}`;
    return html`<div class="entry-form" data-testid="entry-form">
      <div class="field">
        <label for=${at('questions')}>问法（每行一种，至少两种；第一行为标准问题）</label>
        <textarea id=${at('questions')} aria-invalid=${errors.questions ? 'true' : 'false'} .value=${form.questions} @input=${(e: Event) => this._setForm(i.id, (f) => ({ ...f, questions: (e.target as HTMLTextAreaElement).value }))}></textarea>
        ${err('questions')}
      </div>
      <div class="field">
        <label for=${at('answer')}>答复（结论在前；数字和日期须出自所引条款，或写 {占位符}）</label>
        <textarea id=${at('answer')} aria-invalid=${errors.answer ? 'true' : 'false'} .value=${form.answer} @input=${(e: Event) => this._setForm(i.id, (f) => ({ ...f, answer: (e.target as HTMLTextAreaElement).value }))}></textarea>
        ${err('answer')}
      </div>
      <fieldset class="field">
        <legend>引文（条款编号和其中逐字摘录的原文，保存时逐字核对新通知）</legend>
        ${form.quotes.map(
          (q, k) => html`<div class="quote">
            <input type="text" aria-label=${`引文 ${k + 1} 的条款编号`} data-testid="quote-clause" placeholder="如 四(三)" .value=${q.clause} @input=${(e: Event) => this._setForm(i.id, (f) => ({ ...f, quotes: f.quotes.map((x, j) => (j === k ? { ...x, clause: (e.target as HTMLInputElement).value } : x)) }))} />
            <input type="text" aria-label=${`引文 ${k + 1} 的原文`} data-testid="quote-find" placeholder="条款中的原文" .value=${q.find} @input=${(e: Event) => this._setForm(i.id, (f) => ({ ...f, quotes: f.quotes.map((x, j) => (j === k ? { ...x, find: (e.target as HTMLInputElement).value } : x)) }))} />
            <button type="button" class="btn ghost" @click=${() => this._setForm(i.id, (f) => ({ ...f, quotes: f.quotes.filter((_, j) => j !== k) }))}>删除引文</button>
            ${err(`quotes.${k}.clause`)} ${err(`quotes.${k}.find`)}
          </div>`,
        )}
        <button type="button" class="btn" @click=${() => this._setForm(i.id, (f) => ({ ...f, quotes: [...f.quotes, { clause: '', find: '' }] }))}>添加引文</button>
        ${err('quotes')}
      </fieldset>
      <div class="field">
        <label for=${at('clauses')}>依据条款（以空格或顿号分隔；留空则用引文的条款）</label>
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
          ? html`<span class="tag unmet">待复核</span>`
          : i.status === 'dropped'
            ? html`<span class="tag partial">已删除${draft ? '（发布时去掉）' : ''}</span>`
            : html`<span class="tag met">已复核${i.edited ? '（已修改）' : ''}</span>`}
      </div>
      <p class="muted"><code>${i.id}</code> · 依据 ${i.clauses.join('、') || '—'}</p>
      ${i.reason ? html`<p class="why"><strong>为什么需要复核：</strong>${i.reason}</p>` : nothing}
      ${i.problems.length && i.status !== 'dropped'
        ? html`<div class="warn problems" data-testid="item-problems"><strong>未通过发布前的校验：</strong>
            <ul>${i.problems.map((p) => html`<li>${p}</li>`)}</ul>
            ${draft ? html`<span>请“修改”使其与新通知一致，或“删除此项”；也可以逐项确认后单独标记（发布时仍会按此校验）。</span>` : nothing}
          </div>`
        : nothing}
      ${i.reextracted.length ? html`<p class="muted">重新提取：${i.reextracted.map(change).join('；')}</p>` : nothing}
      ${[...i.related.changed.map((c) => html`<div><strong>${c.id}</strong> ${diffView(c.parts)}</div>`), ...i.related.added.map((c) => html`<div><strong>${c.id}</strong><p class="diff"><ins>${c.text}</ins></p></div>`)]}
      ${form
        ? this._entryForm(i)
        : editing !== undefined
          ? html`<label for=${`edit-${i.id}`}>修改内容（JSON；保存时按服务器启动时的规则校验）</label>
              <textarea id=${`edit-${i.id}`} .value=${editing} @input=${(e: Event) => (this._editing = { ...this._editing, [i.id]: (e.target as HTMLTextAreaElement).value })}></textarea>`
          : html`<details><summary>当前内容</summary><pre>${JSON.stringify(i.current, null, 1)}</pre></details>`}
      ${draft && i.status === 'dropped'
        ? html`<div class="row" style="margin-top: var(--zz-space-2)">
            <button class="btn restore" ?disabled=${this._busy} @click=${() => this._drop(i, true)}>恢复</button>
          </div>`
        : draft
          ? html`<div class="row" style="margin-top: var(--zz-space-2)">
              ${open
                ? html`<button class="btn primary save" ?disabled=${this._busy} @click=${() => (form ? this._saveForm(i) : this._saveJson(i))}>保存修改</button>
                    <button class="btn ghost" @click=${() => this._stopEdit(i.id)}>取消</button>`
                : html`<button class="btn edit" ?disabled=${this._busy} @click=${() => this._startEdit(i)}>修改</button>`}
              ${i.status === 'pending'
                ? html`<button class="btn accept" ?disabled=${this._busy || open} title=${i.problems.length ? '这一项未通过发布前的校验；单独标记表示你已确认保留它' : ''} @click=${() => this._accept([i.id], `item:${i.id}`)}>${i.problems.length ? '确认后标记为已复核' : '标记为已复核'}</button>`
                : nothing}
              ${!open ? html`<button class="btn ghost drop" ?disabled=${this._busy} title="新通知已不再支持这一项时删除；发布前可以恢复" @click=${() => this._drop(i, false)}>删除此项</button>` : nothing}
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
          <strong>${p.label}</strong>：${p.message}
          ${p.item && shown.has(p.item)
            ? html` <button class="btn ghost link" @click=${() => this._goTo(p.item!)}>转到此项</button>`
            : html` <span class="muted">（在 ${p.file}${p.pointer ? ` 的 ${p.pointer}` : ''} 中修改）</span>`}
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
      <h2>复核 ${v.version}</h2>
      <p class="muted">从 ${v.basedOn} 沿用 ${v.carried} 项；其中 ${v.items.length} 项依据的条款有变化、是新内容，或未通过发布前的校验，需要逐项确认。需要改动的，先“修改”并保存，再标记为已复核；新通知已取消的内容，用“删除此项”去掉（发布时才从文件中删除，发布前可以恢复）。引用的原文在新通知中已不存在的项，不能随“本组全部标记”一起标记。</p>
      ${(Object.entries(v.groups) as [ReviewGroup, string][]).map(([g, name]) => {
        const list = v.items.filter((i) => i.group === g);
        if (!list.length) return nothing;
        const open = list.filter((i) => i.status === 'pending');
        const note = this._notes[`group:${g}`];
        return html`<section class="group" data-group=${g}>
          <div class="row">
            <h3 class="grow">${name}（${open.length} / ${list.length} 待复核）</h3>
            ${draft && open.length ? html`<button class="btn accept-group" ?disabled=${this._busy} @click=${() => this._accept([g], `group:${g}`)}>本组全部标记为已复核</button>` : nothing}
          </div>
          ${note ? html`<div class=${note.error ? 'error' : 'ok'} role=${note.error ? 'alert' : 'status'} data-testid="group-note">${note.text}</div>` : nothing}
          ${list.map((i) => this._item(i, draft))}
        </section>`;
      })}
      ${draft
        ? html`<div class="publish">
            <h3>发布</h3>
            <p class="muted">发布前按服务器启动时的同一套规则校验整个版本；有任何一项未复核、或校验不通过，都不会发布。已发布的版本不会再被修改。</p>
            <label class="row"><input type="checkbox" .checked=${this._makeDefault} @change=${(e: Event) => (this._makeDefault = (e.target as HTMLInputElement).checked)} /> 发布后作为新会话的默认版本</label>
            ${state.pending ? html`<p class="warn">还有 ${state.pending} 项待复核，复核完才能发布。</p>` : nothing}
            ${problems.length
              ? html`<div class="warn" data-testid="publish-blocked"><strong>${problems.length} 处未通过发布前的校验</strong>，改好或删除这些项后才能发布：${this._problemList(problems, shown)}</div>`
              : nothing}
            ${state.ready && !this._refused ? html`<p class="ok" data-testid="ready">全部复核完毕，发布前校验通过，可以发布。</p>` : nothing}
            <button class="btn primary publish-btn" ?disabled=${this._busy || !state.ready} @click=${this._publish}>发布 ${v.version}</button>
            ${publishNote ? html`<div class=${publishNote.error ? 'error' : 'ok'} role=${publishNote.error ? 'alert' : 'status'} data-testid="publish-note">${publishNote.text}</div>` : nothing}
          </div>`
        : html`<p class="ok">${v.version} 已发布。</p>${publishNote && !publishNote.error ? html`<p class="ok" role="status" data-testid="publish-note">${publishNote.text}</p>` : nothing}`}
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
