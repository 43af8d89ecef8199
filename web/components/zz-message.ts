import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { apiJson } from '../lib/api';
import { controls } from './shared-styles';
import { emit } from '../lib/events';
import { splitRichText } from '../lib/format';
import type { ChatMessage } from '../lib/conversation';
import './zz-citation-chip';
import { richText, richTextStyles } from './rich-text';
import { fill, words } from '../lib/messages';

const W = words.message;

/**
 * A thumb drawn inline: an emoji needs a colour-emoji font, and a machine without one shows an empty
 * box. Decorative: the button carries the name.
 */
function thumb(dir: 'up' | 'down') {
  const d =
    dir === 'up'
      ? 'M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3'
      : 'M10 15v4a3 3 0 0 0 3 3l4-9V2H5.72a2 2 0 0 0-2 1.7l-1.38 9a2 2 0 0 0 2 2.3zm7-13h2.67A2.31 2.31 0 0 1 22 4v7a2.31 2.31 0 0 1-2.33 2H17';
  return html`<svg class="thumb" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${svg`<path d=${d} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"></path>`}</svg>`;
}

/** One chat bubble. Text is always bound as text; 〔clause〕 references become citation chips. */
@customElement('zz-message')
export class ZzMessage extends LitElement {
  static styles = [
    controls,
    richTextStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        min-width: 0;
        /* The containing block of the visually hidden text: without it the text is placed against the
           page and makes the document taller than the window, which then scrolls into blank space. */
        position: relative;
      }
      :host([role-user]) {
        align-items: flex-end;
      }
      .bubble {
        max-width: min(680px, 88%);
        padding: var(--zz-space-3) var(--zz-space-4);
        border-radius: var(--zz-radius-lg);
        background: var(--zz-color-surface);
        box-shadow: var(--zz-shadow);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        min-width: 0;
      }
      .user .bubble {
        background: var(--zz-color-user-bubble);
        color: var(--zz-color-on-user-bubble);
        border-bottom-right-radius: var(--zz-space-1);
      }
      .assistant .bubble {
        border-bottom-left-radius: var(--zz-space-1);
      }
      .wrap {
        display: flex;
        flex-direction: column;
        align-items: inherit;
        width: 100%;
        min-width: 0;
      }
      .user.wrap {
        align-items: flex-end;
      }
      .caption {
        display: block;
        font-size: var(--zz-font-size-sm);
        opacity: 0.9;
        margin-bottom: var(--zz-space-1);
        border-bottom: 1px solid rgba(255, 255, 255, 0.35);
        padding-bottom: var(--zz-space-1);
      }
      @media (max-width: 600px) {
        /* On a phone the question is still on screen above; two lines are enough to recognise it. */
        .caption {
          display: -webkit-box;
          -webkit-line-clamp: 2;
          -webkit-box-orient: vertical;
          overflow: hidden;
          /* Padding inside a clamped box would let the third line peek through. */
          padding-bottom: 0;
          border-bottom: none;
          margin-bottom: var(--zz-space-2);
        }
      }
      .cites {
        display: flex;
        flex-wrap: wrap;
        gap: var(--zz-space-1);
        margin-top: var(--zz-space-2);
        white-space: normal;
      }
      .queued {
        font-weight: 600;
        color: var(--zz-color-partial);
      }
      .meta {
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-muted);
        margin-top: var(--zz-space-1);
        display: flex;
        align-items: center;
        gap: var(--zz-space-2);
        flex-wrap: wrap;
      }
      .rejected .bubble {
        opacity: 0.65;
      }
      .failed .bubble {
        background: var(--zz-color-unmet-soft);
        color: var(--zz-color-text);
        border: 1px solid var(--zz-color-unmet);
      }
      .error {
        color: var(--zz-color-unmet);
      }
      .vote {
        padding: 0 var(--zz-space-2);
      }
      .vote[aria-pressed='true'] {
        background: var(--zz-color-primary-soft);
        border-color: var(--zz-color-primary);
      }
      .thumb {
        display: block;
      }
      .cursor {
        display: inline-block;
        width: 0.5em;
        animation: blink 1s steps(2, start) infinite;
      }
      @keyframes blink {
        to {
          visibility: hidden;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .cursor {
          animation: none;
        }
      }
    `,
  ];

  /** The message to show. */
  @property({ attribute: false }) message!: ChatMessage;
  /** True while the session is not open, so a queued message says it is waiting rather than sending. */
  @property({ type: Boolean }) offline = false;

  @state() private _vote: 'up' | 'down' | null = null;
  @state() private _voteError = '';

  protected willUpdate(): void {
    this.toggleAttribute('role-user', this.message?.role === 'user');
  }

  private get _text() {
    const m = this.message;
    if (m.role === 'user') return m.text;
    return richText(m.text);
  }

  private get _citations() {
    const inline = new Set(splitRichText(this.message.text).flatMap((p) => (p.kind === 'clause' ? [p.clause] : [])));
    // One chip per clause: an answer quoting two passages of one clause (its commitment and its
    // signature line) still cites that clause once.
    const extra = this.message.citations.filter((c, i, all) => !inline.has(c.clause) && all.findIndex((x) => x.clause === c.clause) === i);
    if (!extra.length) return nothing;
    return html`<div class="cites" aria-label=${W.cites}>
      ${extra.map((c) => html`<zz-citation-chip .clause=${c.clause} .heading=${c.title}></zz-citation-chip>`)}
    </div>`;
  }

  private get _meta() {
    const m = this.message;
    if (m.status === 'sending')
      return html`<div class="meta">${this.offline ? html`<span class="queued">${W.queued}</span> ${W.queuedNote}` : W.sending}</div>`;
    if (m.status === 'failed')
      return html`<div class="meta" role="alert">
        <span class="error">${fill(W.failed, { error: m.error ?? W.disconnected })}</span>
        <button class="btn" type="button" @click=${() => emit(this, 'zz-retry', { id: m.id })}>${W.retry}</button>
      </div>`;
    if (m.status === 'rejected')
      // No retry: the server would refuse the same value again; the note by the question says what to fix.
      return html`<div class="meta"><span class="error">${fill(W.rejected, { error: m.error ?? W.rejectedDefault })}</span></div>`;
    if (m.role === 'assistant' && m.logId && m.status === 'done') return this._feedback(m.logId);
    return nothing;
  }

  /** Thumbs up/down go to the question log; a 👎 puts the answer in front of the helpline for review. */
  private _feedback(logId: string) {
    const v = this._vote;
    return html`<div class="meta" role="group" aria-label=${W.helpful}>
      <button class="btn ghost vote" type="button" aria-label=${W.up} title=${W.up} aria-pressed=${v === 'up' ? 'true' : 'false'} data-vote="up" @click=${() => this._send(logId, 'up')}>${thumb('up')}</button>
      <button class="btn ghost vote" type="button" aria-label=${W.down} title=${W.down} aria-pressed=${v === 'down' ? 'true' : 'false'} data-vote="down" @click=${() => this._send(logId, 'down')}>${thumb('down')}</button>
      ${this._voteError ? html`<span class="error">${this._voteError}</span>` : v ? html`<span>${v === 'down' ? W.downThanks : W.upThanks}</span>` : nothing}
    </div>`;
  }

  private async _send(questionId: string, vote: 'up' | 'down') {
    this._voteError = '';
    try {
      await apiJson('/api/feedback', { body: { questionId, vote } });
      this._vote = vote;
    } catch (err) {
      this._voteError = (err as Error).message;
    }
  }

  render() {
    const m = this.message;
    if (!m) return nothing;
    const who = m.role === 'user' ? W.me : W.assistant;
    return html`<div class="wrap ${m.role} ${m.status}" data-status=${m.status}>
      <span class="visually-hidden">${fill(W.who, { who })}</span>
      <div class="bubble">${m.caption ? html`<span class="caption">${m.caption}</span>` : nothing}${this._text}${m.status === 'streaming' ? html`<span class="cursor" aria-hidden="true">▍</span>` : nothing}${m.role === 'assistant' ? this._citations : nothing}</div>
      ${this._meta}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-message': ZzMessage;
  }
}
