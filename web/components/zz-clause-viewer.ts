import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { controls } from './shared-styles';
import { fetchClause, type ClauseView } from '../lib/api';
import { isHeadingOnly } from '../lib/format';
import { fill, words } from '../lib/messages';

const W = words.clause;

/**
 * Shows the full text of one clause in a modal dialog (a bottom sheet on phones). The native
 * <dialog> gives focus trapping and Esc-to-close for free.
 */
@customElement('zz-clause-viewer')
export class ZzClauseViewer extends LitElement {
  static styles = [
    controls,
    css`
      dialog {
        width: min(640px, calc(100vw - 32px));
        max-height: min(80vh, 720px);
        border: none;
        border-radius: var(--zz-radius-lg);
        padding: 0;
        box-shadow: var(--zz-shadow-lg);
        color: var(--zz-color-text);
      }
      dialog::backdrop {
        background: rgba(15, 23, 42, 0.45);
      }
      .inner {
        display: flex;
        flex-direction: column;
        max-height: inherit;
      }
      header {
        display: flex;
        align-items: center;
        gap: var(--zz-space-3);
        padding: var(--zz-space-3) var(--zz-space-3) var(--zz-space-3) var(--zz-space-5);
        border-bottom: 1px solid var(--zz-color-border);
      }
      h2 {
        flex: 1;
        margin: 0;
        font-size: var(--zz-font-size-lg);
        line-height: 1.4;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .path {
        display: block;
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-muted);
        font-weight: normal;
      }
      .body {
        padding: var(--zz-space-4) var(--zz-space-5) var(--zz-space-5);
        overflow-y: auto;
        overflow-wrap: anywhere;
      }
      .clause-text {
        white-space: pre-wrap;
      }
      .error {
        color: var(--zz-color-unmet);
      }
      p {
        margin: 0 0 var(--zz-space-3);
      }
      @media (max-width: 600px) {
        dialog {
          width: 100vw;
          max-width: 100vw;
          margin: auto 0 0 0;
          border-radius: var(--zz-radius-lg) var(--zz-radius-lg) 0 0;
          max-height: 85dvh;
        }
      }
    `,
  ];

  /** Clause id to show; setting it to '' closes the viewer. */
  @property() clause = '';
  /** The knowledge version to read the clause from (the session's); empty for the server's default. */
  @property() version = '';

  @state() private _view: ClauseView | null = null;
  @state() private _error = '';
  @state() private _loading = false;
  @query('dialog') private _dialog!: HTMLDialogElement;
  private _abort: AbortController | null = null;

  protected updated(changed: Map<string, unknown>): void {
    if (!changed.has('clause')) return;
    if (this.clause) {
      if (!this._dialog.open) this._dialog.showModal();
      void this._load(this.clause);
    } else if (this._dialog.open) {
      this._dialog.close();
    }
  }

  private async _load(id: string): Promise<void> {
    this._abort?.abort();
    const abort = (this._abort = new AbortController());
    this._loading = true;
    this._error = '';
    this._view = null;
    try {
      this._view = await fetchClause(id, abort.signal, this.version || undefined);
    } catch (err) {
      if ((err as Error).name !== 'AbortError') this._error = fill(W.loadFailed, { id, message: (err as Error).message });
    } finally {
      if (this._abort === abort) this._loading = false;
    }
  }

  private _onClose = () => {
    this._abort?.abort();
    this.dispatchEvent(new CustomEvent('zz-clause-closed', { bubbles: true, composed: true }));
  };

  render() {
    const v = this._view;
    return html`<dialog aria-labelledby="t" @close=${this._onClose} @click=${this._backdropClick}>
      <div class="inner">
        <header>
          <h2 id="t">
            〔${this.clause}〕${v?.title ? ` ${v.title}` : nothing}
          </h2>
          <button class="btn ghost" type="button" aria-label=${W.close} @click=${() => this._dialog.close()}>✕</button>
        </header>
        <div class="body" aria-live="polite">
          ${this._loading ? html`<p>${W.loading}</p>` : nothing}
          ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
          ${v?.note ? html`<p class="path">${fill(W.note, { note: v.note })}</p>` : nothing}
          ${v ? this._ownText(v) : nothing}
          ${v?.children.map((c) => html`<p class="clause-text child">${c.text}</p>`)}
        </div>
      </div>
    </dialog>`;
  }

  /**
   * A section whose text is only its heading shows its subsections under the title alone. A leaf
   * keeps its text even when it is one line (「（一）企业法人营业执照复印件；」): that line is the requirement.
   */
  private _ownText(v: ClauseView) {
    if (v.children.length && (!v.text || isHeadingOnly(v.text, v.title))) return nothing;
    return html`<p class="clause-text">${v.text || W.noText}</p>`;
  }

  /** A click on the backdrop lands on the dialog element itself; close like a sheet would. */
  private _backdropClick(e: MouseEvent): void {
    if (e.target === this._dialog) this._dialog.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-clause-viewer': ZzClauseViewer;
  }
  interface HTMLElementEventMap {
    'zz-clause-closed': CustomEvent<void>;
  }
}
