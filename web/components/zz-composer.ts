import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { controls } from './shared-styles';
import { emit } from '../lib/events';
import { fill, words } from '../lib/messages';

const W = words.composer;

/** Where the user types: answers in their own words, or questions about the notice. */
@customElement('zz-composer')
export class ZzComposer extends LitElement {
  static styles = [
    controls,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        gap: var(--zz-space-2);
        align-items: flex-end;
      }
      textarea {
        flex: 1;
        min-width: 0;
        resize: none;
        max-height: 140px;
        line-height: 1.5;
        padding-top: 10px;
        padding-bottom: 10px;
      }
      .count {
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-unmet);
      }
    `,
  ];

  /** Placeholder text, which tells the user what the box is for in the current mode. */
  @property() placeholder = W.placeholder;
  /** Disables sending (e.g. before a session exists). Typing stays possible. */
  @property({ type: Boolean }) disabled = false;

  @state() private _text = '';
  @query('textarea') private _area!: HTMLTextAreaElement;

  private static readonly MAX = 2000;
  /**
   * A phone browser reloads a tab it dropped in the background, and a reload mid-session is common:
   * what was typed and not yet sent is kept for this tab (sessionStorage), so it is not lost.
   */
  static readonly DRAFT_KEY = 'zz-composer-draft';

  connectedCallback(): void {
    super.connectedCallback();
    this._text = readDraft();
  }

  protected firstUpdated(): void {
    if (this._text) this._resize();
  }

  focus(): void {
    this._area?.focus();
  }

  /** Puts back words that were sent and not recorded (the question they answered was answered in another tab), unless something new is being typed. */
  restore(text: string): void {
    if (this._text.trim()) return;
    this._text = text;
    writeDraft(text);
    void this.updateComplete.then(() => this._resize());
  }

  private _submit(e?: Event): void {
    e?.preventDefault();
    const text = this._text.trim();
    if (!text || this.disabled || text.length > ZzComposer.MAX) return;
    emit(this, 'zz-send', { text });
    this._text = '';
    writeDraft('');
    this._area.value = '';
    this._resize();
  }

  private _keydown(e: KeyboardEvent): void {
    // Enter sends; an IME still composing Chinese must keep its Enter to confirm the candidate.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      this._submit();
    }
  }

  private _resize(): void {
    const a = this._area;
    if (!a) return;
    a.style.height = 'auto';
    a.style.height = `${Math.min(a.scrollHeight + 2, 140)}px`;
  }

  render() {
    const over = this._text.length > ZzComposer.MAX;
    return html`<form @submit=${this._submit}>
        <label class="visually-hidden" for="box">${W.label}</label>
        <textarea
          id="box"
          rows="1"
          enterkeyhint="send"
          placeholder=${this.placeholder}
          .value=${this._text}
          @input=${(e: Event) => {
            this._text = (e.target as HTMLTextAreaElement).value;
            writeDraft(this._text);
            this._resize();
          }}
          @keydown=${this._keydown}
        ></textarea>
        <button class="btn primary" type="submit" ?disabled=${this.disabled || !this._text.trim() || over}>${W.send}</button>
      </form>
      ${over ? html`<div class="count" role="alert">${fill(W.tooLong, { max: ZzComposer.MAX, n: this._text.length })}</div>` : ''}`;
  }
}

/** Storage can be missing or refuse (private mode, a full quota): the box then simply starts empty. */
function readDraft(): string {
  try {
    return window.sessionStorage.getItem(ZzComposer.DRAFT_KEY) ?? '';
  } catch {
    return '';
  }
}

function writeDraft(text: string): void {
  try {
    if (text) window.sessionStorage.setItem(ZzComposer.DRAFT_KEY, text);
    else window.sessionStorage.removeItem(ZzComposer.DRAFT_KEY);
  } catch {
    /* the draft just is not kept */
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-composer': ZzComposer;
  }
}
