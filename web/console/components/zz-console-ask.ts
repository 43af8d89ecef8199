import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, copyText, type Answer } from '../api';

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
      form {
        display: flex;
        gap: var(--zz-space-2);
      }
      form input {
        flex: 1 1 auto;
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
      .picks .chip {
        max-width: 100%;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
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
        <h2>政策问答</h2>
        <form @submit=${this._submit}>
          <input id="q" type="text" name="question" placeholder="输入企业的问题，如：洛阳市能推荐几家？" maxlength="2000" required aria-label="问题" />
          <button class="btn primary" type="submit" ?disabled=${this._busy}>${this._busy ? '查询中…' : '提问'}</button>
        </form>
        ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
      </div>
      ${a
        ? html`<div class="card" data-testid="answer">
            <div class="row">
              <h2 class="grow">答复</h2>
              ${a.outOfScope ? html`<span class="tag unmet">通知未涉及</span>` : html`<span class="tag">置信度 ${Math.round(a.confidence * 100)}%</span>`}
              <button class="btn" data-testid="copy" @click=${this._copy}>${this._copied ? '已复制' : '复制结论和条款'}</button>
            </div>
            <p class="answer">${a.answer}</p>
            ${a.citations.length
              ? html`<h2>依据</h2>
                  <ol>
                    ${a.citations.map(
                      // The answer already quotes most of its clauses: a quote is shown once, where it first appears.
                      (c) => html`<li><strong>${c.clause}</strong> ${c.title}${a.answer.includes(c.quote) ? '' : html`<blockquote>“${c.quote}”</blockquote>`}</li>`,
                    )}
                  </ol>`
              : ''}
          </div>`
        : ''}
      <div class="card picks">
        <h2>常见问题</h2>
        <div class="row">
          ${this._recent.frequent.length ? this._recent.frequent.map((f) => html`<button class="chip" @click=${() => this._ask(f.question)} title=${`${f.count} 次`}>${f.question}</button>`) : html`<span class="muted">暂无</span>`}
        </div>
        <h2 style="margin-top: var(--zz-space-4)">最近提问</h2>
        <div class="row">
          ${this._recent.recent.length ? this._recent.recent.map((q) => html`<button class="chip" @click=${() => this._ask(q)}>${q}</button>`) : html`<span class="muted">暂无</span>`}
        </div>
      </div>
    `;
  }

  private _submit(e: Event) {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#q')!;
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
      this._error = '浏览器不允许写入剪贴板，请手动选中答复复制。';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-ask': ZzConsoleAsk;
  }
}
