import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, upload } from '../api';
import type { Report } from '../../../server/knowledge/ingest/report';
import type { DiffPart } from '../../../server/knowledge/ingest/clause-diff';
import type { ReviewGroup } from '../../../server/knowledge/schemas/review';

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
}

interface ReviewView {
  version: string;
  basedOn: string;
  status: 'draft' | 'published';
  groups: Record<ReviewGroup, string>;
  carried: number;
  items: ReviewEntry[];
}

const POLL_MS = 400;
const fmt = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

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
    this._selected = version;
    this._editing = {};
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

  private async _accept(ids: string[]) {
    const version = this._selected!;
    await this._run(async () => {
      const r = await call<{ pending: number; unknown: string[] }>('POST', `/api/staff/knowledge/${encodeURIComponent(version)}/review`, { ids });
      this._notice = r.pending ? `已标记为已复核；还有 ${r.pending} 项待复核。` : '全部复核完毕，可以发布。';
      await this._open(version);
      this._overview = await call<Overview>('GET', '/api/staff/knowledge');
    });
  }

  /** Drops an item the new notice no longer supports, or keeps it again; it leaves its file only on publishing. */
  private async _drop(item: ReviewEntry, undo: boolean) {
    const version = this._selected!;
    await this._run(async () => {
      const r = await call<{ pending: number }>('POST', `/api/staff/knowledge/${encodeURIComponent(version)}/review/drop`, { id: item.id, undo });
      this._notice = undo
        ? `已恢复“${item.label}”，它会随新版本发布。`
        : `已删除“${item.label}”：发布时从新版本中去掉，发布前可以恢复。${r.pending ? `还有 ${r.pending} 项待复核。` : '全部复核完毕，可以发布。'}`;
      await this._open(version);
      this._overview = await call<Overview>('GET', '/api/staff/knowledge');
    });
  }

  private async _saveEdit(item: ReviewEntry) {
    const version = this._selected!;
    let value: unknown;
    try {
      value = JSON.parse(this._editing[item.id] ?? '');
    } catch (err) {
      this._error = `修改的内容不是有效的 JSON：${(err as Error).message}`;
      return;
    }
    await this._run(async () => {
      await call('PUT', `/api/staff/knowledge/${encodeURIComponent(version)}/review/item`, { id: item.id, value });
      const { [item.id]: _, ...rest } = this._editing;
      this._editing = rest;
      this._notice = `已保存“${item.label}”的修改；确认无误后请标记为已复核。`;
      await this._open(version);
    });
  }

  private async _publish() {
    const version = this._selected!;
    await this._run(async () => {
      const r = await call<{ version: string; clauses: number; default: string }>('POST', `/api/staff/knowledge/${encodeURIComponent(version)}/publish`, { makeDefault: this._makeDefault });
      this._notice =
        `已发布 ${r.version}（${r.clauses} 条条款）。` +
        (r.default === r.version ? '新建的会话从现在起使用这一版；已经开始的会话继续使用它们开始时的版本。' : `新会话仍使用 ${r.default}，可在上方表格中设为默认。`);
      this._overview = await call<Overview>('GET', '/api/staff/knowledge');
      await this._open(version);
    });
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
            <ul>${r.reextracted.map((x) => html`<li>${x.label}：${x.fields.map((f) => `${f.field} ${fmt(f.from)} → ${fmt(f.to)}`).join('；')}</li>`)}</ul>`
        : nothing}
    </div>`;
  }

  private _item(i: ReviewEntry, draft: boolean) {
    const editing = this._editing[i.id];
    return html`<div class="item" data-id=${i.id} data-status=${i.status}>
      <div class="row">
        <strong style="flex:1">${i.label}</strong>
        ${i.status === 'pending'
          ? html`<span class="tag unmet">待复核</span>`
          : i.status === 'dropped'
            ? html`<span class="tag partial">已删除${draft ? '（发布时去掉）' : ''}</span>`
            : html`<span class="tag met">已复核${i.edited ? '（已修改）' : ''}</span>`}
      </div>
      <p class="muted"><code>${i.id}</code> · 依据 ${i.clauses.join('、') || '—'}</p>
      <p class="why"><strong>为什么需要复核：</strong>${i.reason}</p>
      ${i.reextracted.length ? html`<p class="muted">重新提取：${i.reextracted.map((f) => `${f.field} ${fmt(f.from)} → ${fmt(f.to)}`).join('；')}</p>` : nothing}
      ${[...i.related.changed.map((c) => html`<div><strong>${c.id}</strong> ${diffView(c.parts)}</div>`), ...i.related.added.map((c) => html`<div><strong>${c.id}</strong><p class="diff"><ins>${c.text}</ins></p></div>`)]}
      ${editing !== undefined
        ? html`<label for=${`edit-${i.id}`}>修改内容（JSON）</label>
            <textarea id=${`edit-${i.id}`} .value=${editing} @input=${(e: Event) => (this._editing = { ...this._editing, [i.id]: (e.target as HTMLTextAreaElement).value })}></textarea>`
        : html`<details><summary>当前内容</summary><pre>${JSON.stringify(i.current, null, 1)}</pre></details>`}
      ${draft && i.status === 'dropped'
        ? html`<div class="row" style="margin-top: var(--zz-space-2)">
            <button class="btn restore" ?disabled=${this._busy} @click=${() => this._drop(i, true)}>恢复</button>
          </div>`
        : draft
        ? html`<div class="row" style="margin-top: var(--zz-space-2)">
            ${editing !== undefined
              ? html`<button class="btn primary save" ?disabled=${this._busy} @click=${() => this._saveEdit(i)}>保存修改</button>
                  <button class="btn ghost" @click=${() => { const { [i.id]: _, ...rest } = this._editing; this._editing = rest; }}>取消</button>`
              : html`<button class="btn edit" ?disabled=${this._busy} @click=${() => (this._editing = { ...this._editing, [i.id]: JSON.stringify(i.current, null, 1) })}>修改</button>`}
            ${i.status === 'pending' ? html`<button class="btn accept" ?disabled=${this._busy || editing !== undefined} @click=${() => this._accept([i.id])}>标记为已复核</button>` : nothing}
            ${editing === undefined ? html`<button class="btn ghost drop" ?disabled=${this._busy} title="新通知已不再支持这一项时删除；发布前可以恢复" @click=${() => this._drop(i, false)}>删除此项</button>` : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  private get _reviewList() {
    const v = this._review;
    if (!v) return nothing;
    const draft = v.status === 'draft';
    const pending = v.items.filter((i) => i.status === 'pending').length;
    return html`<div class="card review">
      <h2>复核 ${v.version}</h2>
      <p class="muted">从 ${v.basedOn} 沿用 ${v.carried} 项；其中 ${v.items.length} 项依据的条款有变化或是新内容，需要逐项确认。需要改动的，先“修改”并保存，再标记为已复核；新通知已取消的内容，用“删除此项”去掉（发布时才从文件中删除，发布前可以恢复）。</p>
      ${(Object.entries(v.groups) as [ReviewGroup, string][]).map(([g, name]) => {
        const list = v.items.filter((i) => i.group === g);
        if (!list.length) return nothing;
        const open = list.filter((i) => i.status === 'pending');
        return html`<section class="group" data-group=${g}>
          <div class="row">
            <h3 class="grow">${name}（${open.length} / ${list.length} 待复核）</h3>
            ${draft && open.length ? html`<button class="btn accept-group" ?disabled=${this._busy} @click=${() => this._accept(open.map((i) => i.id))}>本组全部标记为已复核</button>` : nothing}
          </div>
          ${list.map((i) => this._item(i, draft))}
        </section>`;
      })}
      ${draft
        ? html`<div class="publish">
            <h3>发布</h3>
            <p class="muted">发布前按服务器启动时的同一套规则校验整个版本；有任何一项未复核、或校验不通过，都不会发布。已发布的版本不会再被修改。</p>
            <label class="row"><input type="checkbox" .checked=${this._makeDefault} @change=${(e: Event) => (this._makeDefault = (e.target as HTMLInputElement).checked)} /> 发布后作为新会话的默认版本</label>
            ${pending ? html`<p class="warn">还有 ${pending} 项待复核，复核完才能发布。</p>` : nothing}
            <button class="btn primary publish-btn" ?disabled=${this._busy || pending > 0} @click=${this._publish}>发布 ${v.version}</button>
          </div>`
        : html`<p class="ok">${v.version} 已发布。</p>`}
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
