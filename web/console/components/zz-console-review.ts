import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { beijingTime, TIME_ZONE_LABEL } from '../time';
import { call, ConsoleError, type Answer } from '../api';
import { fill, words } from '../../lib/messages';
import type { AnswerEntry } from '../../../server/knowledge/schemas/answer-base';
import { entryErrors, fieldLabel } from '../entry-form';
import type { QuestionLogEntry } from '../../../server/staff/schemas';
import type { EntryRevision } from '../../../server/staff/store';

interface QueueItem extends QuestionLogEntry {
  /** The answer-base entry the question comes closest to, if any. */
  nearest: string | null;
  /** The nearest entry's standard question: what staff know it by. */
  nearestQuestion: string | null;
  /**
   * For an interview reply the rules did not read: which interview question it answered and what it is, in the
   * server's words, and the action that fits it. Null for a question.
   */
  interview: { questionId: string; question: string; tag: string; what: string; lexicon: string; lexiconDone: string } | null;
}

interface EntrySummary {
  id: string;
  question: string;
  conclusion: string;
  origin: 'shipped' | 'edited' | 'staff' | 'withdrawn';
  revision: number | null;
  by: string | null;
  at: string | null;
}

/** A knowledge version whose staff answers can be opened: the default, and every served one with staff edits. */
interface AnswerVersion {
  version: string;
  year: number;
  isDefault: boolean;
  edited: boolean;
}

interface EntryDetail {
  id: string;
  knowledgeVersion: string;
  entry: AnswerEntry | null;
  shipped: AnswerEntry | null;
  revisions: EntryRevision[];
}

const W = words.console.review;

/** The conclusion kinds in the order the editor offers them; their words are the messages'. */
const CONCLUSIONS: AnswerEntry['conclusion'][] = ['yes', 'no', 'value', 'list', 'depends', 'open', 'notCovered'];

const FIELD_LABEL: Record<string, string> = W.fields;

/**
 * What a revision did, in words: a revision that replaced the whole entry (`entry`) either brought a new entry
 * (it has one) or withdrew it (it has none), and says which.
 */
export function revisionChanges(r: { entry: unknown; changed: string[] }): string {
  return r.changed.map((c) => (c === 'entry' ? (r.entry ? W.created : W.withdrawn) : (FIELD_LABEL[c] ?? c))).join(words.common.listSep) || '—';
}

const ORIGIN: Record<EntrySummary['origin'], string> = W.origin;


/** A fresh id for an entry written from a question: the answer base's id format, unique enough per office. */
function newId(): string {
  return `staff-${Date.now().toString(36)}`;
}

/**
 * The review queue: refused, unsure and 👎 answers from the log. From an item, staff write a new
 * answer-base entry or fix the nearest one; the server checks the clauses and the verbatim quotes,
 * and the entry answers the next asker at once. Every save is a revision that can be rolled back.
 */
@customElement('zz-console-review')
export class ZzConsoleReview extends LitElement {
  static styles = [
    controls,
    consoleStyles,
    css`
      :host {
        display: block;
      }
      td.q {
        min-width: 12em;
      }
      p.interview-what {
        margin: var(--zz-space-1) 0 0;
        font-size: var(--zz-font-size-sm);
      }
      p[data-testid='queue-news']:empty {
        display: none;
      }
      .field {
        margin-bottom: var(--zz-space-3);
      }
      .quote {
        display: grid;
        grid-template-columns: 9em 1fr auto;
        gap: var(--zz-space-2);
        margin-bottom: var(--zz-space-2);
      }
      @media (max-width: 560px) {
        .quote {
          grid-template-columns: 1fr;
        }
      }
      .answer {
        white-space: pre-wrap;
        line-height: var(--zz-line-height);
      }
      input[aria-invalid='true'],
      textarea[aria-invalid='true'] {
        border-color: var(--zz-color-unmet);
      }
      .refusal {
        margin: var(--zz-space-2) 0 0;
        padding: var(--zz-space-2) var(--zz-space-3);
        border-left: 3px solid var(--zz-color-border);
        background: var(--zz-color-surface);
      }
      .ok-box {
        background: var(--zz-color-met-soft);
        border-radius: var(--zz-radius);
        padding: var(--zz-space-2) var(--zz-space-3);
        margin: var(--zz-space-2) 0;
      }
    `,
  ];

  @state() private _queue: QueueItem[] = [];
  @state() private _entries: EntrySummary[] = [];
  @state() private _versions: AnswerVersion[] = [];
  /** The knowledge version whose staff answers are shown and written; null is the default version. */
  @state() private _version: string | null = null;
  @state() private _error = '';
  /** The entry being edited: the loaded entry (its other fields are kept), the question it answers, its history. */
  @state() private _base: Partial<AnswerEntry> | null = null;
  @state() private _from: QueueItem | null = null;
  @state() private _detail: EntryDetail | null = null;
  @state() private _quotes: { clause: string; find: string }[] = [];
  /** The conclusion picked: 「通知未涉及」 asks for the topic the notice does not cover. */
  @state() private _conclusion: AnswerEntry['conclusion'] = 'yes';
  /** The topic typed for a 「通知未涉及」 entry, read into the refusal shown before saving. */
  @state() private _topic = '';
  /** The refusal a 「通知未涉及」 entry answers with, from the server, {topic} left to fill. */
  @state() private _refusal = '';
  @state() private _saveError = '';
  @state() private _saved: { revision: number; answer: Answer; probe: string } | null = null;
  @state() private _busy = false;
  /** What the last queue action did, said once. */
  @state() private _news = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load() {
    try {
      const [q, e] = await Promise.all([
        call<{ items: QueueItem[] }>('GET', '/api/staff/review?limit=200'),
        call<{ entries: EntrySummary[]; versions: AnswerVersion[]; refusal: string }>('GET', this._url('/api/staff/answers')),
      ]);
      this._queue = q.items;
      this._entries = e.entries;
      this._refusal = e.refusal;
      this._versions = e.versions;
      this._error = '';
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  render() {
    const staffEntries = this._entries.filter((e) => e.origin !== 'shipped');
    return html`
      <div class="card">
        <div class="row">
          <h2 class="grow">${W.heading}</h2>
          <button class="btn" @click=${() => this._load()}>${W.refresh}</button>
        </div>
        <p class="muted">${W.intro}</p>
        ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
        <p class="ok" role="status" data-testid="queue-news">${this._news}</p>
        <div class="table-wrap">
          <table class="stack">
            <thead><tr><th>${fill(W.columns.at, { zone: TIME_ZONE_LABEL })}</th><th>${W.columns.question}</th><th>${W.columns.reason}</th><th>${W.columns.basis}</th><th>${W.columns.actions}</th></tr></thead>
            <tbody>
              ${this._queue.map(
                (q) => html`<tr data-testid="review-item">
                  <td data-label=${fill(W.columns.at, { zone: TIME_ZONE_LABEL })} class="nowrap">${beijingTime(q.at)}</td>
                  <td data-label=${W.columns.question} class="q wide" title=${q.interview ? '' : q.answer}>${q.question}${q.interview
                      ? html`<p class="muted interview-what" data-testid="interview-what">${q.interview.what}</p>`
                      : ''}</td>
                  <td data-label=${W.columns.reason}>
                    ${q.interview ? html`<span class="tag partial" data-testid="interview-tag">${q.interview.tag}</span> ` : q.refused ? this._refusedTag(q) : ''}
                    ${(!q.refused || q.entries.length > 0) && q.confidence < 0.5 ? html`<span class="tag partial">${fill(W.confidence, { percent: Math.round(q.confidence * 100) })}</span> ` : ''}
                    ${q.feedback === 'down' ? html`<span class="tag unmet">${W.unhelpful}</span>` : ''}
                  </td>
                  <td data-label=${W.columns.basis}>${q.clauses.join(words.common.listSep) || '—'}</td>
                  <td data-label=${W.columns.actions}>
                    <div class="row">
                      ${q.interview
                        ? html`<button class="btn" data-testid="lexicon" @click=${() => this._misread(q)}>${q.interview.lexicon}</button>`
                        : html`<button class="btn" data-testid="write" @click=${() => this._writeNew(q)}>${W.write}</button>
                            ${q.nearest ? html`<button class="btn" @click=${() => this._edit(q.nearest!, q)} title=${fill(W.editNearestTitle, { id: q.nearest })}>${fill(W.editNearest, { question: q.nearestQuestion ?? q.nearest })}</button>` : ''}`}
                      <button class="btn ghost" @click=${() => this._dismiss(q)}>${W.dismiss}</button>
                    </div>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${this._queue.length ? '' : html`<p class="muted">${W.emptyQueue}</p>`}
      </div>
      ${this._base ? this._editor() : ''}
      <div class="card">
        <h2>${W.entriesHeading}</h2>
        <p class="muted">${W.entriesIntro}</p>
        ${this._versionPicker}
        ${staffEntries.length
          ? html`<div class="table-wrap"><table>
              <thead><tr><th>${W.entryColumns.id}</th><th>${W.entryColumns.question}</th><th>${W.entryColumns.origin}</th><th>${W.entryColumns.revision}</th><th>${W.entryColumns.by}</th><th></th></tr></thead>
              <tbody>
                ${staffEntries.map(
                  (e) => html`<tr>
                    <td>${e.id}</td><td>${e.question}</td><td>${ORIGIN[e.origin]}</td><td>${fill(W.revision, { revision: e.revision ?? '' })}</td>
                    <td>${e.by} ${e.at ? beijingTime(e.at) : ''}</td>
                    <td><button class="btn" @click=${() => this._edit(e.id, null)}>${W.open}</button></td>
                  </tr>`,
                )}
              </tbody>
            </table></div>`
          : html`<p class="muted">${W.none}</p>`}
      </div>
    `;
  }

  /** The version the staff answers belong to; shown when more than one version has them. */
  private get _versionPicker() {
    if (this._versions.length < 2) return '';
    const current = this._current;
    return html`<div class="field">
      <label for="answer-version">${W.version}</label>
      <select id="answer-version" data-testid="answer-version" @change=${(e: Event) => this._pickVersion((e.target as HTMLSelectElement).value)}>
        ${this._versions.map(
          (v) => html`<option value=${v.version} ?selected=${v.version === current?.version}>${fill(W.versionOption, { year: v.year, version: v.version })}${v.isDefault ? W.versionDefault : ''}${v.edited ? '' : W.versionNoStaff}</option>`,
        )}
      </select>
      ${current && !current.isDefault ? html`<p class="muted" data-testid="old-version-note">${fill(W.oldVersion, { version: current.version })}</p>` : ''}
    </div>`;
  }

  /** The version shown: the one picked, else the default. */
  private get _current(): AnswerVersion | undefined {
    return this._versions.find((v) => (this._version ? v.version === this._version : v.isDefault));
  }

  /** An answer route of the version shown; the default version needs no parameter. */
  private _url(path: string): string {
    return this._version ? `${path}?version=${encodeURIComponent(this._version)}` : path;
  }

  private _pickVersion(version: string) {
    this._version = this._versions.find((v) => v.version === version)?.isDefault ? null : version;
    this._close();
    void this._load();
  }

  private _editor() {
    const b = this._base!;
    const d = this._detail;
    const other = this._current && !this._current.isDefault ? this._current.version : null;
    return html`<div class="card" data-testid="entry-editor">
      <h2 tabindex="-1">${d ? fill(W.editHeading, { id: b.id ?? '' }) : W.newHeading}${other ? fill(W.otherVersion, { version: other }) : ''}</h2>
      ${this._from ? html`<p class="muted">${fill(W.fromQuestion, { question: this._from.question })}</p>` : ''}
      <form @submit=${this._save} novalidate>
        <div class="field">
          <label for="id">${W.idLabel}</label>
          <input id="id" type="text" .value=${b.id ?? ''} ?readonly=${Boolean(d)} pattern="[a-z0-9\\-]+" required aria-required="true" />
        </div>
        <div class="field">
          <label for="questions">${W.questionsLabel}</label>
          <textarea id="questions" .value=${(b.questions ?? []).join('\n')} required aria-required="true"></textarea>
        </div>
        <div class="field">
          <label for="answer">${this._conclusion === 'notCovered' ? W.answerLabelNotCovered : W.answerLabel}</label>
          <textarea id="answer" .value=${b.answer ?? ''} required aria-required="true"></textarea>
        </div>
        <div class="field">
          <label for="conclusion">${W.conclusionLabel}</label>
          <select id="conclusion" .value=${b.conclusion ?? 'yes'} @change=${(e: Event) => (this._conclusion = (e.target as HTMLSelectElement).value as AnswerEntry['conclusion'])}>
            ${CONCLUSIONS.map((c) => html`<option value=${c} ?selected=${c === (b.conclusion ?? 'yes')}>${W.conclusions[c]}</option>`)}
          </select>
        </div>
        ${this._conclusion === 'notCovered'
          ? html`<div class="field">
              <label for="topic">${W.topicLabel}</label>
              <input id="topic" type="text" maxlength="60" placeholder=${W.topicPlaceholder} .value=${b.topic ?? ''} @input=${(e: Event) => (this._topic = (e.target as HTMLInputElement).value.trim())} />
              <p class="muted" data-testid="refusal-note">${W.notCoveredNote}</p>
              ${this._refusal ? html`<p class="answer refusal" data-testid="refusal-preview">${fill(this._refusal, { topic: this._topic || W.topicPending })}</p>` : ''}
            </div>`
          : ''}
        <div class="field">
          <label>${W.quotesLabel}</label>
          ${this._quotes.map(
            (q, i) => html`<div class="quote">
              <input type="text" aria-label=${W.quoteClause} data-testid="quote-clause" placeholder=${W.quoteClausePlaceholder} .value=${q.clause} @input=${(e: Event) => this._setQuote(i, 'clause', (e.target as HTMLInputElement).value)} />
              <input type="text" aria-label=${W.quoteFind} data-testid="quote-find" placeholder=${W.quoteFindPlaceholder} .value=${q.find} @input=${(e: Event) => this._setQuote(i, 'find', (e.target as HTMLInputElement).value)} />
              <button type="button" class="btn ghost" @click=${() => (this._quotes = this._quotes.filter((_, j) => j !== i))}>${W.removeQuote}</button>
            </div>`,
          )}
          <button type="button" class="btn" @click=${() => (this._quotes = [...this._quotes, { clause: '', find: '' }])}>${W.addQuote}</button>
        </div>
        <div class="field">
          <label for="clauses">${W.clausesLabel}</label>
          <input id="clauses" type="text" .value=${(b.clauses ?? []).join(' ')} />
        </div>
        <div class="field">
          <label for="note">${W.noteLabel}</label>
          <input id="note" type="text" maxlength="500" />
        </div>
        ${this._saveError ? html`<div class="error" role="alert" data-testid="save-error">${this._saveError}</div>` : ''}
        ${this._saved
          ? html`<div class="ok-box" data-testid="saved">
              ${fill(W.savedAs, { revision: this._saved.revision, probe: this._saved.probe })}
              <p class="answer">${this._saved.answer.answer}</p>
            </div>`
          : ''}
        <div class="row">
          <button class="btn primary" type="submit" ?disabled=${this._busy}>${this._busy ? W.saving : W.save}</button>
          <button type="button" class="btn ghost" @click=${() => this._close()}>${W.close}</button>
        </div>
      </form>
      ${d && d.revisions.length ? this._history(d) : ''}
    </div>`;
  }

  private _history(d: EntryDetail) {
    const latest = d.revisions[0]!.revision;
    return html`<h2 style="margin-top: var(--zz-space-4)">${W.historyHeading}</h2>
      <div class="table-wrap"><table data-testid="revisions">
        <thead><tr><th>${W.historyColumns.revision}</th><th>${fill(W.historyColumns.at, { zone: TIME_ZONE_LABEL })}</th><th>${W.historyColumns.author}</th><th>${W.historyColumns.changes}</th><th>${W.historyColumns.note}</th><th></th></tr></thead>
        <tbody>
          ${d.revisions.map(
            (r) => html`<tr>
              <td>${fill(W.revision, { revision: r.revision })}${r.entry ? '' : W.revisionWithdrawn}</td>
              <td class="nowrap">${beijingTime(r.at)}</td>
              <td>${r.author}</td>
              <td>${revisionChanges(r)}</td>
              <td>${r.note}</td>
              <td>${r.revision === latest ? html`<span class="tag met">${W.current}</span>` : html`<button class="btn" data-testid="rollback" @click=${() => this._rollback(d.id, r.revision)}>${W.rollback}</button>`}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      ${d.shipped ? html`<p class="muted">${W.shippedAfter}</p>` : ''}
      <button class="btn ghost" @click=${() => this._withdraw(d.id)} ?disabled=${!d.revisions[0]!.entry}>${W.withdraw}</button>`;
  }

  private _setQuote(i: number, key: 'clause' | 'find', value: string) {
    this._quotes = this._quotes.map((q, j) => (j === i ? { ...q, [key]: value } : q));
  }

  private _writeNew(q: QueueItem) {
    this._useDefaultFor(q);
    this._from = q;
    this._detail = null;
    this._base = { id: newId(), questions: [q.question], answer: '', conclusion: 'yes', clauses: [] };
    this._conclusion = 'yes';
    this._topic = '';
    this._quotes = [{ clause: q.clauses[0] ?? '', find: '' }];
    this._saveError = '';
    this._saved = null;
    void this._reveal();
  }

  /** The editor opens below the queue: on a phone that is screens away from the button tapped. The view and the focus go to it. */
  private async _reveal() {
    await this.updateComplete;
    const card = this.renderRoot.querySelector<HTMLElement>('[data-testid=entry-editor]');
    const heading = card?.querySelector<HTMLElement>('h2');
    card?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  /** A queued question was answered by the default version, so its entry is written there. */
  private _useDefaultFor(q: QueueItem | null) {
    if (!q || this._version === null) return;
    this._version = null;
    void this._load();
  }

  private async _edit(id: string, from: QueueItem | null) {
    this._useDefaultFor(from);
    try {
      const d = await call<EntryDetail>('GET', this._url(`/api/staff/answers/${encodeURIComponent(id)}`));
      const entry = d.entry ?? d.revisions.find((r) => r.entry)?.entry ?? d.shipped;
      if (!entry) throw new Error(fill(W.nothingToEdit, { id }));
      this._detail = d;
      this._from = from;
      this._base = from && !entry.questions.includes(from.question) ? { ...entry, questions: [...entry.questions, from.question] } : { ...entry };
      this._quotes = entry.quotes.map((q) => ({ ...q }));
      this._conclusion = entry.conclusion;
      this._topic = entry.topic ?? '';
      this._saveError = '';
      this._saved = null;
      void this._reveal();
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  private _close() {
    this._base = null;
    this._detail = null;
    this._from = null;
  }

  private _value(id: string): string {
    return (this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`#${id}`)?.value ?? '').trim();
  }

  private async _save(e: Event) {
    e.preventDefault();
    const quotes = this._quotes.map((q) => ({ clause: q.clause.trim(), find: q.find.trim() })).filter((q) => q.clause || q.find);
    const listed = this._value('clauses').split(/[\s、,，]+/u).filter(Boolean);
    const entry = {
      ...this._base,
      id: this._value('id'),
      questions: this._value('questions').split('\n').map((s) => s.trim()).filter(Boolean),
      answer: this._value('answer'),
      conclusion: this._value('conclusion') as AnswerEntry['conclusion'],
      clauses: listed.length ? listed : [...new Set(quotes.map((q) => q.clause))],
      quotes,
      ...(this._value('conclusion') === 'notCovered' ? { topic: this._value('topic') } : {}),
    };
    // Checked here with the answer base's own schema, so each refusal names its field in Chinese and nothing typed is lost;
    // the server checks the same and the quotes against the notice.
    // The form is novalidate: the browser's own bubbles speak the browser's language, these speak Chinese.
    const errors = Object.entries(entryErrors(entry));
    this._markInvalid(errors.map(([k]) => k));
    if (errors.length) {
      this._saved = null;
      this._saveError = fill(W.fixFirst, { list: errors.map(([k, v]) => `${fieldLabel(k)}：${v}`).join(W.fixSep) });
      return;
    }
    this._busy = true;
    this._saveError = '';
    this._saved = null;
    try {
      const r = await call<{ revision: EntryRevision; answer: Answer; probe: string }>('PUT', this._url(`/api/staff/answers/${encodeURIComponent(entry.id)}`), {
        entry,
        note: this._value('note'),
        ...(this._from ? { fromQuestion: this._from.id } : {}),
      });
      this._saved = { revision: r.revision.revision, answer: r.answer, probe: r.probe };
      this._from = null;
      this._detail = await call<EntryDetail>('GET', this._url(`/api/staff/answers/${encodeURIComponent(entry.id)}`));
      this._base = { ...entry };
      void this._load();
    } catch (err) {
      // The server's refusal names each field by its path (entry.quotes.0.find): shown by the form's own names.
      const details = err instanceof ConsoleError && err.code === 'ENTRY_REJECTED' && Array.isArray(err.details) ? (err.details as { field: string; message: string }[]) : [];
      this._saveError = details.length
        ? fill(W.saveRefused, { list: details.map((d) => (d.field.startsWith('entry.') ? `${fieldLabel(d.field.slice('entry.'.length))}：${d.message}` : d.message)).join(W.fixSep) })
        : (err as Error).message;
    } finally {
      this._busy = false;
    }
  }

  /** Marks the boxes a refusal names (id, questions, quotes.0.find …) as invalid and takes the focus to the first. */
  /**
   * A refusal a 通知未涉及 entry gave answered, as the question log tags it: queued because staff wrote the entry for
   * other words (or it was matched unsurely, or rated 👎), not because nothing answered it.
   */
  private _refusedTag(q: QueueItem) {
    return q.entries.length
      ? html`<span class="tag partial" data-testid="not-covered-tag" title=${words.console.log.notCoveredTitle}>${words.console.log.notCovered}</span> `
      : html`<span class="tag unmet">${W.refused}</span> `;
  }

  private _markInvalid(keys: string[]) {
    const boxes = this.renderRoot.querySelectorAll<HTMLElement>('[data-testid=entry-editor] form input, [data-testid=entry-editor] form textarea');
    const named = keys.map((k) => {
      const [head, index, leaf] = k.split('.');
      if (head === 'quotes' && index !== undefined) return this.renderRoot.querySelectorAll<HTMLElement>(`[data-testid=quote-${leaf === 'clause' ? 'clause' : 'find'}]`)[Number(index)];
      return this.renderRoot.querySelector<HTMLElement>(`#${head}`);
    });
    for (const box of boxes) box.removeAttribute('aria-invalid');
    for (const box of named) box?.setAttribute('aria-invalid', 'true');
    named.find(Boolean)?.focus();
  }

  private async _rollback(id: string, revision: number) {
    try {
      await call('POST', this._url(`/api/staff/answers/${encodeURIComponent(id)}/rollback`), { revision });
      await this._edit(id, null);
      void this._load();
    } catch (err) {
      this._saveError = (err as Error).message;
    }
  }

  private async _withdraw(id: string) {
    try {
      await call('DELETE', this._url(`/api/staff/answers/${encodeURIComponent(id)}`));
      await this._edit(id, null);
      void this._load();
    } catch (err) {
      this._saveError = (err as Error).message;
    }
  }

  /** An interview reply noted for the interview's lexicon: it leaves the queue, and the server's words say where it went. */
  private async _misread(q: QueueItem) {
    try {
      await call('POST', `/api/staff/review/${q.id}/misread`, {});
      this._queue = this._queue.filter((x) => x.id !== q.id);
      this._news = q.interview?.lexiconDone ?? '';
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  private async _dismiss(q: QueueItem) {
    try {
      await call('POST', `/api/staff/review/${q.id}/dismiss`, {});
      this._queue = this._queue.filter((x) => x.id !== q.id);
    } catch (err) {
      this._error = (err as Error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-review': ZzConsoleReview;
  }
}
