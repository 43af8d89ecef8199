import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AnswerValue, QuestionView } from '../../server/schemas/interview';
import { controls } from './shared-styles';
import { emit } from '../lib/events';
import { YES_NO, YES_NO_PARTIAL, datePlaceholder, displayAnswer, parseNumberInput } from '../lib/format';
import { fill, words } from '../lib/messages';
import './zz-citation-chip';

const W = words.question;

/**
 * The widget for the pending question, chosen by its kind. It only proposes an answer: the shell
 * sends it, and typing in the composer stays possible at all times.
 */
@customElement('zz-question')
export class ZzQuestion extends LitElement {
  static styles = [
    controls,
    css`
      :host {
        display: block;
      }
      .card {
        border: 1px solid var(--zz-color-border);
        border-radius: var(--zz-radius-lg);
        background: var(--zz-color-surface);
        padding: var(--zz-space-3) var(--zz-space-4);
        box-shadow: var(--zz-shadow);
      }
      .q {
        margin: 0 0 var(--zz-space-2);
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .help {
        margin: 0 0 var(--zz-space-3);
        color: var(--zz-color-muted);
        font-size: var(--zz-font-size-sm);
        overflow-wrap: anywhere;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--zz-space-2);
        align-items: center;
      }
      .num {
        display: inline-flex;
        align-items: center;
        gap: var(--zz-space-2);
        flex: 1 1 160px;
        min-width: 0;
      }
      .num input,
      .text input {
        flex: 1 1 auto;
        min-width: 0;
        width: 100%;
      }
      .text {
        display: flex;
        gap: var(--zz-space-2);
        flex: 1 1 220px;
        min-width: 0;
      }
      .multi {
        display: flex;
        flex-direction: column;
        gap: var(--zz-space-2);
      }
      .multi textarea {
        width: 100%;
        min-height: 64px;
        max-height: 180px;
        resize: vertical;
        line-height: 1.5;
        box-sizing: border-box;
      }
      .unit {
        color: var(--zz-color-muted);
        white-space: nowrap;
      }
      .error {
        color: var(--zz-color-unmet);
        font-size: var(--zz-font-size-sm);
        margin: var(--zz-space-2) 0 0;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      legend {
        padding: 0;
      }
      label.check {
        display: inline-flex;
        align-items: center;
        gap: var(--zz-space-2);
        min-height: var(--zz-tap);
        padding: 0 var(--zz-space-3);
        border: 1px solid var(--zz-color-border);
        border-radius: var(--zz-radius);
        cursor: pointer;
      }
      label.check input {
        width: 20px;
        height: 20px;
      }
      .gap-top {
        margin-top: var(--zz-space-2);
      }
      .skip {
        margin-left: auto;
      }
      .hint {
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-muted);
        margin: var(--zz-space-2) 0 0;
      }
      .collapsed .q {
        margin: 0;
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      /* On a phone every line of the dock is a line less of conversation. */
      @media (max-width: 600px) {
        .card {
          padding: var(--zz-space-2) var(--zz-space-3);
        }
        .hint {
          display: none;
        }
        .q {
          margin-bottom: var(--zz-space-1);
        }
        .help {
          margin-bottom: var(--zz-space-2);
        }
        /* The clause and its quote stay one line until asked for: a tap shows the whole help. */
        .help.clamped {
          display: -webkit-box;
          -webkit-line-clamp: 1;
          -webkit-box-orient: vertical;
          overflow: hidden;
          cursor: pointer;
        }
        /* A narrative's field and its buttons share one row; the field grows upwards as it fills. */
        .multi {
          flex-direction: row;
          align-items: flex-end;
        }
        .multi textarea {
          min-height: var(--zz-tap);
          flex: 1 1 auto;
          min-width: 0;
          resize: none;
        }
        .multi .row {
          flex-wrap: nowrap;
          flex: none;
        }
        .text {
          flex-basis: 120px;
        }
        /* Narrow enough to share the row with the choices or the field. */
        .skip {
          padding: 0 var(--zz-space-2);
        }
        .card {
          padding-bottom: var(--zz-space-1);
        }
      }
    `,
  ];

  /** The pending question. */
  @property({ attribute: false }) question: QuestionView | null = null;
  /** Disables the controls while an answer is on its way. */
  @property({ type: Boolean }) busy = false;
  /** Compact mode hides the help text and the typing hint (used when editing from the review card). */
  @property({ type: Boolean }) compact = false;
  /** The current value when editing an earlier answer. */
  @property({ attribute: false }) value: AnswerValue | undefined = undefined;

  /** The question kept visible above the keyboard while the user types in the composer: its text, and its choices when a tap answers it. */
  @property({ type: Boolean, reflect: true }) collapsed = false;
  /** The server's reason for refusing the last answer to this question; the user's draft stays for correcting. */
  @property() serverError = '';

  @state() private _draft = '';
  @state() private _multi: string[] = [];
  @state() private _error = '';
  /** On a phone the help is one line until tapped. */
  @state() private _helpOpen = false;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('question')) {
      const v = this.value;
      this._error = '';
      this._helpOpen = false;
      this._draft = typeof v === 'number' || (typeof v === 'string' && v !== 'partial' && v !== 'building') ? String(v) : '';
      this._multi = Array.isArray(v) ? [...v] : [];
    }
  }

  /** Set when the user answered from this widget, so the next question's first control gets the focus. */
  private _refocus = false;
  /** Only keyboard users get the focus moved: on a phone it would pop the keyboard up uninvited. */
  private _viaKeyboard = false;

  connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this._onKey);
    this.addEventListener('pointerdown', this._onPointer);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this._onKey);
    this.removeEventListener('pointerdown', this._onPointer);
  }

  private _onKey = () => (this._viaKeyboard = true);
  private _onPointer = () => (this._viaKeyboard = false);

  protected updated(changed: Map<string, unknown>): void {
    if (changed.has('serverError') && this.serverError && this._viaKeyboard) {
      // Back to the refused value, selected, so typing replaces it.
      const input = this.renderRoot.querySelector('input[type="text"]') as HTMLInputElement | null;
      input?.focus();
      input?.select();
    }
    if (changed.has('question') && this._refocus && this.question) {
      this._refocus = false;
      // Keyboard users would otherwise be left on a button that no longer exists.
      (this.renderRoot.querySelector('button.chip, input') as HTMLElement | null)?.focus();
    }
  }

  private _pick(value: AnswerValue): void {
    const q = this.question;
    if (!q || this.busy) return;
    this._refocus = !this.compact && this._viaKeyboard;
    emit(this, 'zz-answer', { questionId: q.id, value, display: value === null && q.skip ? q.skip.display : displayAnswer(value, q) });
  }

  private _submitNumber(e: Event): void {
    e.preventDefault();
    const q = this.question!;
    const n = parseNumberInput(this._draft);
    if (n === null) {
      const typed = this._draft.trim();
      if (!typed) return void (this._error = fill(W.number, { unit: q.unit ? fill(W.unit, { unit: q.unit }) : '' }));
      // 「1.2亿」, 「两百人」, 「约85%」: the server's one reader of Chinese input reads it as the answer.
      // An edit of an earlier answer goes as that question's value, which the server reads the same way.
      this._error = '';
      if (this.compact) return void this._pick(typed);
      this._draft = '';
      emit(this, 'zz-send', { text: typed });
      return;
    }
    if (q.min !== undefined && n < q.min) return void (this._error = fill(W.min, { min: q.min, unit: q.unit ?? '' }));
    if (q.max !== undefined && n > q.max) return void (this._error = fill(W.max, { max: q.max, unit: q.unit ?? '' }));
    this._error = '';
    this._pick(n);
  }

  private _submitText(e: Event): void {
    e.preventDefault();
    const q = this.question!;
    const t = this._draft.trim();
    if (!t) return void (this._error = q.kind === 'date' ? W.date : W.text);
    this._error = '';
    this._pick(t);
  }

  private _submitMulti(e: Event): void {
    e.preventDefault();
    if (!this._multi.length) return void (this._error = W.multi);
    this._pick([...this._multi]);
  }

  private _chips(options: { value: AnswerValue; label: string }[]) {
    return html`<div class="row" role="group" aria-label=${W.choose}>
      ${options.map(
        (o) => html`<button
          class="chip"
          type="button"
          ?disabled=${this.busy}
          aria-pressed=${this.value !== undefined && this.value === o.value ? 'true' : 'false'}
          @click=${() => this._pick(o.value)}
        >${o.label}</button>`,
      )}
      ${this._skip}
    </div>`;
  }

  private get _skip() {
    if (this.compact) return nothing;
    const q = this.question;
    // The words come with the question, from the knowledge's product wording: one wording everywhere.
    if (!q?.skip) return nothing;
    // Bordered like the card's other actions: a borderless word beside a date field reads as a label, not a button.
    return html`<button class="btn skip" type="button" ?disabled=${this.busy} @click=${() => this._pick(null)}>${q.skip.action}</button>${q.group
      ? html`<button class="btn skip-group" type="button" ?disabled=${this.busy} @click=${this._skipGroup}>${fill(W.skipGroup, { group: q.group.label, action: q.skip.action })}</button>`
      : nothing}`;
  }

  /** A year with no data is skipped in one step rather than figure by figure. */
  private _skipGroup = () => {
    const q = this.question;
    if (!q?.group || this.busy) return;
    emit(this, 'zz-answer', { questionId: q.id, value: null, display: fill(W.skipGroupSaid, { group: q.group.label, display: q.skip?.display ?? '' }), wholeGroup: true });
  };

  /** A narrative grows with its text up to a few lines, then scrolls. */
  private _grow(area: HTMLTextAreaElement): void {
    area.style.height = 'auto';
    area.style.height = `${Math.min(area.scrollHeight + 2, 180)}px`;
  }

  private get _widget() {
    const q = this.question!;
    switch (q.kind) {
      case 'yesNoPartial':
        return this._chips(YES_NO_PARTIAL);
      case 'yesNo':
        return this._chips(YES_NO);
      case 'choice':
        return this._chips((q.choices ?? []).map((c) => ({ value: c.value, label: c.label })));
      case 'multiChoice':
        return html`<form @submit=${this._submitMulti}>
          <fieldset>
            <legend class="visually-hidden">${W.multiLegend}</legend>
            <div class="row">
              ${(q.choices ?? []).map(
                (c) => html`<label class="check"
                  ><input
                    type="checkbox"
                    .checked=${this._multi.includes(c.value)}
                    @change=${(e: Event) => {
                      const on = (e.target as HTMLInputElement).checked;
                      this._multi = on ? [...this._multi, c.value] : this._multi.filter((v) => v !== c.value);
                    }}
                  />${c.label}</label
                >`,
              )}
            </div>
          </fieldset>
          <div class="row gap-top">
            <button class="btn primary" type="submit" ?disabled=${this.busy}>${W.ok}</button>${this._skip}
          </div>
        </form>`;
      case 'number':
        return html`<form class="row" @submit=${this._submitNumber}>
          <span class="num">
            <input
              type="text"
              inputmode="decimal"
              autocomplete="off"
              aria-label=${fill(W.numberLabel, { text: q.text, unit: q.unit ?? W.numberUnit })}
              .value=${this._draft}
              @input=${(e: Event) => (this._draft = (e.target as HTMLInputElement).value)}
            />
            ${q.unit ? html`<span class="unit">${q.unit}</span>` : nothing}
          </span>
          <button class="btn primary" type="submit" ?disabled=${this.busy}>${W.ok}</button>${this._skip}
        </form>`;
      case 'text':
      case 'date':
      default:
        if (q.kind === 'text' && q.multiline)
          return html`<form class="multi" @submit=${this._submitText}>
            <textarea
              rows=${window.innerWidth <= 600 ? 1 : 2}
              aria-label=${q.text}
              maxlength="4000"
              .value=${this._draft}
              @input=${(e: Event) => {
                const area = e.target as HTMLTextAreaElement;
                this._draft = area.value;
                this._grow(area);
              }}
              @keydown=${(e: KeyboardEvent) => {
                // A narrative has paragraphs: Enter is a new line, Ctrl/⌘+Enter submits.
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this._submitText(e);
              }}
            ></textarea>
            <div class="row">
              <button class="btn primary" type="submit" ?disabled=${this.busy}>${W.ok}</button>${this._skip}
            </div>
          </form>`;
        // A date is typed as the form view takes it, with the same example: a browser's month box shows a pattern of its
        // own (「----年--月」) or, where it has none, a bare text box, and neither says what to type.
        return html`<form class="row" @submit=${this._submitText}>
          <span class="text">
            <input
              type="text"
              inputmode=${q.kind === 'date' ? 'numeric' : nothing}
              autocomplete="off"
              placeholder=${q.kind === 'date' ? datePlaceholder(q.precision) : nothing}
              aria-label=${q.text}
              maxlength="2000"
              .value=${this._draft}
              @input=${(e: Event) => (this._draft = (e.target as HTMLInputElement).value)}
            />
          </span>
          <button class="btn primary" type="submit" ?disabled=${this.busy}>${W.ok}</button>${this._skip}
        </form>`;
    }
  }

  private get _errorText(): string {
    return this._error || this.serverError;
  }

  render() {
    const q = this.question;
    if (!q) return nothing;
    if (this.compact) {
      return html`${this._widget}${this._errorText ? html`<p class="error" role="alert">${this._errorText}</p>` : nothing}`;
    }
    if (this.collapsed) {
      // Folded while the composer has the keyboard, a question answered with a tap keeps its choices: one row, and a
      // tap answers it without closing the keyboard first. A box to type in is what the fold leaves out. The press keeps
      // the focus in the composer: moved to the chip, it would unfold the card under the finger before the click lands.
      const tapped = q.kind === 'yesNo' || q.kind === 'yesNoPartial' || q.kind === 'choice';
      return html`<section class="card collapsed" aria-labelledby="qt"><p class="q" id="qt">${q.text}</p>${tapped
        ? html`<div class="gap-top" @mousedown=${(e: MouseEvent) => e.preventDefault()}>${this._widget}</div>`
        : nothing}</section>`;
    }
    return html`<section class="card" aria-labelledby="qt">
      <p class="q" id="qt">${q.text}</p>
      ${q.help || q.clause
        ? html`<p class="help ${this._helpOpen ? '' : 'clamped'}" @click=${() => (this._helpOpen = true)}>
            ${q.clause ? html`<zz-citation-chip .clause=${q.clause}></zz-citation-chip>` : nothing} ${q.help ?? ''}
          </p>`
        : nothing}
      ${this._widget}
      ${this._errorText ? html`<p class="error" role="alert">${this._errorText}</p>` : nothing}
      <p class="hint">${W.hint}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-question': ZzQuestion;
  }
}
