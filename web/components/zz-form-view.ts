import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { AnswerValue } from '../../server/schemas/interview';
import type { Category } from '../../server/schemas/profile';
import type { FormCheckResult, FormView, FormViewField } from '../../server/schemas/form-view';
import { controls } from './shared-styles';
import { apiJson } from '../lib/api';
import { draftsApi } from '../lib/drafts-api';
import { emit } from '../lib/events';
import type { SessionRef } from '../lib/session-link';
import { fill, words } from '../lib/messages';
import { datePlaceholder } from '../lib/format';

const W = words.formView;

/** A value typed into a field and not yet shown back by the server. */
interface LocalEdit {
  text: string;
  state: 'typing' | 'checking' | 'saving' | 'error';
  /** The value sent to the server, to recognise it when the form reloads. */
  sent?: AnswerValue;
  error?: string;
}

const STATUS_TEXT: Record<string, string> = W.status;

/** What an input shows for a stored answer: the value as typed, not the display with its unit. */
function textOf(f: FormViewField): string {
  const v = f.value;
  if (f.said !== undefined) return f.said;
  if (v === undefined) return f.fromInterview ? (f.display ?? '') : '';
  if (v === null) return '';
  if (Array.isArray(v)) return v.join(W.sep);
  return String(v);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const GROWS = typeof CSS !== 'undefined' && CSS.supports?.('field-sizing', 'content');

/**
 * The chosen 申报书 as a form: its sections and fields in the official order, filled from the same
 * answers as the chat. A change is read and checked by the server first (POST …/form/check), then
 * saved as an 'edit' over the chat socket, so the chat, 我的回答 and this form show one set of facts.
 */
@customElement('zz-form-view')
export class ZzFormView extends LitElement {
  static styles = [
    controls,
    css`
      :host {
        display: block;
        flex: 1;
        min-height: 0;
        min-width: 0;
        overflow-y: auto;
        overscroll-behavior: contain;
        background: var(--zz-color-bg);
      }
      :host([hidden]) {
        display: none;
      }
      .wrap {
        max-width: 860px;
        margin: 0 auto;
        padding: var(--zz-space-3) var(--zz-space-4) var(--zz-space-6);
      }
      .top {
        position: sticky;
        top: 0;
        z-index: 1;
        background: var(--zz-color-bg);
        padding: var(--zz-space-2) 0;
        border-bottom: 1px solid var(--zz-color-border);
        display: flex;
        flex-wrap: wrap;
        gap: var(--zz-space-2);
        align-items: center;
      }
      .top h2 {
        flex: 1 1 200px;
        margin: 0;
        font-size: var(--zz-font-size-lg);
        min-width: 0;
      }
      .counts {
        flex: 1 1 100%;
        margin: 0;
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-muted);
      }
      section {
        margin-top: var(--zz-space-4);
      }
      .part {
        margin: var(--zz-space-4) 0 0;
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-muted);
      }
      h3 {
        font-size: var(--zz-font-size-lg);
        margin: var(--zz-space-1) 0 var(--zz-space-2);
      }
      h4 {
        font-size: var(--zz-font-size);
        margin: var(--zz-space-3) 0 var(--zz-space-2);
      }
      .group {
        background: var(--zz-color-surface);
        border: 1px solid var(--zz-color-border);
        border-radius: var(--zz-radius);
        padding: var(--zz-space-1) var(--zz-space-3) var(--zz-space-3);
        margin-bottom: var(--zz-space-3);
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      /* A rendered legend takes no top margin: the space between one row's boxes and the next row's
         name belongs to the fieldset, or the name reads as the caption of the boxes above it. */
      fieldset + fieldset {
        margin-top: var(--zz-space-4);
      }
      legend {
        padding: 0;
        margin-top: var(--zz-space-3);
        font-weight: 600;
      }
      .cols {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--zz-space-3);
      }
      .cols > .field {
        flex: 1 1 96px;
        min-width: 0;
      }
      /* Three narrow columns on a phone: the status goes under the column's label instead of squeezing it. */
      .cols .head {
        flex-direction: column;
        align-items: flex-start;
        gap: 2px;
      }
      .field {
        margin-top: var(--zz-space-3);
        min-width: 0;
      }
      .head {
        display: flex;
        align-items: baseline;
        gap: var(--zz-space-2);
      }
      label,
      .label {
        flex: 1;
        min-width: 0;
        overflow-wrap: anywhere;
        font-size: var(--zz-font-size-sm);
      }
      .status {
        flex: none;
        font-size: 12px;
        padding: 0 6px;
        border-radius: var(--zz-radius-pill);
        background: var(--zz-color-unknown-soft);
        color: var(--zz-color-unknown);
        white-space: nowrap;
      }
      .status.filled,
      .status.computed {
        background: var(--zz-color-met-soft);
        color: var(--zz-color-met);
      }
      .status.skipped,
      .status.unconfirmed,
      .status.typing,
      .status.saving,
      .status.checking {
        background: var(--zz-color-partial-soft);
        color: var(--zz-color-partial);
      }
      .status.invalid,
      .status.error {
        background: var(--zz-color-unmet-soft);
        color: var(--zz-color-unmet);
      }
      .control {
        display: flex;
        align-items: center;
        gap: var(--zz-space-2);
        margin-top: var(--zz-space-1);
      }
      input,
      textarea,
      select {
        flex: 1;
        min-width: 0;
        width: 100%;
        box-sizing: border-box;
        min-height: var(--zz-tap);
        font-size: var(--zz-font-size);
      }
      textarea {
        min-height: 5.5em;
        max-height: 60vh;
        resize: vertical;
        line-height: 1.6;
        field-sizing: content;
      }
      [aria-invalid='true'] {
        border-color: var(--zz-color-unmet);
        outline-color: var(--zz-color-unmet);
      }
      .unit {
        flex: none;
        color: var(--zz-color-muted);
        font-size: var(--zz-font-size-sm);
      }
      output {
        display: block;
        min-height: var(--zz-tap);
        line-height: var(--zz-tap);
        font-weight: 600;
      }
      .hint,
      .formula,
      .note {
        margin: var(--zz-space-1) 0 0;
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-muted);
        overflow-wrap: anywhere;
      }
      .group-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--zz-space-2);
        margin: var(--zz-space-3) 0 var(--zz-space-2);
      }
      .group-head h4 {
        flex: 1 1 auto;
        margin: 0;
        min-width: 0;
      }
      .skip-actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--zz-space-2);
        margin-left: auto;
      }
      .skip-actions .btn {
        font-size: var(--zz-font-size-sm);
      }
      .error {
        margin: var(--zz-space-1) 0 0;
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-unmet);
      }
      .warn {
        margin: var(--zz-space-1) 0 0;
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-partial);
      }
      .load-error {
        color: var(--zz-color-unmet);
      }
    `,
  ];

  /** The session whose answers the form shows. */
  @property({ attribute: false }) session: SessionRef | null = null;
  /** The form to show: the recommended category. */
  @property({ attribute: false }) category: Category | null = null;
  /** The answers as the chat knows them: a new object after every recorded answer, which reloads the form. */
  @property({ attribute: false }) answers: Record<string, AnswerValue> = {};
  /** The server's refusal of the latest answer; shown by its field when that field sent it. */
  @property({ attribute: false }) rejection: { message: string; questionId?: string } | null = null;
  /**
   * Whether the form is on screen. Closed, it stays on the page, hidden: an answer still being checked when the chat
   * was opened is saved when its check returns, and an answer the server refused keeps its text and reason for the
   * return. Hidden, it does not reload on every answer the chat records; it reloads when shown again.
   */
  @property({ attribute: false }) shown = true;

  @state() private _view: FormView | null = null;
  @state() private _loadError = '';
  @state() private _edits: ReadonlyMap<string, LocalEdit> = new Map();
  @state() private _busy = '';
  private _loads = 0;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rejection') && this.rejection?.questionId) {
      const e = this._edits.get(this.rejection.questionId);
      if (e && e.state === 'saving') this._setEdit(this.rejection.questionId, { ...e, state: 'error', error: this.rejection.message });
    }
  }

  protected updated(changed: PropertyValues<this>): void {
    if (this.shown && (changed.has('session') || changed.has('category') || changed.has('answers') || changed.has('shown'))) void this._load();
  }

  /** Reloads the form from the server; an older response that arrives late is dropped. */
  private async _load(): Promise<void> {
    const s = this.session;
    if (!s || !this.category) return;
    const mine = ++this._loads;
    try {
      const view = await apiJson<FormView>(`/api/sessions/${encodeURIComponent(s.sessionId)}/form?category=${this.category}`, { token: s.token });
      if (mine !== this._loads) return;
      this._view = view;
      this._loadError = '';
      // A saved value now shown by the server needs no local copy any more.
      const next = new Map(this._edits);
      for (const [qid, e] of next) if (e.state === 'saving' && qid in this.answers && same(this.answers[qid], e.sent)) next.delete(qid);
      this._edits = next;
    } catch (err) {
      if (mine === this._loads) this._loadError = (err as Error).message;
    }
  }

  private _setEdit(qid: string, e: LocalEdit | null): void {
    const next = new Map(this._edits);
    if (e) next.set(qid, e);
    else next.delete(qid);
    this._edits = next;
  }

  private _typed(f: FormViewField, ev: Event): void {
    const el = ev.target as HTMLInputElement | HTMLTextAreaElement;
    if (el instanceof HTMLTextAreaElement && !GROWS) {
      el.style.height = 'auto';
      el.style.height = `${el.scrollHeight + 2}px`;
    }
    // Text typed back to the saved value is no change: a box whose value ends where it began fires no change event,
    // so the 未保存 mark is cleared here. A value still being checked or saved keeps its edit, since the saved one is to change.
    const was = this._edits.get(f.questionId!)?.state;
    if (el.value === textOf(f) && was !== 'checking' && was !== 'saving') return this._setEdit(f.questionId!, null);
    this._setEdit(f.questionId!, { text: el.value, state: 'typing' });
  }

  private _key(f: FormViewField, ev: KeyboardEvent): void {
    if (ev.key === 'Enter' && !ev.isComposing && (ev.target as HTMLElement).tagName === 'INPUT') {
      ev.preventDefault();
      void this._commit(f);
      // Enter goes on to the next field, as the phone keyboard's 「下一项」 key promises.
      const controls = [...this.renderRoot.querySelectorAll<HTMLElement>('input, textarea, select')];
      controls[controls.indexOf(ev.target as HTMLElement) + 1]?.focus();
    }
  }

  /** Checks the typed text with the server's reader and rules, then saves it through the chat socket. */
  private async _commit(f: FormViewField): Promise<void> {
    const qid = f.questionId!;
    const e = this._edits.get(qid);
    const s = this.session;
    if (!e || e.state !== 'typing' || !s) return;
    if (e.text.trim() === textOf(f).trim()) return this._setEdit(qid, null);
    // An empty field that was never answered stays unanswered; clearing an answer skips it.
    if (!e.text.trim() && f.value === undefined) return this._setEdit(qid, null);
    this._setEdit(qid, { ...e, state: 'checking' });
    let r: FormCheckResult;
    try {
      r = await apiJson<FormCheckResult>(`/api/sessions/${encodeURIComponent(s.sessionId)}/form/check`, {
        token: s.token,
        body: { questionId: qid, text: e.text, ...(this.category ? { category: this.category } : {}) },
      });
    } catch (err) {
      return this._setEdit(qid, { ...e, state: 'error', error: (err as Error).message });
    }
    // The user typed on while the check ran: the newer text waits for its own commit.
    if (this._edits.get(qid)?.text !== e.text) return;
    if (!r.ok) return this._setEdit(qid, { ...e, state: 'error', error: r.error });
    if (r.keep) this._setEdit(qid, null);
    else {
      this._setEdit(qid, { ...e, state: 'saving', sent: r.value });
      // A figure goes as typed (「约200」, 「1500-2000万」): the server reads it with the same reader and keeps a round
      // figure's mark, which the checked number alone would lose, so the signed form would state it as exact. Text
      // that gave other years' figures too goes as the words of the box's own year. A date said under way (「还在建」) goes
      // as its words, which the server marks as the chat does.
      const value = f.input === 'number' && typeof r.value === 'number' ? r.said ?? e.text.trim() : r.said ?? r.value;
      emit(this, 'zz-edit', { questionId: qid, value, display: r.value === null && r.said === undefined ? W.skip : r.display, label: f.name || f.label });
    }
    // The same text filled other boxes that were empty (the mobile typed after a name): each is saved as its own edit.
    for (const a of r.also ?? []) emit(this, 'zz-edit', { questionId: a.questionId, value: a.value, display: a.display, label: a.label });
  }

  /**
   * Waits for the values being checked or saved. Tapping 导出 straight after typing commits the field
   * on blur, and its save goes over the socket: exported at once, the file would miss that value.
   */
  private async _settled(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ([...this._edits.values()].some((e) => e.state === 'checking' || e.state === 'saving') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async _export(): Promise<void> {
    if (!this.session || !this.category) return;
    this._busy = 'export';
    try {
      await this._settled();
      await draftsApi.exportDocx(this.session, this.category);
    } catch (err) {
      this._loadError = (err as Error).message;
    } finally {
      this._busy = '';
    }
  }

  private _control(f: FormViewField, id: string, edit: LocalEdit | undefined, describedBy: string) {
    const invalid = edit?.state === 'error' || (!edit && f.status === 'invalid');
    const text = edit ? edit.text : textOf(f);
    const common = {
      id,
      invalid: invalid ? 'true' : 'false',
      described: describedBy || undefined,
    };
    if (f.input === 'computed')
      return html`<output id=${id} aria-describedby=${common.described ?? nothing}>${f.display ?? '—'}${f.display && f.unit ? ` ${f.unit}` : ''}</output>`;
    if (f.input === 'draft' || f.input === 'none') return nothing;
    if (f.input === 'narrative')
      return html`<div class="control">
        <textarea
          id=${id}
          rows="3"
          aria-invalid=${common.invalid}
          aria-describedby=${common.described ?? nothing}
          .value=${live(text)}
          @input=${(ev: Event) => this._typed(f, ev)}
          @change=${() => void this._commit(f)}
        ></textarea>
      </div>`;
    if (f.input === 'choice')
      return html`<div class="control">
        <select
          id=${id}
          aria-invalid=${common.invalid}
          aria-describedby=${common.described ?? nothing}
          @change=${(ev: Event) => {
            this._typed(f, ev);
            void this._commit(f);
          }}
        >
          <option value="" ?selected=${!text}>—</option>
          ${(f.choices ?? []).map((c) => html`<option value=${c.value} ?selected=${text === c.value}>${c.label}</option>`)}
        </select>
      </div>`;
    const mode = f.input === 'number' ? 'decimal' : f.input === 'date' ? 'numeric' : undefined;
    return html`<div class="control">
      <input
        id=${id}
        type="text"
        autocomplete="off"
        enterkeyhint="next"
        inputmode=${mode ?? nothing}
        placeholder=${f.input === 'date' ? datePlaceholder(f.precision) : nothing}
        aria-invalid=${common.invalid}
        aria-describedby=${common.described ?? nothing}
        .value=${live(text)}
        @input=${(ev: Event) => this._typed(f, ev)}
        @change=${() => void this._commit(f)}
        @keydown=${(ev: KeyboardEvent) => this._key(f, ev)}
      />${f.unit ? html`<span class="unit" aria-hidden="true">${f.unit}</span>` : nothing}
    </div>`;
  }

  /**
   * A field's flags. In a matrix row they go below the row's columns, across its width: in a column a third
   * of a phone wide, a flag's sentence ran to a dozen lines of four characters each. A refusal stays with
   * its field, where the user is typing.
   */
  private _flags(f: FormViewField) {
    const edit = f.questionId ? this._edits.get(f.questionId) : undefined;
    const flags = edit ? [] : f.flags;
    return flags.length ? html`<div id=${`f-${f.key}-err`}>${flags.map((x) => html`<p class=${x.severity === 'error' ? 'error' : 'warn'}>${x.message}</p>`)}</div>` : nothing;
  }

  /**
   * `rowLabel`: the legend of the matrix row the field is a column of. A unit its label or that legend already
   * names (「车间建设软硬件投资（万元）」, 「营业收入（万元）」) is not said again, to the eye or to a screen reader; a column
   * a third of a phone wide keeps its width for the figure.
   */
  private _field(f: FormViewField, flagsBelow = false, rowLabel?: string) {
    const id = `f-${f.key}`;
    const unitNamed = !!f.unit && (f.label.includes(f.unit) || !!rowLabel?.includes(f.unit));
    const shown = unitNamed ? { ...f, unit: undefined } : f;
    const edit = f.questionId ? this._edits.get(f.questionId) : undefined;
    const status = edit ? edit.state : f.status;
    const statusText = f.fromInterview && !edit ? W.fromInterview : STATUS_TEXT[status];
    const hintId = f.hint ? `${id}-hint` : '';
    const errId = `${id}-err`;
    const statusId = `${id}-status`;
    const error = edit?.state === 'error' ? edit.error : undefined;
    const flags = edit ? [] : f.flags;
    const described = [statusId, hintId, error || flags.length ? errId : '', f.formula ? `${id}-formula` : ''].filter(Boolean).join(' ');
    const labelled = f.input !== 'draft' && f.input !== 'none';
    return html`<div class="field" data-key=${f.key} data-question=${f.questionId ?? nothing} data-status=${status}>
      <div class="head">
        ${labelled
          ? html`<label for=${id}>${f.label}${shown.unit ? html`<span class="visually-hidden">${fill(W.unit, { unit: shown.unit })}</span>` : nothing}</label>`
          : html`<span class="label">${f.label}</span>`}
        <span class="status ${status}" id=${statusId}>${statusText}</span>
      </div>
      ${f.hint ? html`<p class="hint" id=${hintId}>${f.hint}</p>` : nothing}
      ${this._control(shown, id, edit, described)}
      ${f.input === 'draft' ? html`<p class="note">${W.draftNote}</p>` : nothing}
      ${f.input === 'none' ? html`<p class="note">${W.notCollectedNote}</p>` : nothing}
      ${f.formula ? html`<p class="formula" id=${`${id}-formula`}>${f.formula}</p>` : nothing}
      ${error ? html`<p class="error" id=${errId} role="alert">${error}</p>` : flagsBelow ? nothing : this._flags(f)}
    </div>`;
  }

  /**
   * A part the chat can put off whole (a workshop, the finance, the indicators), on every group of it: 先跳过 sends the
   * chat's own skip for the part, so its open questions are skipped and print as placeholders; 撤销跳过 opens its
   * skipped questions again. The button names the part, since a part may stand in several groups.
   */
  private _skipActions(g: FormView['sections'][number]['groups'][number]) {
    const k = g.skip;
    if (!k || (!k.questionId && !k.skipped.length)) return nothing;
    const name = k.label;
    return html`<div class="skip-actions">
      ${k.questionId && k.open > 0
        ? html`<button class="btn skip-part" type="button" aria-label=${fill(W.skipPart.label, { name, n: k.open })} @click=${() => emit(this, 'zz-answer', { questionId: k.questionId!, value: null, display: fill(W.skipPart.said, { name, n: k.open }), wholeGroup: true, section: k.section })}>
            ${fill(W.skipPart.button, { name, n: k.open })}
          </button>`
        : nothing}
      ${k.skipped.length
        ? html`<button class="btn reopen-part" type="button" aria-label=${fill(W.reopenPart.label, { name, n: k.skipped.length })} @click=${() => emit(this, 'zz-reopen', { questionIds: k.skipped, display: fill(W.reopenPart.said, { name, n: k.skipped.length }) })}>
            ${fill(W.reopenPart.button, { name, n: k.skipped.length })}
          </button>`
        : nothing}
    </div>`;
  }

  /**
   * The server's counts, with a field whose typed value this page holds as refused counted as 有误:
   * its status says 有误, and the line above must agree with it.
   */
  private _counts(v: FormView): FormView['counts'] {
    const c = { ...v.counts };
    for (const s of v.sections)
      for (const g of s.groups)
        for (const r of g.rows)
          for (const f of r.fields) {
            if (!f.questionId || f.status === 'invalid' || !(f.status in c)) continue;
            if (this._edits.get(f.questionId)?.state !== 'error') continue;
            c[f.status as keyof typeof c]--;
            c.invalid++;
          }
    return c;
  }

  render() {
    const v = this._view;
    if (!v) return html`<div class="wrap">${this._loadError ? html`<p class="load-error" role="alert">${this._loadError}</p>` : html`<p>${W.loading}</p>`}</div>`;
    const c = this._counts(v);
    return html`<div class="wrap">
      <div class="top">
        <h2>${v.attachment} ${v.title}</h2>
        <button class="btn primary export" type="button" ?disabled=${!!this._busy} @click=${() => void this._export()}>
          ${this._busy === 'export' ? W.exporting : W.export}
        </button>
        <p class="counts" aria-live="polite">${fill(W.counts, { filled: c.filled, unconfirmed: c.unconfirmed ? fill(W.countsUnconfirmed, { n: c.unconfirmed }) : '', skipped: c.skipped, empty: c.empty, invalid: c.invalid })}</p>
      </div>
      ${this._loadError ? html`<p class="load-error" role="alert">${this._loadError}</p>` : nothing}
      ${v.sections.map(
        (s) => html`<section aria-labelledby=${`s-${s.id}`}>
          ${s.part ? html`<p class="part">${s.part}</p>` : nothing}
          <h3 id=${`s-${s.id}`}>${s.title}</h3>
          ${s.groups.map(
            (g) => html`<div class="group" role="group" aria-label=${g.title ?? s.title}>
              ${g.title || g.skip ? html`<div class="group-head">${g.title ? html`<h4>${g.title}</h4>` : nothing}${this._skipActions(g)}</div>` : nothing}
              ${g.rows.map((r) =>
                r.label
                  ? html`<fieldset>
                      <legend>${r.label}</legend>
                      <div class="cols">${r.fields.map((f) => this._field(f, true, r.label))}</div>
                      ${r.fields.map((f) => this._flags(f))}
                    </fieldset>`
                  : r.fields.map((f) => this._field(f)),
              )}
            </div>`,
          )}
        </section>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-form-view': ZzFormView;
  }
}
