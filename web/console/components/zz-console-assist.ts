import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { firstProblem } from '../form-check';
import { call, download } from '../api';
import type { SessionFormSummary } from '../../../server/routes/forms';
import { beijingTime, beijingTimeSpan, TIME_ZONE_LABEL } from '../time';
import { staleOf } from '../../lib/stale-export';
import { fill, fillParts, words } from '../../lib/messages';
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
  /** Why the hand-over was not made, said in its own card. */
  @state() private _handoverError = '';
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
    this._handoverError = '';
    this._viewId = v.viewId;
    this._until = v.until;
    await this._refresh();
  }

  render() {
    return html`
      <div class="card">
        <h2>${A.heading}</h2>
        <p class="muted">${A.intro}</p>
        <form @submit=${this._claim} novalidate>
          <input id="code" type="text" inputmode="numeric" maxlength="20" autocomplete="off" placeholder=${A.codePlaceholder} aria-label=${A.codeLabel} />
          <button class="btn primary" type="submit">${A.view}</button>
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
      <h2>${A.openHeading}</h2>
      <ul class="views">
        ${this._open.map(
          (v) => html`<li class="row">
            <span class="grow">${v.name ?? A.noName}<br /><span class="muted">${fillParts(A.openSpan, { since: beijingTimeSpan(v.since), until: beijingTimeSpan(v.until), zone: TIME_ZONE_LABEL })}</span></span>
            <button class="btn" aria-current=${v.viewId === this._viewId ? 'true' : 'false'} @click=${() => this._show(v)}>${v.viewId === this._viewId ? A.viewing : A.open}</button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private _viewCard(v: AssistView) {
    return html`<div class="card" data-testid="assist-view">
      <div class="row"><h2 style="flex:1">${A.sessionHeading}</h2><button class="btn" @click=${this._refresh}>${A.refresh}</button></div>
      ${this._until ? html`<p class="muted">${fillParts(A.until, { until: beijingTimeSpan(this._until), zone: TIME_ZONE_LABEL })}</p>` : ''}
      <p>${A.verdict}<span class="tag">${VERDICT[v.assessment.verdict] ?? v.assessment.verdict}</span></p>
      ${v.assessment.blocking?.length ? html`<ul>${v.assessment.blocking.map((b) => html`<li><strong>${b.clause}</strong> ${A.blocking}${b.reason}</li>`)}</ul>` : ''}
      ${v.assessment.pending?.length
        ? html`<p data-testid="hard-pending">${fill(A.hardPending, { items: v.assessment.pending.map((p) => `${p.clause} ${p.title}`).join('、') })}</p>`
        : ''}
      <ul>${v.assessment.conditions.map((c) => html`<li><strong>${c.clause}</strong> ${c.title}：${STATUS[c.status] ?? c.status}</li>`)}</ul>
      ${this._formPart(v.form)}
      <h2>${A.conversation}</h2>
      ${v.transcript.map((m) => html`<div class="msg"><strong>${fill(A.speaker, { who: m.role === 'user' ? A.user : A.assistant })}</strong>${m.text}</div>`)}
    </div>
    <div class="card" data-testid="handover">
      <h2>${A.handoverHeading}</h2>
      <p class="muted">${A.handoverIntro}</p>
      <form @submit=${this._handOver} novalidate>
        <input id="colleague" type="text" maxlength="40" placeholder=${A.colleague} aria-label=${A.colleague} autocomplete="off" required aria-required="true" />
        <button class="btn" type="submit">${A.handover}</button>
      </form>
      ${this._handoverError ? html`<div class="error" role="alert">${this._handoverError}</div>` : ''}
    </div>`;
  }

  /** The form the enterprise is drafting, counted as its own form view counts it, with its file as the enterprise would export it. */
  private _formPart(f: AssistView['form']) {
    if (!f) return html`<h2>${A.formHeading}</h2><p class="muted" data-testid="assist-form">${A.noForm}</p>`;
    return html`<h2>${A.formHeading}</h2>
      <div data-testid="assist-form">
        ${f.ineligible ? html`<p class="warn">${f.ineligible}</p>` : ''}
        <dl class="form">
          <dt>${A.formTitle}</dt>
          <dd data-testid="assist-form-title">${f.attachment} ${f.title}</dd>
          <dt>${A.fields}</dt>
          <dd data-testid="assist-form-counts">${fill(A.fieldCounts, { filled: f.fields.filled, missing: f.fields.missing, skipped: f.fields.skipped })}</dd>
          <dt>${A.sections}</dt>
          <dd>${fill(A.sectionCounts, { total: f.sections.total, edited: f.sections.edited })}${f.sections.missingFacts ? html`，<span class="tag partial">${fill(A.missingFacts, { n: f.sections.missingFacts })}</span>` : ''}</dd>
        </dl>
        <div class="row">
          <button class="btn" data-testid="assist-export-docx" @click=${() => this._export('docx')}>${A.exportDocx}</button>
          <button class="btn" data-testid="assist-export-pdf" ?disabled=${!f.pdf} @click=${() => this._export('pdf')}>${A.exportPdf}</button>
        </div>
        ${f.pdf ? '' : html`<p class="muted">${A.noPdf}</p>`}
        ${this._staleNote(f)}
        <p class="muted">${A.exportNote}</p>
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
    this._handoverError = firstProblem([[input, !input.value.trim() && A.colleagueMissing]]);
    if (this._handoverError) return;
    try {
      const r = await call<{ to: string; expiresAt: string }>('POST', `/api/staff/assist/${encodeURIComponent(this._viewId)}/handover`, { to: input.value.trim() });
      this._notice = fill(A.handedOver, { to: r.to, until: beijingTime(r.expiresAt), zone: TIME_ZONE_LABEL });
      this._viewId = '';
      this._until = '';
      this._view = null;
      await this._loadOpen();
    } catch (err) {
      // Said beside the hand-over form, where the member is looking, not at the top of a long page.
      this._handoverError = (err as Error).message;
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
    this._error = firstProblem([[input, !/^\d{6}$/u.test(code) && (code ? A.codeShape : A.codeMissing)]]);
    if (this._error) return;
    try {
      this._handoverError = '';
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
