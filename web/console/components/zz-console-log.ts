import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, download } from '../api';

interface LogEntry {
  id: string;
  at: string;
  source: 'api' | 'chat' | 'cli' | 'console';
  question: string;
  answer: string;
  clauses: string[];
  entry: string | null;
  confidence: number;
  refused: boolean;
  feedback: 'up' | 'down' | null;
}

const SOURCE: Record<LogEntry['source'], string> = { api: '接口', chat: '对话', cli: '命令行', console: '工作台' };

function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The question log, newest first: what was asked, what the answer rested on, and how the asker rated it. */
@customElement('zz-console-log')
export class ZzConsoleLog extends LitElement {
  static styles = [controls, consoleStyles, css`
    :host {
      display: block;
    }
    td.q {
      min-width: 14em;
    }
    .pager {
      justify-content: space-between;
      margin-top: var(--zz-space-3);
    }
  `];

  @state() private _items: LogEntry[] = [];
  @state() private _retention = 0;
  @state() private _refusedOnly = false;
  @state() private _error = '';
  /** Zero-based page of the log shown. */
  @state() private _page = 0;

  /** Rows a page: up to 200 questions at once made a phone scroll through thousands of pixels of cards. */
  static readonly PAGE_SIZE = 25;

  connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load() {
    try {
      const r = await call<{ items: LogEntry[]; retentionDays: number }>('GET', `/api/staff/questions?limit=200${this._refusedOnly ? '&refused=true' : ''}`);
      this._items = r.items;
      this._page = 0;
      this._retention = r.retentionDays;
      this._error = '';
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  render() {
    return html`<div class="card">
      <div class="row">
        <h2 class="grow">问题记录</h2>
        <label class="row" style="margin:0"><input type="checkbox" .checked=${this._refusedOnly} @change=${(e: Event) => { this._refusedOnly = (e.target as HTMLInputElement).checked; void this._load(); }} /> 只看未能回答的</label>
        <button class="btn" @click=${() => this._load()}>刷新</button>
        <button class="btn" @click=${() => download(`/api/staff/questions.csv${this._refusedOnly ? '?refused=true' : ''}`, '问题记录.csv').catch((err: Error) => (this._error = err.message))}>导出 CSV</button>
      </div>
      <p class="muted">手机号、身份证号已打码。记录保留 ${this._retention} 天。</p>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
      <div class="table-wrap">
        <table class="stack">
          <thead><tr><th>时间</th><th>来源</th><th>问题</th><th>依据</th><th>置信度</th><th>结果</th><th>评价</th></tr></thead>
          <tbody>
            ${this._items.slice(this._page * ZzConsoleLog.PAGE_SIZE, (this._page + 1) * ZzConsoleLog.PAGE_SIZE).map(
              (q) => html`<tr>
                <td data-label="时间">${when(q.at)}</td>
                <td data-label="来源">${SOURCE[q.source]}</td>
                <td data-label="问题" class="q" title=${q.answer}>${q.question}</td>
                <td data-label="依据">${q.entry ? html`<span class="tag">${q.entry}</span> ` : ''}${q.clauses.join('、') || '—'}</td>
                <td data-label="置信度">${Math.round(q.confidence * 100)}%</td>
                <td data-label="结果">${q.refused ? html`<span class="tag unmet">未能回答</span>` : html`<span class="tag met">已回答</span>`}</td>
                <td data-label="评价">${q.feedback === 'up' ? '有帮助' : q.feedback === 'down' ? '没有帮助' : ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this._items.length ? this._pager() : html`<p class="muted">暂无记录</p>`}
    </div>`;
  }

  private _pager() {
    const pages = Math.ceil(this._items.length / ZzConsoleLog.PAGE_SIZE);
    if (pages <= 1) return '';
    const go = (p: number) => {
      this._page = p;
      this.scrollIntoView({ block: 'start' });
    };
    const from = this._page * ZzConsoleLog.PAGE_SIZE + 1;
    const to = Math.min(this._items.length, from + ZzConsoleLog.PAGE_SIZE - 1);
    return html`<nav class="row pager" aria-label="翻页">
      <button class="btn" ?disabled=${this._page === 0} @click=${() => go(this._page - 1)}>上一页</button>
      <span class="muted" aria-live="polite">第 ${from}–${to} 条，共 ${this._items.length} 条</span>
      <button class="btn" ?disabled=${this._page >= pages - 1} @click=${() => go(this._page + 1)}>下一页</button>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-log': ZzConsoleLog;
  }
}
