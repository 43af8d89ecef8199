import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatMessage } from '../lib/conversation';
import './zz-message';

/** The conversation, newest at the bottom; it follows new text unless the reader scrolled up. */
@customElement('zz-message-list')
export class ZzMessageList extends LitElement {
  static styles = css`
    :host {
      display: flex;
      flex-direction: column;
      gap: var(--zz-space-3);
      padding: var(--zz-space-4);
      min-width: 0;
    }
  `;

  /** Messages in transcript order. */
  @property({ attribute: false }) messages: ChatMessage[] = [];
  /** Passed to each message so queued ones say they wait for the network. */
  @property({ type: Boolean }) offline = false;

  render() {
    return html`${repeat(
      this.messages,
      (m) => m.clientId ?? m.id,
      (m) => html`<zz-message .message=${m} ?offline=${this.offline}></zz-message>`,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-message-list': ZzMessageList;
  }
}
