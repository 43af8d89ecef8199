import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, copyText, type Answer } from '../api';
import { fill, words } from '../../lib/messages';

const W = words.console.ask;

interface Recent {
  recent: string[];
  frequent: { question: string; count: number }[];
}

/** Ask: the same cited answers the enterprise gets, with a copy button for a phone reply or a letter. */
@customElement('zz-console-ask')
export class ZzConsoleAsk extends LitElement {
  static styles = [
    controls,
    consoleStyles,
    css`
      :host {
        display: block;
      }
      /* The example in the box is short enough for a phone's box beside the button; a narrower screen puts the button below. */
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--zz-space-2);
      }
      form input {
        flex: 1 1 12em;
        min-width: 0;
      }
      form .btn {
        flex: none;
        white-space: nowrap;
      }
      .answer {
        white-space: pre-wrap;
        line-height: var(--zz-line-height);
      }
      ol {
        padding-left: 1.4em;
      }
      blockquote {
        margin: var(--zz-space-1) 0 0;
        color: var(--zz-color-muted);
        font-size: var(--zz-font-size-sm);
      }
      /* A question is read whole: a long one wraps inside its chip rather than being cut off at the screen's edge. */
      .picks .chip {
        max-width: 100%;
        white-space: normal;
        overflow-wrap: anywhere;
        text-align: start;
        justify-content: flex-start;
        line-height: var(--zz-line-height);
        padding-block: var(--zz-space-1);
        border-radius: var(--zz-radius);
      }
    `,
  ];

  @state() private _answer: (Answer & { question: string }) | null = null;
  @state() private _error = '';
  @state() private _busy = false;
  @state() private _copied = false;
  @state() private _recent: Recent = { recent: [], frequent: [] };

  connectedCallback(): void {
    super.connectedCallback();
    void this._loadRecent();
  }

  private async _loadRecent() {
    try {
      this._recent = await call<Recent>('GET', '/api/staff/ask/recent');
    } catch {
      /* the quick picks are a convenience; asking still works */
    }
  }

  render() {
    const a = this._answer;
    return html`
      <div class="card">
        <h2>${W.heading}</h2>
        <form @submit=${this._submit} novalidate>
          <input id="q" type="text" name="question" placeholder=${W.placeholder} maxlength="2000" required aria-required="true" aria-label=${W.label} />
          <button class="btn primary" type="submit" ?disabled=${this._busy}>${this._busy ? W.busy : W.submit}</button>
        </form>
        ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
      </div>
      ${a
        ? html`<div class="card" data-testid="answer">
            <div class="row">
              <h2 class="grow">${W.answer}</h2>
              ${a.outOfScope ? html`<span class="tag unmet">${W.outOfScope}</span>` : html`<span class="tag">${fill(W.confidence, { percent: Math.round(a.confidence * 100) })}</span>`}
              <button class="btn" data-testid="copy" @click=${this._copy}>${this._copied ? W.copied : W.copy}</button>
            </div>
            <p class="answer">${a.answer}</p>
            ${a.citations.length
              ? html`<h2>${W.basis}</h2>
                  <ol>
                    ${a.citations.map(
                      // The answer already quotes most of its clauses: a quote is shown once, where it first appears.
                      (c) => html`<li><strong>${c.clause}</strong> ${c.title}${a.answer.includes(c.quote) ? '' : html`<blockquote>${fill(W.quote, { quote: c.quote })}</blockquote>`}</li>`,
                    )}
                  </ol>`
              : ''}
          </div>`
        : ''}
      <div class="card picks">
        <h2>${W.frequent}</h2>
        <div class="row">
          ${this._recent.frequent.length ? this._recent.frequent.map((f) => html`<button class="chip" @click=${() => this._ask(f.question)} title=${fill(W.times, { count: f.count })}>${f.question}</button>`) : html`<span class="muted">${W.none}</span>`}
        </div>
        <h2 style="margin-top: var(--zz-space-4)">${W.recent}</h2>
        <div class="row">
          ${this._recent.recent.length ? this._recent.recent.map((q) => html`<button class="chip" @click=${() => this._ask(q)}>${q}</button>`) : html`<span class="muted">${W.none}</span>`}
        </div>
      </div>
    `;
  }

  private _submit(e: Event) {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#q')!;
    // novalidate: an empty box is said in Chinese here, not in the browser's own bubble.
    if (!input.value.trim()) {
      this._error = W.empty;
      input.focus();
      return;
    }
    void this._ask(input.value);
  }

  private async _ask(question: string) {
    const q = question.trim();
    if (!q) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#q');
    if (input) input.value = q;
    this._busy = true;
    this._error = '';
    this._copied = false;
    try {
      this._answer = { ...(await call<Answer>('POST', '/api/staff/ask', { question: q })), question: q };
      void this._loadRecent();
    } catch (err) {
      this._error = (err as Error).message;
    } finally {
      this._busy = false;
    }
  }

  private async _copy() {
    if (!this._answer) return;
    const text = copyText(this._answer);
    try {
      await navigator.clipboard.writeText(text);
      this._copied = true;
    } catch {
      this._error = W.clipboardDenied;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-ask': ZzConsoleAsk;
  }
}
