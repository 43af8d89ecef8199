import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AnswerValue, QuestionView, Recorded } from '../../server/schemas/interview';
import { controls } from './shared-styles';
import { emit } from '../lib/events';
import './zz-question';
import { fill, words } from '../lib/messages';

const W = words.review;

/**
 * Every answer given so far. 「修改」 opens the answer's own widget in place; the change goes to the
 * server as an 'edit', which re-runs the assessment.
 */
@customElement('zz-review-card')
export class ZzReviewCard extends LitElement {
  static styles = [
    controls,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        border-bottom: 1px solid var(--zz-color-border);
        padding: var(--zz-space-2) 0;
      }
      .row {
        display: flex;
        align-items: center;
        gap: var(--zz-space-2);
      }
      .text {
        flex: 1;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .label {
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-muted);
        display: block;
      }
      .value {
        font-weight: 600;
      }
      .queued {
        margin-left: var(--zz-space-2);
        color: var(--zz-color-muted);
        font-size: var(--zz-font-size-sm);
      }
      .edit {
        margin-top: var(--zz-space-2);
        display: flex;
        flex-direction: column;
        gap: var(--zz-space-2);
      }
      .empty {
        color: var(--zz-color-muted);
      }
      h3 {
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-muted);
        margin: var(--zz-space-4) 0 0;
      }
      .summary {
        margin: 0 0 var(--zz-space-2);
        color: var(--zz-color-muted);
        font-size: var(--zz-font-size-sm);
      }
      h3:first-child,
      .summary + h3 {
        margin-top: 0;
      }
    `,
  ];

  /** Labelled answers in the order they were given. */
  @property({ attribute: false }) items: Recorded[] = [];
  /** Questions seen so far, so an answer is edited with the widget it was asked with. */
  @property({ attribute: false }) questions: ReadonlyMap<string, QuestionView> = new Map();
  /** Questions with an edit the server has not acknowledged yet (offline, it waits to be sent). */
  /** Edits not sent yet, by question: the new value to show in place of the recorded one ('' when unknown). */
  @property({ attribute: false }) queued: ReadonlyMap<string, string> = new Map();

  @state() private _editing: string | null = null;

  /**
   * Without the original question, infer a widget from the stored value's type. A text box then starts from the answer
   * as displayed (「智能工厂」), never from a stored internal value; the server reads a choice typed in words.
   */
  private _questionFor(r: Recorded): QuestionView {
    const known = this.questions.get(r.questionId);
    if (known) return known;
    const v = r.value;
    const kind: QuestionView['kind'] =
      v === 'partial' || v === 'building' || r.questionId.startsWith('cap.')
        ? 'yesNoPartial'
        : typeof v === 'boolean'
          ? 'yesNo'
          : typeof v === 'number'
            ? 'number'
            : Array.isArray(v)
              ? 'text'
              : 'text';
    return { id: r.questionId, text: r.label, kind, phase: 'elements' };
  }

  private _onAnswer(e: CustomEvent<{ questionId: string; value: AnswerValue; display: string }>, r: Recorded): void {
    // The inner widget speaks 'answer'; from the review card that same choice is an edit.
    e.stopPropagation();
    this._editing = null;
    if (e.detail.value === r.value) return;
    emit(this, 'zz-edit', { ...e.detail, label: r.label });
  }

  private _item(r: Recorded) {
    return html`<li data-question=${r.questionId}>
      <div class="row">
        <div class="text">
          <span class="label">${r.label}</span>
          <span class="value">${this.queued.get(r.questionId) || r.display}</span>
          ${this.queued.has(r.questionId) ? html`<span class="queued">${W.queued}</span>` : nothing}
        </div>
        <button
          class="btn"
          type="button"
          aria-expanded=${this._editing === r.questionId ? 'true' : 'false'}
          aria-label=${fill(W.editLabel, { label: r.label })}
          @click=${() => (this._editing = this._editing === r.questionId ? null : r.questionId)}
        >${this._editing === r.questionId ? W.cancel : W.edit}</button>
      </div>
      ${this._editing === r.questionId
        ? html`<div class="edit">
            <zz-question
              compact
              .question=${this._questionFor(r)}
              .value=${this.questions.has(r.questionId) || typeof r.value !== 'string' ? r.value : r.display}
              @zz-answer=${(e: CustomEvent<{ questionId: string; value: AnswerValue; display: string }>) => this._onAnswer(e, r)}
            ></zz-question>
          </div>`
        : nothing}
    </li>`;
  }

  render() {
    if (!this.items.length) return html`<p class="empty">${W.empty}</p>`;
    const groups = new Map<string, Recorded[]>();
    for (const r of this.items) {
      const g = groupOf(r.questionId);
      groups.set(g, [...(groups.get(g) ?? []), r]);
    }
    return html`<p class="summary">${reviewSummary(this.items)}</p>${[...groups].map(
      ([title, items]) => html`<h3>${title}</h3>
        <ul>
          ${items.map((r) => this._item(r))}
        </ul>`,
    )}`;
  }
}

/**
 * A skipped question (null) is listed so it can be answered later, but it is not an answer: count it apart. A skip a
 * hard condition reads leaves the condition 待确认 rather than put off, so it is counted as 待确认, as the chat said it.
 */
export function reviewSummary(items: readonly Recorded[]): string {
  const pending = items.filter((r) => r.value === null && r.pending).length;
  const skipped = items.filter((r) => r.value === null && !r.pending).length;
  const answered = items.length - skipped - pending;
  const parts = [fill(W.summary, { answered }), ...(pending ? [fill(W.summaryPending, { pending })] : []), ...(skipped ? [fill(W.summarySkipped, { skipped })] : [])];
  return parts.join(W.summarySep) + (pending || skipped ? W.summaryLater : '');
}

/** The tab label's count: answers only, kept short so the three tabs fit a 375 px phone; the card's summary names the skipped ones. */
export function reviewCount(items: readonly Recorded[]): string {
  return String(items.filter((r) => r.value !== null).length);
}

/** Groups follow the interview's phases, which the question ids encode (CONTRACTS.md). */
function groupOf(questionId: string): string {
  if (questionId.startsWith('form.')) return W.group.form;
  if (questionId.startsWith('cat.') || questionId === 'ent.industryCode') return W.group.category;
  if (questionId.startsWith('ent.')) return W.group.basic;
  return W.group.elements;
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-review-card': ZzReviewCard;
  }
}
