import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, download } from '../api';
import type { SessionFormSummary } from '../../../server/routes/forms';
import { beijingTime, TIME_ZONE_LABEL } from '../time';
import { staleOf } from '../../lib/stale-export';
import { words } from '../../lib/messages';
import type { StaleExport } from '../../../server/schemas/forms';

const A = words.console.assist;

interface AssistView {
  recorded: { label?: string; question?: string; value?: unknown; text?: string }[];
  transcript: { seq: number; role: 'user' | 'assistant'; text: string }[];
  assessment: {
    verdict: string;
    category: { recommended: string | null };
    conditions: { clause: string; title: string; status: string }[];
    blocking?: { clause: string; reason: string }[];
    /** Hard conditions the enterprise left unanswered: 待确认, never met. */
    pending?: { clause: string; title: string }[];
  };
  drafts: unknown;
  /** The application form the enterprise is drafting; null while no category is decided. */
  form: SessionFormSummary | null;
}

/** A view this member holds open, as the server lists it. */
interface OpenView {
  viewId: string;
  since: string;
  until: string;
  name: string | null;
}

// A condition's status and the verdict in the words the enterprise's own page and report use for them.
const STATUS: Record<string, string> = words.format.status;
const VERDICT: Record<string, string> = words.format.verdictShort;

/** 热线协助: enter the code the enterprise reads out, then follow its session read-only. */
@customElement('zz-console-assist')
export class ZzConsoleAssist extends LitElement {
  static styles = [
    controls,
    consoleStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        gap: var(--zz-space-2);
        max-width: 360px;
      }
      /* The input takes the room; a two-character button label stays on one line beside it. */
      form input {
        flex: 1;
        min-width: 0;
      }
      form .btn {
        flex: none;
        white-space: nowrap;
      }
      ul.views {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ul.views li {
        padding: var(--zz-space-2) 0;
        border-bottom: 1px solid var(--zz-color-border);
      }
      dl.form {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: var(--zz-space-1) var(--zz-space-3);
        margin: 0 0 var(--zz-space-3);
      }
      dl.form dt {
        color: var(--zz-color-muted);
      }
      dl.form dd {
        margin: 0;
        min-width: 0;
      }
      .msg {
        white-space: pre-wrap;
        padding: var(--zz-space-2) 0;
        border-bottom: 1px solid var(--zz-color-border);
      }
    `,
  ];

  @state() private _viewId = '';
  /** When the claimed view ends by itself (ASSIST_VIEW_DAYS after the claim). */
  @state() private _until = '';
  @state() private _view: AssistView | null = null;
  @state() private _error = '';
  /** What the last hand-over did, in words. */
  @state() private _notice = '';
  /** The views this member holds open: a code works once, so the list is the way back after a reload or another tab. */
  @state() private _open: OpenView[] = [];
  /** The notes the last export of this view sent beside its file; null before one, or once the view is read again. */
  @state() private _exported: StaleExport | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    void this._loadOpen();
  }

  private async _loadOpen() {
    try {
      this._open = (await call<{ views: OpenView[] }>('GET', '/api/staff/assist')).views;
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  private async _show(v: OpenView) {
    this._error = '';
    this._viewId = v.viewId;
    this._until = v.until;
    await this._refresh();
  }

  render() {
    return html`
      <div class="card">
        <h2>热线协助</h2>
        <p class="muted">企业在页面上点「请热线协助」后会得到 6 位协助码（30 分钟内有效，只能用一次）。输入后可只读查看其会话，查看到期自动结束；企业可随时撤销。</p>
        <form @submit=${this._claim} novalidate>
          <input id="code" type="text" inputmode="numeric" maxlength="20" autocomplete="off" placeholder="6 位协助码" aria-label="协助码" />
          <button class="btn primary" type="submit">查看</button>
        </form>
        ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
        ${this._notice ? html`<p class="ok" role="status">${this._notice}</p>` : ''}
      </div>
      ${this._open.length ? this._openList : ''}
      ${this._view ? this._viewCard(this._view) : ''}
    `;
  }

  private get _openList() {
    return html`<div class="card" data-testid="open-views">
      <h2>正在查看的企业会话</h2>
      <ul class="views">
        ${this._open.map(
          (v) => html`<li class="row">
            <span class="grow">${v.name ?? '（未填写企业名称）'}<br /><span class="muted">${beijingTime(v.since)} 起，至 ${beijingTime(v.until)}（${TIME_ZONE_LABEL}）</span></span>
            <button class="btn" aria-current=${v.viewId === this._viewId ? 'true' : 'false'} @click=${() => this._show(v)}>${v.viewId === this._viewId ? '查看中' : '打开'}</button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private _viewCard(v: AssistView) {
    return html`<div class="card" data-testid="assist-view">
      <div class="row"><h2 style="flex:1">企业会话（只读）</h2><button class="btn" @click=${this._refresh}>刷新</button></div>
      ${this._until ? html`<p class="muted">本次查看至 ${beijingTime(this._until)}（${TIME_ZONE_LABEL}）自动结束，企业也可随时撤销。</p>` : ''}
      <p>评估结论：<span class="tag">${VERDICT[v.assessment.verdict] ?? v.assessment.verdict}</span></p>
      ${v.assessment.blocking?.length ? html`<ul>${v.assessment.blocking.map((b) => html`<li><strong>${b.clause}</strong> 不符合：${b.reason}</li>`)}</ul>` : ''}
      ${v.assessment.pending?.length
        ? html`<p data-testid="hard-pending">硬性条件待确认：${v.assessment.pending.map((p) => `${p.clause} ${p.title}`).join('、')}</p>`
        : ''}
      <ul>${v.assessment.conditions.map((c) => html`<li><strong>${c.clause}</strong> ${c.title}：${STATUS[c.status] ?? c.status}</li>`)}</ul>
      ${this._formPart(v.form)}
      <h2>对话</h2>
      ${v.transcript.map((m) => html`<div class="msg"><strong>${m.role === 'user' ? '企业' : '助手'}：</strong>${m.text}</div>`)}
    </div>
    <div class="card" data-testid="handover">
      <h2>转交同事</h2>
      <p class="muted">转交后由同事用自己的账号登录查看，您的这次查看随即结束；查看的截止时间不变，企业能看到接手的同事并可撤销。</p>
      <form @submit=${this._handOver}>
        <input id="colleague" type="text" maxlength="40" placeholder="同事的用户名" aria-label="同事的用户名" autocomplete="off" required />
        <button class="btn" type="submit">转交</button>
      </form>
    </div>`;
  }

  /** The form the enterprise is drafting, counted as its own form view counts it, with its file as the enterprise would export it. */
  private _formPart(f: AssistView['form']) {
    if (!f) return html`<h2>申报书</h2><p class="muted" data-testid="assist-form">尚未确定申报类别，还没有申报书草稿。</p>`;
    return html`<h2>申报书</h2>
      <div data-testid="assist-form">
        ${f.ineligible ? html`<p class="warn">${f.ineligible}</p>` : ''}
        <dl class="form">
          <dt>申报书</dt>
          <dd data-testid="assist-form-title">${f.attachment} ${f.title}</dd>
          <dt>填写项</dt>
          <dd data-testid="assist-form-counts">已填 ${f.fields.filled} · 未填 ${f.fields.missing} · 已跳过 ${f.fields.skipped}</dd>
          <dt>文字栏目</dt>
          <dd>共 ${f.sections.total} 栏，企业改写 ${f.sections.edited} 栏${f.sections.missingFacts ? html`，<span class="tag partial">${f.sections.missingFacts} 栏待补事实</span>` : ''}</dd>
        </dl>
        <div class="row">
          <button class="btn" data-testid="assist-export-docx" @click=${() => this._export('docx')}>导出 DOCX</button>
          <button class="btn" data-testid="assist-export-pdf" ?disabled=${!f.pdf} @click=${() => this._export('pdf')}>导出 PDF</button>
        </div>
        ${f.pdf ? '' : html`<p class="muted">本服务器未安装 LibreOffice，暂不能导出 PDF。</p>`}
        ${this._staleNote(f)}
        <p class="muted">导出的是企业此刻的申报书，与企业自己导出的文件相同；缺少的事实以占位符标出。</p>
      </div>`;
  }

  /**
   * The note the enterprise's own export carries when sections it edited are behind the facts given since, and the
   * figures the file prints otherwise than written: the file cannot say so itself. As the last export sent it, else as
   * the view was read.
   */
  private _staleNote(f: SessionFormSummary) {
    const warning = this._exported ? this._exported.warning : (f.stale?.warning ?? '');
    const figures = this._exported?.figures ?? [];
    if (!warning && !figures.length) return nothing;
    return html`<div class="warn" data-testid="assist-form-stale">
      <strong>${A.staleLead}</strong>
      ${warning ? html`<p>${warning}</p>` : nothing}
      ${figures.map((x) => html`<p>${x}</p>`)}
    </div>`;
  }

  private async _export(format: 'docx' | 'pdf') {
    this._error = '';
    try {
      this._exported = staleOf(await download(`/api/staff/assist/${encodeURIComponent(this._viewId)}/export.${format}`, `application.${format}`)) ?? { warning: '', sections: [] };
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  private async _handOver(e: Event) {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#colleague')!;
    this._error = '';
    this._notice = '';
    try {
      const r = await call<{ to: string; expiresAt: string }>('POST', `/api/staff/assist/${encodeURIComponent(this._viewId)}/handover`, { to: input.value.trim() });
      this._notice = `已转交给 ${r.to}，对方可在「正在查看的企业会话」中打开，至 ${beijingTime(r.expiresAt)}（${TIME_ZONE_LABEL}）。`;
      this._viewId = '';
      this._until = '';
      this._view = null;
      await this._loadOpen();
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  private async _claim(e: Event) {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#code')!;
    this._error = '';
    this._notice = '';
    // Full-width digits (「６０９７９４」) and spaces are normalised as the server does; the browser's own
    // pattern check would refuse them in English.
    const code = input.value.normalize('NFKC').replace(/[\s-]+/gu, '');
    if (!/^\d{6}$/u.test(code)) {
      this._error = code ? '协助码为 6 位数字，请核对后重新输入' : '请输入企业告诉您的 6 位协助码';
      return;
    }
    try {
      const r = await call<{ viewId: string; expiresAt: string }>('POST', '/api/staff/assist/claim', { code });
      this._viewId = r.viewId;
      this._until = r.expiresAt;
      input.value = '';
      await this._refresh();
      await this._loadOpen();
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  private async _refresh() {
    if (!this._viewId) return;
    // The view read again says what an export would carry now; the last export's note was of the file it sent.
    this._exported = null;
    try {
      this._view = await call<AssistView>('GET', `/api/staff/assist/${encodeURIComponent(this._viewId)}`);
    } catch (err) {
      this._view = null;
      this._error = (err as Error).message;
      // An ended view (revoked or expired) leaves the list.
      await this._loadOpen();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-assist': ZzConsoleAssist;
  }
}
