import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controls } from './shared-styles';
import { emit } from '../lib/events';
import type { SessionEntry } from '../lib/session-link';
import { fill, words } from '../lib/messages';

const W = words.welcome;

/** The first screen: the two ways in, and the sessions this browser can reopen. */
@customElement('zz-welcome')
export class ZzWelcome extends LitElement {
  static styles = [
    controls,
    css`
      :host {
        display: block;
        padding: var(--zz-space-5) var(--zz-space-4);
      }
      .hero {
        max-width: 640px;
        margin: 0 auto;
        text-align: center;
      }
      h2 {
        font-size: 24px;
        line-height: 1.35;
        /* On a phone the title takes two lines: balanced, rather than 「助手」 alone on the second. */
        text-wrap: balance;
        margin: var(--zz-space-4) 0 var(--zz-space-2);
      }
      p {
        color: var(--zz-color-muted);
        margin: 0 0 var(--zz-space-5);
      }
      .entries {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
        gap: var(--zz-space-3);
      }
      .entry {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: var(--zz-space-1);
        padding: var(--zz-space-4) var(--zz-space-5);
        min-height: 96px;
        border-radius: var(--zz-radius-lg);
        text-align: left;
        border: 1px solid var(--zz-color-border);
        background: var(--zz-color-surface);
        box-shadow: var(--zz-shadow);
        cursor: pointer;
      }
      .entry:hover {
        border-color: var(--zz-color-primary);
      }
      .entry strong {
        font-size: 20px;
        color: var(--zz-color-primary);
      }
      .entry span {
        color: var(--zz-color-muted);
        font-size: var(--zz-font-size-sm);
      }
      .entry.primary {
        background: var(--zz-color-primary);
        border-color: var(--zz-color-primary);
      }
      .entry.primary strong,
      .entry.primary span {
        color: var(--zz-color-on-primary);
      }
      .entry.primary:hover {
        background: var(--zz-color-primary-hover);
      }
      .mine {
        margin-top: var(--zz-space-5);
        text-align: left;
      }
      .mine h3 {
        font-size: var(--zz-font-size);
        margin: 0 0 var(--zz-space-2);
      }
      .mine ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .mine li {
        display: flex;
        align-items: center;
        gap: var(--zz-space-2);
        padding: var(--zz-space-2) 0;
        border-bottom: 1px solid var(--zz-color-border);
      }
      .mine .what {
        flex: 1;
        min-width: 0;
        display: flex;
        flex-direction: column;
        overflow-wrap: anywhere;
      }
      .mine .what span {
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-muted);
      }
      .note {
        margin-top: var(--zz-space-5);
        font-size: var(--zz-font-size-sm);
      }
    `,
  ];

  /** Disables the entries while a session is being opened. */
  @property({ type: Boolean }) busy = false;
  /** Sessions this browser keeps a link to, newest first. */
  @property({ attribute: false }) sessions: readonly SessionEntry[] = [];
  /** The notice new sessions start on, named by the server's current knowledge version. */
  @state() private _notice: Current | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    // The note is a courtesy: without it (offline, an old server) the page works the same.
    fetch('/api/knowledge/current')
      .then((r) => (r.ok ? r.json() : null))
      .then((k: Current | null) => (this._notice = k))
      .catch(() => {});
  }

  private get _sessions() {
    if (!this.sessions.length) return nothing;
    return html`<section class="mine" aria-labelledby="mine-h">
      <h3 id="mine-h">${W.mine}</h3>
      <ul>
        ${this.sessions.map(
          (s) => html`<li data-session=${s.sessionId}>
            <div class="what">
              <strong>${s.company ?? W.noCompany}</strong>
              <span>${fill(W.sessionLine, { category: s.category ?? W.noCategory, at: new Date(s.updatedAt).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short' }) })}</span>
            </div>
            <button class="btn" type="button" ?disabled=${this.busy} @click=${() => emit(this, 'zz-open-session', { sessionId: s.sessionId })}>${W.resume}</button>
            <button class="btn ghost" type="button" ?disabled=${this.busy} @click=${() => emit(this, 'zz-delete-session', { sessionId: s.sessionId })}>${W.delete}</button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  /** The form's size as the server counts it from the form's data; without it (offline, an old server) no figure is given. */
  private get _formSize(): string {
    return sizeOf(this._notice?.formFields, W.formSize, W.formSizeRange);
  }

  /** The assessment's length as the server's interview plan counts it; likewise no figure without it. */
  private get _interviewSize(): string {
    return sizeOf(this._notice?.interviewQuestions, W.interviewSize, W.interviewSizeRange);
  }

  render() {
    return html`<div class="hero">
      <h2>${W.heading}</h2>
      <p>${fill(W.intro, { size: this._formSize, count: this._interviewSize })}</p>
      <div class="entries">
        <button class="entry primary" type="button" ?disabled=${this.busy} @click=${() => emit(this, 'zz-start', { mode: 'interview' })}>
          <strong>${W.apply}</strong>
          <span>${W.applyNote}</span>
        </button>
        <button class="entry" type="button" ?disabled=${this.busy} @click=${() => emit(this, 'zz-start', { mode: 'qa' })}>
          <strong>${W.qa}</strong>
          <span>${W.qaNote}</span>
        </button>
      </div>
      ${this._sessions}
      ${this._notice ? html`<p class="note">${fill(W.basis, { issuer: this._notice.issuer, title: this._notice.shortTitle })}</p>` : nothing}
    </div>`;
  }
}

/** The notice new sessions start on, as /api/knowledge/current gives it. */
interface Current {
  issuer: string;
  shortTitle: string;
  formFields?: Range;
  interviewQuestions?: Range;
}

type Range = { min: number; max: number };

function sizeOf(r: Range | undefined, one: string, range: string): string {
  if (!r) return '';
  return r.min === r.max ? fill(one, { n: r.min }) : fill(range, { min: r.min, max: r.max });
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-welcome': ZzWelcome;
  }
}
