import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls } from './shared-styles';
import type { ConnectionStatus } from '../lib/chat-client';
import { fill, words } from '../lib/messages';

const W = words.offline;

/** Says plainly when the page has lost the server, and that queued messages will still go out. */
@customElement('zz-offline-banner')
export class ZzOfflineBanner extends LitElement {
  static styles = [
    controls,
    css`
      :host {
        display: block;
      }
      .banner {
        display: flex;
        align-items: center;
        gap: var(--zz-space-3);
        flex-wrap: wrap;
        padding: var(--zz-space-2) var(--zz-space-4);
        background: var(--zz-color-partial-soft);
        color: var(--zz-color-text);
        border-bottom: 1px solid var(--zz-color-partial);
        font-size: var(--zz-font-size-sm);
      }
      .text {
        flex: 1 1 200px;
      }
    `,
  ];

  /** Connection state of the chat socket. */
  @property() status: ConnectionStatus = 'idle';
  /** Number of messages waiting to be sent. */
  @property({ type: Number }) pending = 0;

  render() {
    if (this.status !== 'offline') return nothing;
    return html`<div class="banner" role="status">
      <span class="text"
        >${W.text}${this.pending ? fill(W.pending, { n: this.pending }) : ''}</span
      >
      <button class="btn" type="button" @click=${() => this.dispatchEvent(new CustomEvent('zz-reconnect', { bubbles: true, composed: true }))}>
        ${W.reconnect}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-offline-banner': ZzOfflineBanner;
  }
  interface HTMLElementEventMap {
    'zz-reconnect': CustomEvent<void>;
  }
}
