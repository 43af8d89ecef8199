import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls } from './shared-styles';
import { emit } from '../lib/events';
import { fill, words } from '../lib/messages';

const W = words.citation;

/** A clause reference such as 〔二(一)〕; activating it asks the shell to open the clause text. */
@customElement('zz-citation-chip')
export class ZzCitationChip extends LitElement {
  static styles = [
    controls,
    css`
      :host {
        display: inline-block;
        vertical-align: baseline;
      }
      button {
        display: inline-flex;
        align-items: center;
        min-height: 34px;
        padding: 2px 8px;
        margin: 2px 1px;
        border-radius: var(--zz-radius-pill);
        border: 1px solid var(--zz-color-primary);
        background: var(--zz-color-primary-soft);
        color: var(--zz-color-primary);
        font-size: var(--zz-font-size-sm);
        line-height: 1.4;
        cursor: pointer;
        white-space: nowrap;
        position: relative;
      }
      /* The visible chip stays compact inside text; the hit area still reaches 44 px. */
      button::after {
        content: '';
        position: absolute;
        inset: -5px 0;
      }
      button:hover {
        background: var(--zz-color-primary);
        color: var(--zz-color-on-primary);
      }
    `,
  ];

  /** Clause id from the notice numbering, e.g. `二(一)` or `附件2.一(二)`. */
  @property() clause = '';
  /** Clause title, read out to screen readers. */
  @property() heading = '';

  render() {
    return html`<button
      type="button"
      aria-label=${fill(W.label, { clause: this.clause, heading: this.heading ? ' ' + this.heading : '' })}
      title=${this.heading || W.title}
      @click=${() => emit(this, 'zz-open-clause', { clause: this.clause })}
    >〔${this.clause}〕</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-citation-chip': ZzCitationChip;
  }
}
