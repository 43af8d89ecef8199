import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Assessment } from '../../server/schemas/profile';
import type { Progress } from '../../server/schemas/interview';
import type { UiWording } from '../../server/knowledge/schemas/ui';
import { controls } from './shared-styles';
import { CATEGORY_LABEL, STATUS_ICON, STATUS_LABEL, VERDICT_LABEL, capabilityLabel, fitsWorseLine } from '../lib/format';
import { fill, fillParts, words } from '../lib/messages';
import './zz-citation-chip';

const W = words.assessment;
import { richText, richTextStyles } from './rich-text';

/** The live assessment: verdict, category with reasons, hard conditions, each element and progress. */
@customElement('zz-assessment-panel')
export class ZzAssessmentPanel extends LitElement {
  static styles = [
    controls,
    richTextStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      h3 {
        font-size: var(--zz-font-size);
        margin: var(--zz-space-4) 0 var(--zz-space-2);
      }
      .verdict {
        display: flex;
        flex-direction: column;
        gap: var(--zz-space-1);
        padding: var(--zz-space-3) var(--zz-space-4);
        border-radius: var(--zz-radius);
        border-left: 6px solid var(--zz-color-unknown);
        background: var(--zz-color-unknown-soft);
      }
      .verdict.qualified {
        border-color: var(--zz-color-met);
        background: var(--zz-color-met-soft);
      }
      .verdict.gaps {
        border-color: var(--zz-color-partial);
        background: var(--zz-color-partial-soft);
      }
      .verdict.ineligible {
        border-color: var(--zz-color-unmet);
        background: var(--zz-color-unmet-soft);
      }
      .verdict strong {
        font-size: var(--zz-font-size-lg);
      }
      .cat {
        font-size: var(--zz-font-size);
      }
      ul {
        margin: 0;
        padding-left: 1.2em;
      }
      li {
        margin: var(--zz-space-1) 0;
        overflow-wrap: anywhere;
      }
      .muted {
        color: var(--zz-color-muted);
        font-size: var(--zz-font-size-sm);
      }
      .progress {
        margin-top: var(--zz-space-3);
      }
      .bar {
        height: 8px;
        border-radius: 4px;
        background: var(--zz-color-unknown-soft);
        overflow: hidden;
        margin-top: var(--zz-space-1);
      }
      .bar > span {
        display: block;
        height: 100%;
        background: var(--zz-color-primary);
      }
      .cond {
        list-style: none;
        padding: 0;
      }
      .cond > li {
        border: 1px solid var(--zz-color-border);
        border-radius: var(--zz-radius);
        padding: var(--zz-space-2) var(--zz-space-3);
        margin: 0 0 var(--zz-space-2);
        background: var(--zz-color-surface);
      }
      .cond .head {
        display: flex;
        align-items: center;
        gap: var(--zz-space-2);
        flex-wrap: wrap;
      }
      .icon {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 24px;
        height: 24px;
        border-radius: 50%;
        font-size: 14px;
        font-weight: 700;
        flex: none;
      }
      .met .icon {
        background: var(--zz-color-met);
        color: #fff;
      }
      .partial .icon {
        background: var(--zz-color-partial);
        color: #fff;
      }
      .unmet .icon {
        background: var(--zz-color-unmet);
        color: #fff;
      }
      .unknown .icon {
        background: var(--zz-color-unknown-soft);
        color: var(--zz-color-unknown);
        border: 1px solid var(--zz-color-unknown);
      }
      .status {
        font-size: var(--zz-font-size-sm);
        font-weight: 600;
      }
      .met .status {
        color: var(--zz-color-met);
      }
      .partial .status {
        color: var(--zz-color-partial);
      }
      .unmet .status {
        color: var(--zz-color-unmet);
      }
      .unknown .status {
        color: var(--zz-color-unknown);
      }
      .title {
        font-weight: 600;
        flex: 1 1 140px;
        min-width: 0;
      }
      .detail {
        font-size: var(--zz-font-size-sm);
        margin: var(--zz-space-1) 0 0;
        overflow-wrap: anywhere;
      }
      .block {
        color: var(--zz-color-unmet);
      }
      .block .remedy {
        color: var(--zz-color-text);
      }
      .empty {
        color: var(--zz-color-muted);
      }
    `,
  ];

  /** The latest assessment from the server; null before the first answer. */
  @property({ attribute: false }) assessment: Assessment | null = null;
  /** How far the interview is. */
  @property({ attribute: false }) progress: Progress | null = null;
  /**
   * How many questions have a (non-skipped) answer, as the page counts them. When the server has said
   * the form phase. Undefined when the caller does not know, which shows the assessment as given.
   */
  @property({ attribute: false }) answered: number | undefined = undefined;
  /** Chinese labels for capability ids. */
  /** The notice the session's knowledge version holds; null until the session is open. */
  @property({ attribute: false }) notice: { shortTitle: string; ui?: UiWording } | null = null;
  @property({ attribute: false }) capabilityLabels: ReadonlyMap<string, string> = new Map();

  private get _progress() {
    const p = this.progress;
    if (!p) return nothing;
    // Nothing answered yet (a user who only asks questions): no counters to show.
    if (!p.answered) return nothing;
    const total = p.answered + p.remaining + (p.upcoming ?? 0);
    const pct = total ? Math.round((p.answered / total) * 100) : 0;
    const text =
      p.phase === 'done' || p.remaining === 0
        ? fill(W.progress.done, { answered: p.answered })
        : p.phase === 'form'
          ? fill(W.progress.form, { answered: p.answered, remaining: p.remaining })
          : fill(W.progress.interview, { answered: p.answered, remaining: p.remaining, then: p.upcoming ? fill(W.progress.upcoming, { upcoming: p.upcoming }) : '' });
    return html`<div class="progress">
      <div class="muted" id="pl">${text}</div>
      <div class="bar" role="progressbar" aria-labelledby="pl" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${pct}>
        <span style=${styleMap({ width: `${pct}%` })}></span>
      </div>
    </div>`;
  }

  /** Engine prose as text, with its （clause） references turned into chips. */
  private _rich(text: string) {
    return richText(text);
  }

  /**
   * Whether the advice shown already names every one of these capabilities (「请确认：MES、ERP。…」 beside 「待确认：MES、ERP」):
   * the list line would only say it twice. A label the advice words otherwise keeps its line.
   */
  private _restated(ids: string[], advice: string): boolean {
    return !!advice && ids.every((id) => advice.includes(capabilityLabel(id, this.capabilityLabels)));
  }

  private _labels(ids: string[]): string {
    return ids.map((id) => capabilityLabel(id, this.capabilityLabels)).join(words.common.listSep);
  }

  render() {
    const a = this.assessment;
    // The sentences that restate the notice come with the session's knowledge version (ui.json).
    const ui = this.notice?.ui?.assessment;
    // With nothing answered the engine still has a default direction; showing it would read as a recommendation.
    if (!a || this.answered === 0) {
      return html`<p class="empty">${W.empty}</p>${this._progress}`;
    }
    // An ineligible enterprise is recommended nothing: the verdict and a direction would contradict each other.
    // Until the plan is past its basic and category questions the engine's direction is a default, not a reading of
    // the enterprise's answers: the header says which questions the direction still waits for.
    const awaiting = this.progress?.phase === 'hard' || this.progress?.phase === 'category' ? this.progress.phase : null;
    const rec = a.eligible && !awaiting ? a.category.recommended : null;
    const pending = a.pending ?? [];
    // A category the enterprise chose that fits worse is its choice, said with the better one: never 「推荐」.
    const fit = rec && ui ? a.category.fitsBetter : undefined;
    return html`
      <div class="verdict ${a.verdict}" role="status">
        <strong>${VERDICT_LABEL[a.verdict]}</strong>
        ${a.blocking.length
          ? html`<span class="cat" data-testid="hard-failing"
              >${fill(W.blockedBy, { items: [...new Set(a.blocking.map((b) => (b.title ? `${b.clause} ${b.title}` : b.clause)))].join(words.common.listSep) })}</span
            >`
          : nothing}
        ${rec && fit && ui
          ? html`<span class="cat">${fill(ui.chosenCategory, { category: CATEGORY_LABEL[rec] })}</span>
              <span class="cat muted">${fitsWorseLine(ui, fit)}</span>`
          : rec
            ? html`<span class="cat">${fill(a.category.notYet ? W.fitsNotYet : W.recommended, { category: CATEGORY_LABEL[rec] })}</span>`
            : a.eligible
              ? html`<span class="cat muted">${awaiting ? W.categoryAwaiting[awaiting] : W.categoryOpen}</span>`
              : html`<span class="cat muted">${W.blockedFirst}</span>`}
        ${pending.length && ui
          ? html`<span class="cat muted" data-testid="hard-pending"
              >${ui.hardPending}：${pending.map((p) => `${p.clause} ${p.title}`).join(words.common.listSep)}</span
            >`
          : nothing}
      </div>
      ${this._progress}

      <h3>${W.hard}</h3>
      ${a.blocking.length || pending.length
        ? html`<ul>
            ${a.blocking.map(
              (b) => html`<li class="block">
                <zz-citation-chip .clause=${b.clause}></zz-citation-chip> ${b.reason}
                ${b.remedy ? html`<p class="detail remedy">${fillParts(W.remedy, { remedy: this._rich(b.remedy) })}</p>` : nothing}
              </li>`,
            )}
            ${pending.map(
              (p) => html`<li class="pending" data-clause=${p.clause}>
                ${ui?.hardPending ?? W.hardOpen}：<zz-citation-chip .clause=${p.clause}></zz-citation-chip> ${p.title}
              </li>`,
            )}
          </ul>
          ${pending.length && ui ? html`<p class="detail muted">${this._rich(ui.hardPendingNote)}</p>` : nothing}
          ${a.blocking.length && ui?.blockedHelp ? html`<p class="detail blocked-help">${this._rich(ui.blockedHelp)}</p>` : nothing}`
        : html`<p class="muted">${a.eligible ? (ui?.hardNoneFailing ?? W.hardMet) : W.hardOpen}</p>`}

      ${a.eligible && (a.category.reasons.length || a.category.alternatives.length)
        ? html`<h3>${rec && !fit ? fill(W.whyCategory, { category: CATEGORY_LABEL[rec] }) : W.categoryBasis}</h3>
            <ul>
              ${a.category.reasons.map(
                (r) => html`<li>${r.clause ? html`<zz-citation-chip .clause=${r.clause}></zz-citation-chip> ` : nothing}${this._rich(r.text)}</li>`,
              )}
            </ul>
            ${a.category.alternatives.length
              ? html`<h3>${W.whyNot}</h3>
                  <ul>
                    ${a.category.alternatives.map((x) => html`<li>${fillParts(W.alternative, { category: html`<strong>${CATEGORY_LABEL[x.category]}</strong>`, whyNot: this._rich(x.whyNot) })}</li>`)}
                  </ul>`
              : nothing}`
        : nothing}

      ${a.conditions.length
        ? html`<h3>${a.eligible ? W.elements : W.elementsLater}</h3>
            <ul class="cond">
              ${a.conditions.map((c) => {
                const advice = c.advice && (c.status !== 'met' || c.asNeededLacking?.length) ? c.advice : '';
                return html`<li class=${c.status} data-clause=${c.clause}>
                  <div class="head">
                    <span class="icon" aria-hidden="true">${STATUS_ICON[c.status]}</span>
                    <span class="title">${c.title}</span>
                    <span class="status">${STATUS_LABEL[c.status]}</span>
                    <zz-citation-chip .clause=${c.clause} .heading=${c.title}></zz-citation-chip>
                  </div>
                  ${c.missing.length && !this._restated(c.missing, advice) ? html`<p class="detail">${fill(W.missing, { items: this._labels(c.missing) })}</p>` : nothing}
                  ${c.unknown.length && !this._restated(c.unknown, advice) ? html`<p class="detail muted">${fill(W.unknown, { items: this._labels(c.unknown) })}</p>` : nothing}
                  ${c.asNeededLacking?.length && ui ? html`<p class="detail muted">${fill(W.asNeeded, { heading: ui.asNeededUnused, items: this._labels(c.asNeededLacking) })}</p>` : nothing}
                  ${advice ? html`<p class="detail advice">${fillParts(W.advice, { advice: this._rich(advice) })}</p>` : nothing}
                </li>`;
              },
              )}
            </ul>`
        : nothing}

      ${a.notes.length
        ? html`<h3>${W.notes}</h3>
            <ul>
              ${a.notes.map((n) => html`<li><zz-citation-chip .clause=${n.clause}></zz-citation-chip> ${n.text}</li>`)}
            </ul>`
        : nothing}
      ${ui ? html`<p class="muted">${fill(ui.basis, { notice: this.notice?.shortTitle ? `《${this.notice.shortTitle}》` : ui.noticeFallback })}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-assessment-panel': ZzAssessmentPanel;
  }
}
