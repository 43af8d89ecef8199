import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Assessment } from '../../server/schemas/profile';
import { controls } from './shared-styles';
import { apiJson } from '../lib/api';
import type { SessionRef } from '../lib/session-link';
import { fill, words } from '../lib/messages';

const W = words.helpActions;

interface AssistCode {
  code: string;
  expiresAt: string;
  helpline: { unit: string; phone: string };
}

interface AssistState {
  pendingCodeExpiresAt: string | null;
  viewers: { username: string; since: string; until: string }[];
  /** Views that ended by themselves in the last week. */
  expired?: { username: string; since: string; until: string }[];
}

interface SubmitState {
  submission: { region: string; submittedAt: string } | null;
  regions: string[];
  suggested: string | null;
  /** The region `warning` is about: the one asked for with ?region=, else the one submitted to. */
  region?: string;
  /** Why that region's bureau does not cover the location the enterprise gave; null when it does. */
  warning?: string | null;
}

/** While a code waits or a helpline member is viewing, the page asks who is viewing this often. */
const POLL_MS = 10_000;

const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
const dateTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * The enterprise's two ways to reach staff: 「请热线协助」 gives a one-time code to read out to the
 * helpline, who may then view this session read-only (the enterprise sees who and can end it);
 * 「提交给所在地工信部门初审」 hands a complete, eligible assessment to the bureau of its region.
 */
@customElement('zz-help-actions')
export class ZzHelpActions extends LitElement {
  static styles = [
    controls,
    css`
      :host {
        display: block;
        margin-top: var(--zz-space-4);
      }
      section {
        border-top: 1px solid var(--zz-color-border);
        padding-top: var(--zz-space-3);
        margin-top: var(--zz-space-3);
      }
      h3 {
        font-size: var(--zz-font-size);
        margin: 0 0 var(--zz-space-2);
      }
      .code {
        font-size: 28px;
        font-weight: 700;
        letter-spacing: 0.2em;
        font-variant-numeric: tabular-nums;
      }
      .muted {
        color: var(--zz-color-muted);
        font-size: var(--zz-font-size-sm);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--zz-space-2);
        align-items: center;
      }
      select {
        min-height: var(--zz-tap);
        padding: 0 var(--zz-space-2);
        border: 1px solid var(--zz-color-border);
        border-radius: var(--zz-radius);
        background: var(--zz-color-surface);
        max-width: 100%;
      }
      .error {
        color: var(--zz-color-unmet);
      }
      .warn {
        border-left: 3px solid var(--zz-color-partial);
        padding: var(--zz-space-1) var(--zz-space-2);
        margin: var(--zz-space-2) 0 0;
      }
      .viewing {
        color: var(--zz-color-partial);
      }
      .confirm {
        border: 1px solid var(--zz-color-partial);
        border-radius: var(--zz-radius);
        padding: var(--zz-space-2) var(--zz-space-3);
      }
      .confirm p {
        margin: 0 0 var(--zz-space-2);
      }
    `,
  ];

  /** The open session; nothing is shown without one. */
  @property({ attribute: false }) session: SessionRef | null = null;
  /** The latest assessment; the bureau button appears once it is complete and eligible. */
  @property({ attribute: false }) assessment: Assessment | null = null;

  @state() private _code: AssistCode | null = null;
  @state() private _assist: AssistState | null = null;
  @state() private _submit: SubmitState | null = null;
  @state() private _region = '';
  /** The out-of-area warning for the region chosen, said while choosing, before anything is sent. */
  @state() private _areaWarning: { region: string; text: string } | null = null;
  /** The region the enterprise is asked to confirm sending to: a tap on 提交 sends nothing by itself. */
  @state() private _confirming: string | null = null;
  @state() private _busy = false;
  @state() private _error = '';
  private _timer: ReturnType<typeof setInterval> | undefined;
  private _loadedFor = '';
  /**
   * Counts the reads of the help state: only the latest one's answer is shown. A read sent before a code was given
   * (the one at page load) may come back after it, and would otherwise take the new code away.
   */
  private _assistRead = 0;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stopPolling();
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('session') && this.session?.sessionId !== this._loadedFor) {
      this._loadedFor = this.session?.sessionId ?? '';
      this._code = null;
      this._assist = null;
      this._submit = null;
      this._stopPolling();
      if (this.session) void this._refreshAssist();
    }
    if (this._complete && this.session && !this._submit) void this._loadSubmit();
  }

  /** Complete (not waiting on answers) and eligible: what the bureau can review. */
  private get _complete(): boolean {
    const a = this.assessment;
    return Boolean(a && a.eligible && a.verdict !== 'incomplete' && a.category.recommended);
  }

  private _url(suffix: string): string {
    return `/api/sessions/${encodeURIComponent(this.session!.sessionId)}/${suffix}`;
  }

  private async _askHelp() {
    if (!this.session) return;
    this._busy = true;
    this._error = '';
    try {
      this._code = await apiJson<AssistCode>(this._url('assist'), { token: this.session.token, body: {} });
      await this._refreshAssist();
    } catch (err) {
      this._error = (err as Error).message;
    } finally {
      this._busy = false;
    }
  }

  private async _refreshAssist() {
    if (!this.session) return;
    const read = ++this._assistRead;
    try {
      const s = await apiJson<AssistState>(this._url('assist'), { token: this.session.token });
      if (read !== this._assistRead) return;
      this._assist = s;
      if (!s.pendingCodeExpiresAt && this._code) this._code = null;
      if (s.pendingCodeExpiresAt || s.viewers.length) this._startPolling();
      else this._stopPolling();
    } catch {
      /* the state shows again on the next poll or action */
    }
  }

  private async _revoke() {
    if (!this.session) return;
    // A read in flight from before the end would show the ended help again.
    this._assistRead++;
    try {
      this._assist = await apiJson<AssistState>(this._url('assist'), { token: this.session.token, method: 'DELETE' });
      this._code = null;
      this._stopPolling();
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  private _startPolling() {
    this._timer ??= setInterval(() => void this._refreshAssist(), POLL_MS);
  }

  private _stopPolling() {
    if (this._timer) clearInterval(this._timer);
    this._timer = undefined;
  }

  private async _loadSubmit() {
    if (!this.session) return;
    this._submit = { submission: null, regions: [], suggested: null };
    try {
      const s = await apiJson<SubmitState>(this._url('submit'), { token: this.session.token });
      this._submit = s;
      this._region = s.submission?.region ?? s.suggested ?? '';
      await this._checkArea(this._region);
    } catch (err) {
      this._submit = null;
      this._error = (err as Error).message;
    }
  }

  /** Asks whether the bureau of `region` covers the location the enterprise gave; the answer shows under the choice. */
  private async _checkArea(region: string) {
    if (!this.session || !region) {
      this._areaWarning = null;
      return;
    }
    try {
      const s = await apiJson<SubmitState>(`${this._url('submit')}?region=${encodeURIComponent(region)}`, { token: this.session.token });
      // A slower answer for a region no longer chosen says nothing about the one that is.
      if (region === this._region) this._areaWarning = s.warning ? { region, text: s.warning } : null;
    } catch {
      /* the submit answer says it again */
    }
  }

  private _pick(e: Event) {
    this._region = (e.target as HTMLSelectElement).value;
    this._areaWarning = null;
    void this._checkArea(this._region);
  }

  /** The first step: say what sending does and to whom, and wait for 确认提交. */
  private async _ask() {
    if (!this._region) return;
    this._confirming = this._region;
    this._error = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-testid=submit-confirm] p')?.focus();
  }

  private async _cancel() {
    this._confirming = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[data-testid=submit]')?.focus();
  }

  private async _send() {
    const region = this._confirming;
    if (!this.session || !region) return;
    this._busy = true;
    this._error = '';
    try {
      const r = await apiJson<{ region: string; submittedAt: string; warning?: string }>(this._url('submit'), { token: this.session.token, body: { region } });
      this._submit = { ...this._submit!, submission: { region: r.region, submittedAt: r.submittedAt } };
      this._areaWarning = r.warning ? { region: r.region, text: r.warning } : null;
      this._confirming = null;
    } catch (err) {
      this._error = (err as Error).message;
    } finally {
      this._busy = false;
    }
  }

  private get _helpSection() {
    const viewers = this._assist?.viewers ?? [];
    const expired = this._assist?.expired ?? [];
    const code = this._code;
    return html`<section aria-label=${W.help.section}>
      <h3>${W.help.heading}</h3>
      ${code
        ? html`<p>${fill(W.help.readCode, { until: time(code.expiresAt) })}</p>
            <p class="code" data-testid="assist-code">${code.code}</p>
            <p class="muted">${fill(W.help.helpline, { unit: code.helpline.unit, phone: code.helpline.phone })}</p>`
        : nothing}
      ${viewers.length
        ? html`<p class="viewing" role="status" data-testid="assist-viewers">
            ${fill(W.help.viewing, { viewers: viewers.map((v) => fill(W.help.viewer, { name: v.username, until: dateTime(v.until) })).join(words.common.listSep) })}
          </p>`
        : nothing}
      ${expired.length
        ? html`<p class="muted" data-testid="assist-expired">${fill(W.help.expired, { views: expired.map((v) => fill(W.help.expiredView, { name: v.username, until: dateTime(v.until) })).join(W.help.expiredSep) })}</p>`
        : nothing}
      <div class="row">
        <button class="btn" type="button" ?disabled=${this._busy} @click=${this._askHelp}>${code ? W.help.newCode : W.help.ask}</button>
        ${code || viewers.length ? html`<button class="btn ghost" type="button" @click=${this._revoke}>${W.help.end}</button>` : nothing}
      </div>
    </section>`;
  }

  private get _submitSection() {
    if (!this._complete || !this._submit) return nothing;
    const s = this._submit;
    const done = s.submission;
    return html`<section aria-label=${W.submit.section}>
      <h3>${W.submit.heading}</h3>
      <p class="muted">${W.submit.what}</p>
      ${done
        ? html`<p role="status" data-testid="submitted">${fill(W.submit.done, { at: new Date(done.submittedAt).toLocaleString('zh-CN'), region: done.region })}</p>`
        : nothing}
      ${this._confirming ? this._confirmation(this._confirming, done) : html`<div class="row">
        <select aria-label=${W.submit.region} .value=${this._region} @change=${this._pick}>
          <option value="" ?selected=${!this._region}>${W.submit.pickRegion}</option>
          ${s.regions.map((r) => html`<option value=${r} ?selected=${r === this._region}>${r}</option>`)}
        </select>
        <button class="btn primary" type="button" data-testid="submit" ?disabled=${this._busy || !this._region} @click=${this._ask}>${done ? W.submit.again : W.submit.heading}</button>
      </div>`}
      ${this._warningFor(this._confirming ?? this._region)}
    </section>`;
  }

  /** The out-of-area warning of the region shown, if it has one. */
  private _warningFor(region: string) {
    const w = this._areaWarning;
    return w && w.region === region ? html`<p class="warn" role="status" data-testid="area-warning">${w.text}</p>` : nothing;
  }

  /**
   * What sending does, said before it is done: who will see what, and, for a change of region,
   * that the earlier bureau no longer will. 确认提交 sits where 提交 was not, so a double tap does not confirm.
   */
  private _confirmation(region: string, done: SubmitState['submission']) {
    const moving = done && done.region !== region;
    return html`<div class="confirm" role="group" aria-label=${W.submit.confirm} data-testid="submit-confirm">
      <p tabindex="-1"><strong>${fill(W.submit.confirmQuestion, { region })}</strong></p>
      <p class="muted">
        ${fill(W.submit.willSee, { region, then: moving ? fill(W.submit.moving, { region, earlier: done.region }) : done ? W.submit.resubmitNote : '' })}
      </p>
      <div class="row">
        <button class="btn" type="button" data-testid="submit-cancel" ?disabled=${this._busy} @click=${this._cancel}>${W.submit.cancel}</button>
        <button class="btn primary" type="button" data-testid="submit-confirm-button" ?disabled=${this._busy} @click=${this._send}>${W.submit.confirm}</button>
      </div>
    </div>`;
  }

  render() {
    if (!this.session) return nothing;
    return html`${this._submitSection}${this._helpSection}${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-help-actions': ZzHelpActions;
  }
}
