import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { beijingTime, TIME_ZONE_LABEL } from '../time';
import { call, download } from '../api';
import { fill, words } from '../../lib/messages';
import type { QuestionLogEntry, QuestionLogPage, QuestionLogQuery, QuestionSource } from '../../../server/staff/schemas';

const W = words.console.log;

/** Where the next page starts: the last question shown. */
interface Cursor {
  before: string;
  beforeId: string;
}

/** The results the log can be narrowed to, as the server's `result` filter names them; '' lists every result. */
type ResultFilter = '' | NonNullable<QuestionLogQuery['result']>;

const RESULT_FILTERS: [ResultFilter, string][] = [
  ['', W.all],
  ['unanswered', W.unansweredOnly],
  ['notCovered', W.notCoveredOnly],
];

/** The question log, newest first: what was asked, what was answered, what it rested on, and how the asker rated it. */
@customElement('zz-console-log')
export class ZzConsoleLog extends LitElement {
  static styles = [controls, consoleStyles, css`
    :host {
      display: block;
    }
    td.q {
      min-width: 14em;
    }
    td.q details {
      flex: 1;
      min-width: 0;
    }
    td.q summary {
      align-items: baseline;
      padding: var(--zz-space-2) 0;
    }
    .answer {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: var(--zz-space-1) 0 var(--zz-space-2);
      padding: var(--zz-space-2) var(--zz-space-3);
      background: var(--zz-color-unknown-soft);
      border-radius: var(--zz-radius);
    }
    /* An entry is named by its standard question, a sentence: it wraps rather than widening the table. */
    .basis {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: var(--zz-space-1);
    }
    .tag.entry {
      white-space: normal;
      overflow-wrap: anywhere;
    }
    /*
     * The search box takes the room it can on a desktop and the whole line on a phone. It is never narrower than
     * its placeholder: a hint cut off mid-example tells the reader less than none.
     */
    /* The title is short: it asks no more room than its words, so the box and the filters share its line on a desktop. */
    h2.grow {
      flex-basis: auto;
    }
    form.search {
      flex: 1 1 20em;
      flex-wrap: nowrap;
    }
    form.search input {
      flex: 1;
      min-width: 15em;
    }
    .pager {
      justify-content: space-between;
      margin-top: var(--zz-space-3);
    }
  `];

  @state() private _items: QuestionLogEntry[] = [];
  /** The standard question of each entry the page's answers rest on, by knowledge version and entry id. */
  @state() private _entryQuestions: QuestionLogPage['entryQuestions'] = {};
  @state() private _total = 0;
  /** Whether a page follows this one: asked of the server (one row more than a page), not worked out from the total, which grows as questions come in. */
  @state() private _more = false;
  @state() private _retention = 0;
  /** Each source and rating as the knowledge version names it; the export writes the same words. */
  @state() private _sources: Partial<Record<QuestionSource, string>> = {};
  @state() private _feedback: QuestionLogPage['feedback'] | null = null;
  /**
   * Which results are listed: all, the questions 未能回答 (and replies 未读懂), or the deliberate 通知未涉及 refusals an
   * answer entry gave. The two are apart as the rows are tagged, so each is one choice, not a box each.
   */
  @state() private _resultFilter: ResultFilter = '';
  @state() private _source: QuestionSource | '' = '';
  /** Words searched for in the questions and answers: a caller's question is found by what it said. */
  @state() private _text = '';
  @state() private _error = '';
  /** Where each page shown so far starts; the last one is the page on screen (the first page has none). */
  @state() private _pages: (Cursor | null)[] = [null];

  /** Rows a page: up to 200 questions at once made a phone scroll through thousands of pixels of cards. */
  static readonly PAGE_SIZE = 25;

  connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private get _filter(): URLSearchParams {
    const q = new URLSearchParams();
    // 未能回答 as the rows are tagged: a refusal a 通知未涉及 entry gave answered, and is tagged and listed apart.
    if (this._resultFilter) q.set('result', this._resultFilter);
    if (this._source) q.set('source', this._source);
    if (this._text.trim()) q.set('q', this._text.trim());
    return q;
  }

  /** Loads one page from the server; the log holds more questions than a page, and the server pages it. */
  private async _load(pages: (Cursor | null)[] = [null]) {
    const q = this._filter;
    q.set('limit', String(ZzConsoleLog.PAGE_SIZE + 1));
    const at = pages.at(-1);
    if (at) {
      q.set('before', at.before);
      q.set('beforeId', at.beforeId);
    }
    try {
      const r = await call<QuestionLogPage>('GET', `/api/staff/questions?${q}`);
      this._items = r.items.slice(0, ZzConsoleLog.PAGE_SIZE);
      this._entryQuestions = r.entryQuestions;
      this._more = r.items.length > ZzConsoleLog.PAGE_SIZE;
      this._total = r.total;
      this._retention = r.retentionDays;
      this._sources = r.sources;
      this._feedback = r.feedback;
      this._pages = pages;
      this._error = '';
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  private async _go(pages: (Cursor | null)[]) {
    await this._load(pages);
    this.scrollIntoView({ block: 'start' });
  }

  private _export() {
    const q = this._filter.toString();
    download(`/api/staff/questions.csv${q ? `?${q}` : ''}`, W.csvFile).catch((err: Error) => (this._error = err.message));
  }

  render() {
    const c = W.columns;
    const at = fill(c.at, { zone: TIME_ZONE_LABEL });
    return html`<div class="card">
      <div class="row">
        <h2 class="grow">${W.title}</h2>
        <form class="row search" role="search" style="margin:0" @submit=${(e: Event) => { e.preventDefault(); this._text = (this.renderRoot.querySelector<HTMLInputElement>('#search')!).value; void this._load(); }}>
          <input id="search" type="search" maxlength="100" placeholder=${W.searchPlaceholder} aria-label=${W.searchLabel} .value=${this._text} />
          <button class="btn" type="submit">${W.search}</button>
        </form>
        <label class="row" style="margin:0">${W.source}
          <select aria-label=${W.source} @change=${(e: Event) => { this._source = (e.target as HTMLSelectElement).value as QuestionSource | ''; void this._load(); }}>
            <option value="" ?selected=${!this._source}>${W.all}</option>
            ${(Object.entries(this._sources) as [QuestionSource, string][]).map(([v, label]) => html`<option value=${v} ?selected=${this._source === v}>${label}</option>`)}
          </select>
        </label>
        <label class="row" style="margin:0">${W.result}
          <select aria-label=${W.result} data-testid="result-filter" @change=${(e: Event) => { this._resultFilter = (e.target as HTMLSelectElement).value as ResultFilter; void this._load(); }}>
            ${RESULT_FILTERS.map(([v, label]) => html`<option value=${v} ?selected=${this._resultFilter === v}>${label}</option>`)}
          </select>
        </label>
        <button class="btn" @click=${() => this._load()}>${W.refresh}</button>
        <button class="btn" @click=${() => this._export()}>${W.exportCsv}</button>
      </div>
      <p class="muted">${fill(W.note, { days: this._retention })}</p>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
      <div class="table-wrap">
        <table class="stack">
          <thead><tr><th>${at}</th><th>${c.source}</th><th>${c.questionAndAnswer}</th><th>${c.basis}</th><th>${c.knowledgeVersion}</th><th>${c.confidence}</th><th>${c.result}</th><th>${c.feedback}</th></tr></thead>
          <tbody>
            ${this._items.map(
              (q) => html`<tr data-id=${q.id}>
                <td data-label=${at} class="nowrap">${beijingTime(q.at)}</td>
                <td data-label=${c.source} class="nowrap">${this._sources[q.source] ?? ''}</td>
                <td data-label=${c.question} class="q">
                  <details>
                    <summary>${q.question}</summary>
                    <p class="answer">${q.answer}</p>
                  </details>
                </td>
                <td data-label=${c.basis}><div class="basis">${q.entries.map((e) => this._entry(q, e))}<span>${q.clauses.length ? fill(W.clauses, { clauses: q.clauses.join('、') }) : q.entries.length ? '' : '—'}</span></div></td>
                <td data-label=${c.knowledgeVersion} class="nowrap">${q.knowledgeVersion}</td>
                <td data-label=${c.confidence}>${this._confidence(q)}</td>
                <td data-label=${c.result}>${this._result(q)}</td>
                <td data-label=${c.feedback}>${q.feedback && this._feedback ? this._feedback[q.feedback] : ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this._items.length ? this._pager() : html`<p class="muted">${this._text.trim() ? fill(W.noMatch, { text: this._text.trim() }) : W.empty}</p>`}
    </div>`;
  }

  /**
   * An interview reply the rules did not read is no question: it is 未读懂, apart from the questions 未能回答, as the
   * dashboard counts it apart from them.
   */
  private _result(q: QuestionLogEntry) {
    if (q.source === 'interview') return html`<span class="tag partial" title=${W.misreadTitle}>${W.misread}</span>`;
    // A refusal that rests on an answer entry was that entry's answer: the notice leaves the topic out, and the asker
    // was told whom to call. It is not a question the assistant failed to answer.
    const result = !q.refused
      ? html`<span class="tag met">${W.answered}</span>`
      : q.entries.length
        ? html`<span class="tag partial" title=${W.notCoveredTitle}>${W.notCovered}</span>`
        : html`<span class="tag unmet">${W.refused}</span>`;
    return q.reviewEntry ? html`${result} ${this._reviewed(q, q.reviewEntry)}` : result;
  }

  /** What staff answered the question with from the review queue, named as its entry is named. */
  private _reviewed(q: QuestionLogEntry, id: string) {
    const question = this._entryQuestions[q.knowledgeVersion]?.[id];
    return html`<span class="tag met entry" data-testid="reviewed-into" title=${fill(W.reviewedIntoTitle, { id })}>${question ? fill(W.reviewedInto, { question }) : W.entryWithdrawn}</span>`;
  }

  /**
   * A refusal answered nothing, so the score of the entry it fell short of is no confidence in an
   * answer: it shows as 「—」, and the 结果 column says it was not answered. Nor has a reply not read. A refusal an
   * entry gave (通知未涉及) was matched to that entry, and shows how surely.
   */
  private _confidence(q: QuestionLogEntry) {
    if (q.source === 'interview') return html`<span class="muted" title=${W.misreadNoConfidenceTitle} aria-label=${W.misreadNoConfidence}>—</span>`;
    return q.refused && !q.entries.length ? html`<span class="muted" title=${W.noConfidenceTitle} aria-label=${W.noConfidence}>—</span>` : `${Math.round(q.confidence * 100)}%`;
  }

  /** An answer entry named by the question it answers; its id stays in the tooltip, for telling two alike apart. */
  private _entry(q: QuestionLogEntry, id: string) {
    const question = this._entryQuestions[q.knowledgeVersion]?.[id];
    return html`<span class="tag entry" data-testid="entry" title=${fill(W.entryTitle, { id })}>${question ? fill(W.entry, { question }) : W.entryWithdrawn}</span>`;
  }

  private _pager() {
    const index = this._pages.length - 1;
    const from = index * ZzConsoleLog.PAGE_SIZE + 1;
    const to = from + this._items.length - 1;
    const more = this._more;
    if (index === 0 && !more) return html`<p class="muted pager">${fill(W.total, { total: this._total })}</p>`;
    const last = this._items.at(-1)!;
    return html`<nav class="row pager" aria-label=${W.pages}>
      <button class="btn" ?disabled=${index === 0} @click=${() => this._go(this._pages.slice(0, -1))}>${W.previous}</button>
      <span class="muted" aria-live="polite">${fill(W.range, { from, to, total: this._total })}</span>
      <button class="btn" ?disabled=${!more} @click=${() => this._go([...this._pages, { before: last.at, beforeId: last.id }])}>${W.next}</button>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-log': ZzConsoleLog;
  }
}
