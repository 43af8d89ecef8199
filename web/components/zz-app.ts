import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { ServerMessage } from '../../server/schemas/ws';
import type { AnswerValue } from '../../server/schemas/interview';
import { controls } from './shared-styles';
import { ChatClient, type ConnectionStatus, type UserMessage } from '../lib/chat-client';
import { Conversation, isRejection } from '../lib/conversation';
import { dropSession, forget, formatHash, listSessions, loadMode, pickSession, rememberSession, save, saveMode, type SessionRef } from '../lib/session-link';
import { VERDICT_SHORT, doneNote, listedCategory } from '../lib/format';
import { fill, words } from '../lib/messages';
import { newClientId } from '../lib/ids';
import { loadQueued, saveQueued } from '../lib/outbox-store';
import { reviewCount } from './zz-review-card';
import { apiJson } from '../lib/api';
import { documentsApi } from '../lib/drafts-api';
import type { QuestionView, Recorded } from '../../server/schemas/interview';
import type { DocumentAnswer, ZzEventDetails } from '../lib/events';
import type { ZzComposer } from './zz-composer';
import './zz-welcome';
import './zz-message-list';
import './zz-question';
import './zz-composer';
import './zz-assessment-panel';
import './zz-review-card';
import './zz-drafts-panel';
import './zz-help-actions';
import './zz-clause-viewer';
import './zz-offline-banner';
import './zz-form-view';

type Tab = 'assessment' | 'review' | 'drafts';
type Mode = 'interview' | 'qa';

/** The outbox key for messages sent before the server opened a session; never a session id, which the server makes. */
const UNSTARTED = '(unstarted)';

/** A message the server has not acknowledged in this time while online is shown as failed. */
const ACK_TIMEOUT_MS = 15_000;

/**
 * The application shell: owns the socket client and the conversation state, and lays out the
 * chat, the pending question, the composer and the assessment side panel (a drawer on phones).
 */
@customElement('zz-app')
export class ZzApp extends LitElement {
  static styles = [
    controls,
    css`
      :host {
        display: block;
        /* visualViewport gives the height above the on-screen keyboard where dvh is not enough (iOS). */
        height: var(--zz-app-height, 100dvh);
        overflow: hidden;
        /* Clips anything absolutely placed inside: the page itself never scrolls. */
        position: relative;
      }
      .app {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-width: 0;
      }
      header.top {
        display: flex;
        align-items: center;
        gap: var(--zz-space-2);
        padding: var(--zz-space-2) var(--zz-space-4);
        background: var(--zz-color-surface);
        border-bottom: 1px solid var(--zz-color-border);
        min-width: 0;
        flex: none;
      }
      h1 {
        font-size: var(--zz-font-size-lg);
        margin: 0;
        white-space: nowrap;
      }
      .sub {
        color: var(--zz-color-muted);
        font-size: var(--zz-font-size-sm);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        min-width: 0;
        flex: 1;
      }
      .actions[hidden] {
        display: none;
      }
      .actions {
        display: flex;
        gap: var(--zz-space-2);
        flex: none;
      }
      .panel-toggle {
        display: none;
      }
      .badge {
        font-size: 12px;
        padding: 0 6px;
        border-radius: var(--zz-radius-pill);
        background: var(--zz-color-primary-soft);
        color: var(--zz-color-primary);
      }
      .body {
        flex: 1;
        display: grid;
        grid-template-columns: minmax(0, 1fr) var(--zz-panel-width);
        min-height: 0;
      }
      main {
        display: flex;
        flex-direction: column;
        min-height: 0;
        min-width: 0;
      }
      .scroller {
        flex: 1;
        overflow-y: auto;
        overflow-x: hidden;
        overscroll-behavior: contain;
        min-height: 0;
      }
      .dock {
        flex: none;
        display: flex;
        flex-direction: column;
        gap: var(--zz-space-2);
        padding: var(--zz-space-2) var(--zz-space-4) max(var(--zz-space-3), env(safe-area-inset-bottom));
        background: var(--zz-color-bg);
        border-top: 1px solid var(--zz-color-border);
        max-height: 60%;
        overflow-y: auto;
      }
      /*
       * The card gives way when the dock runs out of height: it scrolls inside itself, so the mode
       * switch and the composer below it stay on screen and a reply can always be typed instead.
       */
      .dock > zz-question {
        flex: 0 1 auto;
        min-height: 0;
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      .dock > .modes,
      .dock > .qa-hint,
      .dock > zz-composer {
        flex: none;
      }
      .modes {
        display: flex;
        gap: var(--zz-space-2);
        align-items: center;
        flex-wrap: wrap;
        font-size: var(--zz-font-size-sm);
      }
      .modes .label {
        color: var(--zz-color-muted);
      }
      .modes .chip {
        min-height: 34px;
        padding: 0 var(--zz-space-3);
        position: relative;
        font-size: var(--zz-font-size-sm);
      }
      /* Compact look, full 44 px hit area. */
      .modes .chip::after {
        content: '';
        position: absolute;
        inset: -5px 0;
      }
      .qa-hint {
        color: var(--zz-color-muted);
        font-size: var(--zz-font-size-sm);
        margin: 0;
      }
      .notice {
        margin: 0 var(--zz-space-4);
        padding: var(--zz-space-2) var(--zz-space-3);
        border-radius: var(--zz-radius);
        background: var(--zz-color-primary-soft);
        font-size: var(--zz-font-size-sm);
      }
      .notice.warn {
        background: var(--zz-color-partial-soft);
      }
      aside {
        border-left: 1px solid var(--zz-color-border);
        background: var(--zz-color-surface-2);
        display: flex;
        flex-direction: column;
        min-height: 0;
        min-width: 0;
      }
      .drawer-head {
        display: none;
      }
      [role='tablist'] {
        display: flex;
        gap: var(--zz-space-1);
        padding: var(--zz-space-2) var(--zz-space-3) 0;
        border-bottom: 1px solid var(--zz-color-border);
        flex: none;
        overflow-x: auto;
      }
      [role='tab'] {
        min-height: var(--zz-tap);
        padding: 0 var(--zz-space-3);
        border: none;
        border-bottom: 3px solid transparent;
        background: transparent;
        cursor: pointer;
        color: var(--zz-color-muted);
        white-space: nowrap;
      }
      [role='tab'][aria-selected='true'] {
        color: var(--zz-color-primary);
        border-bottom-color: var(--zz-color-primary);
        font-weight: 600;
      }
      [role='tabpanel'] {
        flex: 1;
        overflow-y: auto;
        padding: var(--zz-space-3) var(--zz-space-4) var(--zz-space-5);
        min-height: 0;
      }
      @media (max-width: 900px) {
        .body {
          grid-template-columns: minmax(0, 1fr);
        }
        .panel-toggle {
          display: inline-flex;
        }
        .sub {
          display: none;
        }
        /* 评估, 表单 and 新建 beside the title on a 375 px screen. */
        .actions {
          gap: var(--zz-space-1);
        }
        .actions .btn {
          padding: 0 var(--zz-space-2);
        }
        header.top {
          padding: var(--zz-space-1) var(--zz-space-3);
        }
        h1 {
          flex: 1;
          font-size: var(--zz-font-size);
        }
        aside {
          position: fixed;
          inset: 0;
          z-index: 20;
          border-left: none;
          transform: translateX(100%);
          visibility: hidden;
          transition: transform 0.2s ease, visibility 0.2s;
        }
        aside.open {
          transform: none;
          visibility: visible;
        }
        .drawer-head {
          display: flex;
          align-items: center;
          gap: var(--zz-space-2);
          padding: var(--zz-space-1) var(--zz-space-3);
          border-bottom: 1px solid var(--zz-color-border);
          background: var(--zz-color-surface);
        }
        .drawer-head h2 {
          flex: 1;
          margin: 0;
          font-size: var(--zz-font-size);
        }
        .dock {
          padding-left: var(--zz-space-3);
          padding-right: var(--zz-space-3);
          /*
           * The conversation keeps at least half of a phone's height. The card, the mode switch and the
           * composer together need more than 40% of a 667 px screen for a two-line question with choices;
           * past the limit the card scrolls inside itself (above), never the composer.
           */
          max-height: 48%;
          gap: var(--zz-space-1);
          padding-top: var(--zz-space-1);
        }
        /* With the keyboard open the screen is half as tall: the dock keeps the question and the box, nothing else. */
        .dock.typing,
        .dock.card-only {
          max-height: 70%;
        }
        .dock.typing .modes,
        .dock.typing .qa-hint {
          display: none;
        }
        /* While the card's own input has the keyboard, the dock is the card: its question stays in view. */
        .dock.card-only .modes,
        .dock.card-only .qa-hint,
        .dock.card-only zz-composer {
          display: none;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        aside {
          transition: none;
        }
      }
    `,
  ];

  @state() private _status: ConnectionStatus = 'idle';
  @state() private _mode: Mode = 'interview';
  @state() private _tab: Tab = 'assessment';
  @state() private _panelOpen = false;
  @state() private _clause = '';
  @state() private _announce = '';
  @state() private _session: SessionRef | null = null;
  @state() private _starting = false;
  @state() private _banner = '';
  /** Bumped whenever the conversation object changes, so Lit re-renders. */
  @state() private _rev = 0;
  @state() private _labels = new Map<string, string>();
  /** Where the phone keyboard types: the composer (the card shrinks to its question) or the card's own input (the dock shows only the card). */
  @state() private _typingIn: 'composer' | 'card' | null = null;
  /** The chosen form as a form, in place of the chat; the side panel stays beside it. */
  @state() private _formView = false;
  /**
   * The session whose form view was opened: it stays on the page, hidden, while the chat is shown, so that an edit
   * whose check is still running when the chat is opened is saved (its event reaches the app only from the page), and
   * a refused edit's text is there on the return.
   */
  private _formOpenedFor: string | null = null;
  /** Drafts edited and not yet saved: leaving the page asks first. */
  private _draftsDirty = false;

  @query('.scroller') private _scroller!: HTMLElement;
  @query('zz-composer') private _composer?: ZzComposer;

  private readonly _conv = new Conversation();
  private readonly _sent = new Map<string, UserMessage>();
  private readonly _ackTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** What to do once the server has stored a message (by clientId): a document answer is then marked accepted on its document. */
  private readonly _afterAck = new Map<string, () => void>();
  /** What to tell the sender of a message the server refused (an upload's facts not stored), by clientId. */
  private readonly _afterRefusal = new Map<string, (refusal: string) => void>();
  private _stick = true;
  /** The open session was started here rather than resumed from a link or the list. */
  private _openedNew = false;
  private readonly _client = new ChatClient(
    { url: wsUrl() },
    { onMessage: (m) => this._onServer(m), onStatus: (s) => (this._status = s) },
  );

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this._online);
    window.addEventListener('offline', this._offline);
    window.addEventListener('hashchange', this._hashChange);
    window.addEventListener('beforeunload', this._beforeUnload);
    window.visualViewport?.addEventListener('resize', this._viewport);
    window.visualViewport?.addEventListener('scroll', this._viewport);
    this._viewport();
    const saved = pickSession(location.hash, safeStorage());
    if (saved) this._open(saved);
    else this._resumeUnstarted();
    void this._loadLabels();
  }

  /** Capability names for the assessment panel; without them the panel falls back to recorded labels. */
  private async _loadLabels(): Promise<void> {
    try {
      const r = await apiJson<{ capabilities: { id: string; label: string }[] }>('/api/knowledge/capabilities');
      this._labels = new Map(r.capabilities.map((c) => [c.id, c.label]));
    } catch {
      /* the panel still shows recorded labels or ids */
    }
  }

  /** After a (re)connect the socket replays messages, not the labelled answers: fetch those for the review card. */
  private async _loadRecorded(ref: SessionRef): Promise<void> {
    try {
      const r = await apiJson<{ recorded?: Recorded[]; questions?: QuestionView[] }>(`/api/sessions/${encodeURIComponent(ref.sessionId)}`, { token: ref.token });
      if (this._session?.sessionId !== ref.sessionId || !r.recorded) return;
      this._conv.loadRecorded(r.recorded, r.questions);
      this._rev++;
    } catch {
      /* the review card fills again as answers are recorded */
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resizeObserver?.disconnect();
    this._observed = null;
    window.removeEventListener('online', this._online);
    window.removeEventListener('offline', this._offline);
    window.removeEventListener('hashchange', this._hashChange);
    window.removeEventListener('beforeunload', this._beforeUnload);
    window.visualViewport?.removeEventListener('resize', this._viewport);
    window.visualViewport?.removeEventListener('scroll', this._viewport);
    this._client.stop();
  }

  private _beforeUnload = (e: BeforeUnloadEvent) => {
    if (this._draftsDirty) e.preventDefault();
  };

  /** Only a narrow screen needs the room: on a desktop the card stays whole. */
  private _focusIn(e: FocusEvent): void {
    if (window.innerWidth > 600) return;
    const path = e.composedPath();
    const inComposer = path.some((n) => (n as Element).tagName === 'ZZ-COMPOSER');
    const inCard = path.some((n) => (n as Element).tagName === 'ZZ-QUESTION');
    const field = path[0] as Element | undefined;
    const typing = !!field && (field.tagName === 'TEXTAREA' || field.tagName === 'INPUT');
    this._typingIn = typing ? (inComposer ? 'composer' : inCard ? 'card' : null) : null;
  }

  private _focusOut(e: FocusEvent): void {
    // Moving between controls inside the dock keeps the layout; leaving it restores it.
    const to = e.relatedTarget as Node | null;
    const dock = this.renderRoot.querySelector('.dock');
    if (to && dock && (dock.contains(to) || (to as Element).closest?.('zz-question, zz-composer'))) return;
    this._typingIn = null;
  }

  private _online = () => this._client.retryNow();
  private _offline = () => this._client.dropNow();
  private _hashChange = () => {
    const ref = pickSession(location.hash, undefined);
    if (ref && ref.sessionId !== this._session?.sessionId) this._open(ref);
  };
  /** Keeps the composer above the on-screen keyboard on browsers that do not resize the layout. */
  private _viewport = () => {
    const vv = window.visualViewport;
    if (vv) this.style.setProperty('--zz-app-height', `${Math.round(vv.height)}px`);
  };

  private _open(ref: SessionRef | null): void {
    this._client.stop();
    this._conv.reset();
    this._sent.clear();
    this._rev++;
    // Another session (a reload, a link, 我的会话) opens in the mode it was last in on this browser.
    const mode = ref && ref.sessionId !== this._session?.sessionId ? loadMode(safeStorage(), ref.sessionId) : undefined;
    if (mode) this._mode = mode;
    this._session = ref;
    this._openedNew = ref === null;
    this._starting = true;
    this._client.lastSeq = 0;
    this._client.start(ref ?? undefined, this._mode);
    // What was sent and not yet acknowledged before a reload goes out again, in order, once the session opens.
    if (ref) for (const q of loadQueued(tabStorage(), ref.sessionId)) this._dispatch(q.msg, q.bubble, q.caption);
  }

  /**
   * Messages typed before the server ever opened a session (the page loaded, the socket never got
   * through) and kept over a reload: the session they were for is started again, in the mode they
   * were sent in, and they go out once it opens.
   */
  private _resumeUnstarted(): void {
    const queued = loadQueued(tabStorage(), UNSTARTED);
    if (!queued.length) return;
    const first = queued[0]!.msg;
    this._mode = first.type === 'text' && first.mode === 'qa' ? 'qa' : 'interview';
    this._open(null);
    for (const q of queued) this._dispatch(q.msg, q.bubble, q.caption);
  }

  /** Keeps the unacknowledged messages for this tab, so a reload while offline does not lose them. */
  private _persistQueue(): void {
    const sid = this._session?.sessionId ?? (this._starting ? UNSTARTED : undefined);
    if (!sid) return;
    // What waited for a session is now this new session's own queue; a saved session opened instead leaves it waiting.
    if (sid !== UNSTARTED && this._openedNew) saveQueued(tabStorage(), UNSTARTED, []);
    const items = this._client.pending.map((msg) => {
      const shown = this._conv.messages.find((m) => m.clientId === msg.clientId);
      return { msg, bubble: shown?.text ?? '', ...(shown?.caption ? { caption: shown.caption } : {}) };
    });
    saveQueued(tabStorage(), sid, items);
  }

  /**
   * An answer to the open question is queued or on its way, or an answer's turn is still running: the
   * card waits for it rather than take a second answer to the same question. Offline the first answer
   * is queued like any message.
   */
  private get _answerPending(): boolean {
    const q = this._conv.question;
    return !!q && (this._conv.turnOpen !== null || this._client.pending.some((m) => m.type === 'answer' && m.questionId === q.id));
  }

  private _onServer(msg: ServerMessage): void {
    this._conv.apply(msg);
    switch (msg.type) {
      case 'session': {
        this._starting = false;
        this._banner = '';
        const ref = { sessionId: msg.sessionId, token: msg.token };
        this._session = ref;
        save(safeStorage(), ref);
        rememberSession(safeStorage(), ref, {});
        // replaceState: the link is updated without adding a history entry or a request.
        history.replaceState(null, '', `${location.pathname}${location.search}${formatHash(ref)}`);
        if (msg.resumed) void this._loadRecorded(ref);
        break;
      }
      case 'assessment':
      case 'assessment.changes': {
        const a = this._conv.assessment;
        if (this._session && a) rememberSession(safeStorage(), this._session, { category: listedCategory(a, this._conv.answers) });
        break;
      }
      case 'recorded': {
        const name = msg.items.find((i) => i.questionId === 'form.name' && typeof i.value === 'string');
        if (name && this._session) rememberSession(safeStorage(), this._session, { company: name.value as string });
        break;
      }
      case 'ack':
        this._clearAckTimer(msg.clientId);
        this._sent.delete(msg.clientId);
        this._afterAck.get(msg.clientId)?.();
        this._afterAck.delete(msg.clientId);
        this._afterRefusal.delete(msg.clientId);
        this._editShown.delete(msg.clientId);
        break;
      case 'message.end':
        // Announced once, when complete: screen readers would stumble over every delta.
        this._announce = msg.text.length > 400 ? `${msg.text.slice(0, 400)}…` : msg.text;
        break;
      case 'error':
        if (msg.clientId) this._clearAckTimer(msg.clientId);
        // Words typed against a question another tab answered go back into the box, to be sent again if still meant.
        if (msg.clientId && msg.code === 'STALE') {
          const sent = this._sent.get(msg.clientId);
          if (sent?.type === 'text') this._composer?.restore(sent.text);
        }
        // A refused value has nothing to retry; keeping it would only let the same value be resent.
        if (msg.clientId && isRejection(msg.code)) this._sent.delete(msg.clientId);
        if (msg.clientId) {
          this._afterAck.delete(msg.clientId);
          this._afterRefusal.get(msg.clientId)?.(msg.message);
          this._afterRefusal.delete(msg.clientId);
        }
        // NOT_FOUND on open: the saved session is gone or the token is wrong, now or after a reconnect.
        if (!msg.clientId && msg.code === 'NOT_FOUND') {
          // Start fresh rather than reconnect in a loop to a session that will never open.
          forget(safeStorage());
          history.replaceState(null, '', `${location.pathname}${location.search}`);
          this._client.stop();
          this._conv.reset();
          this._session = null;
          this._starting = false;
          this._banner = words.app.sessionGone;
        } else if (!msg.clientId) {
          this._banner = msg.message;
        }
        break;
      default:
        break;
    }
    this._client.lastSeq = this._conv.lastSeq;
    if (msg.type === 'session' || msg.type === 'ack' || msg.type === 'error') this._persistQueue();
    this._rev++;
  }

  private _clearAckTimer(clientId: string): void {
    const t = this._ackTimers.get(clientId);
    if (t) clearTimeout(t);
    this._ackTimers.delete(clientId);
  }

  private _dispatch(msg: UserMessage, bubble: string, caption?: string): void {
    const questionId = msg.type === 'answer' || msg.type === 'edit' ? msg.questionId : undefined;
    this._conv.addLocalUser(msg.clientId, bubble, caption, questionId);
    this._sent.set(msg.clientId, msg);
    this._client.send(msg);
    this._persistQueue();
    this._stick = true;
    this._ackTimers.set(
      msg.clientId,
      setTimeout(() => {
        this._ackTimers.delete(msg.clientId);
        // Offline messages stay queued; only a server that is up but silent counts as failure.
        if (this._client.status !== 'online') return this._rearm(msg);
        this._client.discard(msg.clientId);
        this._persistQueue();
        this._conv.markFailed(msg.clientId, words.app.noResponse);
        this._rev++;
      }, ACK_TIMEOUT_MS),
    );
    this._rev++;
  }

  private _rearm(msg: UserMessage): void {
    if (!this._client.pending.some((m) => m.clientId === msg.clientId)) return;
    this._ackTimers.set(msg.clientId, setTimeout(() => this._rearm(msg), ACK_TIMEOUT_MS));
  }

  private _onStart(e: CustomEvent<ZzEventDetails['zz-start']>): void {
    this._mode = e.detail.mode;
    if (!this._session || this._status === 'idle') this._open(this._session);
    if (e.detail.mode === 'qa') void this.updateComplete.then(() => this._composer?.focus());
  }

  private _onSend(e: CustomEvent<ZzEventDetails['zz-send']>): void {
    if (!this._session && this._status === 'idle') this._open(null);
    const text = e.detail.text;
    // The question on screen goes with the words: if another tab answered it meanwhile, they are not filed under the next one.
    const pending = this._mode === 'qa' ? {} : { pending: this._conv.question?.id ?? null };
    this._dispatch({ type: 'text', clientId: newClientId(), text, mode: this._mode === 'qa' ? 'qa' : 'interview', ...pending }, text);
  }

  private _onAnswer(e: CustomEvent<ZzEventDetails['zz-answer']>): void {
    const { questionId, value, display, wholeGroup, section } = e.detail;
    const asked = this._conv.question?.id === questionId ? this._conv.question.text : undefined;
    // A tap on the card on screen names it as the pending one; a part skipped from the form view names no card.
    const pending = asked !== undefined ? { pending: questionId } : {};
    this._dispatch({ type: 'answer', clientId: newClientId(), questionId, value, ...(wholeGroup ? { wholeGroup, ...(section ? { section } : {}) } : {}), ...pending }, display, asked);
  }

  private _onReopen(e: CustomEvent<ZzEventDetails['zz-reopen']>): void {
    this._dispatch({ type: 'reopen', clientId: newClientId(), questionIds: e.detail.questionIds }, e.detail.display);
  }

  /**
   * What each edit sent from this page changes an answer to, by clientId: an edit waiting for the
   * network shows its new value in 我的回答, or the list would still read the old one as if the edit
   * were lost. An edit restored after a reload has none and shows only that it waits.
   */
  private _editShown = new Map<string, string>();

  private _onEdit(e: CustomEvent<ZzEventDetails['zz-edit']>): void {
    const { questionId, value, display, label } = e.detail;
    const clientId = newClientId();
    this._editShown.set(clientId, display);
    this._dispatch({ type: 'edit', clientId, questionId, value: value as AnswerValue }, fill(words.app.editBubble, { label, display }));
  }

  /**
   * A document's answer to an interview question goes through the chat as an edit: the server's rules check it,
   * the conversation records it and says what it changes (a 分公司 is ruled out under 二(一)), and the panels
   * follow. Only once it is stored is it marked accepted on the document, after the chat's own write.
   */
  private _onDocumentAnswer(e: CustomEvent<ZzEventDetails['zz-document-answer']>): void {
    const { settled, ...answer } = e.detail;
    const session = this._session;
    if (!session) return;
    const clientId = newClientId();
    this._afterAck.set(clientId, () => (this._markAccepted(session, answer), settled?.(null)));
    if (settled) this._afterRefusal.set(clientId, settled);
    this._editShown.set(clientId, answer.reading);
    this._dispatch({ type: 'edit', clientId, questionId: answer.questionId, value: answer.value }, fill(words.app.documentAnswerBubble, { label: answer.label, reading: answer.reading }));
  }

  /**
   * An upload's facts accepted together go as one message, shown as one entry: accepting a document's suggestions
   * at once must not fill the chat with one 「修改 …」 per fact. The server stores all of them or none.
   */
  private _onDocumentAnswers(e: CustomEvent<ZzEventDetails['zz-document-answers']>): void {
    const { items, settled } = e.detail;
    const session = this._session;
    if (!session || !items.length) return;
    const clientId = newClientId();
    this._afterAck.set(clientId, () => (items.forEach((i) => this._markAccepted(session, i)), settled?.(null)));
    if (settled) this._afterRefusal.set(clientId, settled);
    const bubble = fill(words.app.documentAnswersBubble, { n: items.length, items: items.map((i) => fill(words.app.documentAnswersItem, { label: i.label, reading: i.reading })).join(words.app.documentAnswersSep) });
    this._dispatch({ type: 'edits', clientId, items: items.map((i) => ({ questionId: i.questionId, value: i.value })) }, bubble);
  }

  /** Once the chat stored it, a fact is marked accepted on its document: a form fact with its value, an interview question's reading as the document reads it. */
  private _markAccepted(session: SessionRef, a: DocumentAnswer): void {
    const form = a.questionId.startsWith('form.');
    void documentsApi.accept(session, a.documentId, form ? a.questionId.slice('form.'.length) : a.questionId, form ? (a.value as string | number) : a.reading).catch(() => undefined);
  }

  private _onRetry(e: CustomEvent<ZzEventDetails['zz-retry']>): void {
    const failed = this._conv.messages.find((m) => m.id === e.detail.id);
    const original = failed?.clientId ? this._sent.get(failed.clientId) : undefined;
    if (!failed || !original) return;
    this._conv.remove(failed.id);
    this._sent.delete(failed.clientId!);
    // A fresh clientId: the server refused or never saw the first one, so it must not be deduplicated.
    this._dispatch({ ...original, clientId: newClientId() }, failed.text, failed.caption);
  }

  private _newSession(): void {
    if (this._conv.messages.length && !confirm(words.app.confirmNew)) return;
    forget(safeStorage());
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    this._client.stop();
    this._conv.reset();
    this._sent.clear();
    this._session = null;
    this._mode = 'interview';
    this._tab = 'assessment';
    this._banner = '';
    this._rev++;
  }

  private _openSession(e: CustomEvent<ZzEventDetails['zz-open-session']>): void {
    const entry = listSessions(safeStorage()).find((x) => x.sessionId === e.detail.sessionId);
    if (!entry) return;
    this._mode = 'interview';
    history.replaceState(null, '', `${location.pathname}${location.search}${formatHash(entry)}`);
    this._open({ sessionId: entry.sessionId, token: entry.token });
  }

  /** Deleting removes the data on the server; only then (or when the server no longer has it) the link goes. */
  private async _deleteSession(e: CustomEvent<ZzEventDetails['zz-delete-session']>): Promise<void> {
    const entry = listSessions(safeStorage()).find((x) => x.sessionId === e.detail.sessionId);
    if (!entry || !confirm(fill(words.app.confirmDelete, { which: entry.company ? fill(words.app.deleteNamed, { company: entry.company }) : words.app.deleteThis }))) return;
    try {
      const res = await fetch(`/api/sessions/${encodeURIComponent(entry.sessionId)}`, { method: 'DELETE', headers: { authorization: `Bearer ${entry.token}` } });
      if (!res.ok && res.status !== 404) throw new Error(String(res.status));
      dropSession(safeStorage(), entry.sessionId);
      if (this._session?.sessionId === entry.sessionId) forget(safeStorage());
      this._banner = '';
    } catch {
      this._banner = words.app.deleteFailed;
    }
    this._rev++;
  }

  private _openClause(e: CustomEvent<ZzEventDetails['zz-open-clause']>): void {
    this._clause = e.detail.clause;
  }

  /**
   * Following stops only when the reader scrolls up. A scroll event arrives a frame after the
   * scroll, when new text may already have made the list taller: judged by the distance to the
   * bottom alone, the app's own scroll to the bottom would read as the reader leaving it.
   */
  private _onScroll = () => {
    const s = this._scroller;
    const atBottom = s.scrollHeight - s.scrollTop - s.clientHeight < 80;
    if (atBottom) this._stick = true;
    else if (s.scrollTop < this._lastScrollTop) this._stick = false;
    this._lastScrollTop = s.scrollTop;
  };
  private _lastScrollTop = 0;

  /** Streaming text grows the list after Lit's own update, so follow its size rather than our renders. */
  private readonly _resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this._followBottom());

  private _followBottom(): void {
    if (!this._stick || !this._scroller) return;
    this._scroller.scrollTop = this._scroller.scrollHeight;
    this._lastScrollTop = this._scroller.scrollTop;
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has('_rev')) requestAnimationFrame(() => this._followBottom());
    if ((changed.has('_mode') || changed.has('_session')) && this._session) saveMode(safeStorage(), this._session.sessionId, this._mode);
    const list = this.renderRoot.querySelector('zz-message-list');
    if (list && list !== this._observed) {
      this._resizeObserver?.disconnect();
      this._resizeObserver?.observe(list);
      // A taller dock (a longer question card) shortens the conversation: its newest message stays in view.
      if (this._scroller) this._resizeObserver?.observe(this._scroller);
      this._observed = list;
    }
  }

  private _observed: Element | null = null;

  private get _capabilityLabels(): Map<string, string> {
    const m = new Map<string, string>(this._labels);
    for (const r of this._conv.recorded.values()) {
      if (m.has(r.questionId.slice(4))) continue;
      if (r.questionId.startsWith('cap.')) m.set(r.questionId.slice(4), r.label);
    }
    return m;
  }

  private _toggleForm(): void {
    this._formView = !this._formOpen;
    if (this._formView) this._formOpenedFor = this._session?.sessionId ?? null;
  }

  /** Drafting is offered only once the assessment is done and says the enterprise may apply. */
  private get _showDrafts(): boolean {
    const a = this._conv.assessment;
    const phase = this._conv.progress?.phase;
    return !!(a && a.eligible && a.category.recommended && this._session && (phase === 'form' || phase === 'done'));
  }

  private get _formOpen(): boolean {
    return this._formView && this._showDrafts;
  }

  /**
   * The tabs share one scrolling panel: each keeps its own offset, so 我的回答 does not open halfway down because the
   * assessment was scrolled, and a tab opened for the first time starts at its top.
   */
  private readonly _tabScroll = new Map<Tab, number>();

  private _selectTab(tab: Tab): void {
    const panel = this.renderRoot.querySelector<HTMLElement>('[role=tabpanel]');
    if (panel) this._tabScroll.set(this._tab, panel.scrollTop);
    if (tab === this._tab) return;
    this._tab = tab;
    void this.updateComplete.then(() => {
      const p = this.renderRoot.querySelector<HTMLElement>('[role=tabpanel]');
      if (p) p.scrollTop = this._tabScroll.get(tab) ?? 0;
    });
  }

  private _tabKey(e: KeyboardEvent, tabs: Tab[]): void {
    const i = tabs.indexOf(this._tab);
    let next = i;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else return;
    e.preventDefault();
    this._selectTab(tabs[next]!);
    void this.updateComplete.then(() => (this.renderRoot.querySelector(`#tab-${this._tab}`) as HTMLElement | null)?.focus());
  }

  private _togglePanel(open: boolean): void {
    this._panelOpen = open;
    if (open) void this.updateComplete.then(() => (this.renderRoot.querySelector('.drawer-close') as HTMLElement | null)?.focus());
    // The header is inert until the drawer's closing render lands, so focus it after the update. Back in the chat,
    // its newest message is in view unless the reader had scrolled up to read.
    else
      void this.updateComplete.then(() => {
        (this.renderRoot.querySelector('.panel-toggle') as HTMLElement | null)?.focus();
        this._followBottom();
      });
  }

  private get _side() {
    const tabs: Tab[] = this._showDrafts ? ['assessment', 'review', 'drafts'] : ['assessment', 'review'];
    const tab = tabs.includes(this._tab) ? this._tab : 'assessment';
    const names: Record<Tab, string> = { assessment: words.app.tab.assessment, review: fill(words.app.tab.review, { n: reviewCount([...this._conv.recorded.values()]) }), drafts: words.app.tab.drafts };
    return html`<aside
      class=${this._panelOpen ? 'open' : ''}
      aria-label=${words.app.panel}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this._panelOpen && this._togglePanel(false)}
    >
      <div class="drawer-head">
        <h2>${words.app.panel}</h2>
        <button class="btn drawer-close" type="button" @click=${() => this._togglePanel(false)}>${words.app.backToChat}</button>
      </div>
      <div role="tablist" aria-label=${words.app.tablist}>
        ${tabs.map(
          (t) => html`<button
            role="tab"
            id=${`tab-${t}`}
            aria-selected=${t === tab ? 'true' : 'false'}
            aria-controls=${`panel-${t}`}
            tabindex=${t === tab ? 0 : -1}
            @click=${() => this._selectTab(t)}
            @keydown=${(e: KeyboardEvent) => this._tabKey(e, tabs)}
          >${names[t]}</button>`,
        )}
      </div>
      <div role="tabpanel" id=${`panel-${tab}`} aria-labelledby=${`tab-${tab}`} tabindex="0">
        ${tab === 'assessment'
          ? html`<zz-assessment-panel
              .assessment=${this._conv.assessment}
              .progress=${this._conv.progress}
              .answered=${Object.values(this._conv.answers).filter((v) => v !== null).length}
              .capabilityLabels=${this._capabilityLabels}
              .notice=${this._conv.knowledge ?? null}
            ></zz-assessment-panel>
            <zz-help-actions .session=${this._session} .assessment=${this._conv.assessment}></zz-help-actions>`
          : tab === 'review'
            ? html`<zz-review-card
                .items=${[...this._conv.recorded.values()]}
                .questions=${this._conv.questions}
                .queued=${new Map(this._client.pending.flatMap((m): [string, string][] => (m.type === 'edit' ? [[m.questionId, this._editShown.get(m.clientId) ?? '']] : m.type === 'edits' ? m.items.map((i): [string, string] => [i.questionId, String(i.value)]) : [])))}
              ></zz-review-card>`
            : html`<zz-drafts-panel
                .session=${this._session}
                .category=${this._conv.assessment?.category.recommended ?? null}
                .answers=${this._conv.answers}
              ></zz-drafts-panel>`}
      </div>
    </aside>`;
  }

  /** A refusal of an answer to the pending question is shown by its widget; any other refusal as a note in the chat. */
  private get _questionRejection(): string {
    const r = this._conv.rejection;
    const q = this._conv.question;
    return r && q && this._mode === 'interview' && (r.questionId === undefined || r.questionId === q.id) ? r.message : '';
  }

  private get _dock() {
    const q = this._conv.question;
    const hasSession = !!this._session || this._starting;
    if (!hasSession && !this._conv.messages.length) return nothing;
    if (this._formOpen) return nothing;
    const showQuestion = this._mode === 'interview' && q;
    const card = this._typingIn === 'card';
    return html`<div class="dock ${card ? 'card-only' : this._typingIn === 'composer' ? 'typing' : ''}" @focusin=${this._focusIn} @focusout=${this._focusOut}>
      ${showQuestion
        ? html`<zz-question
            .question=${q}
            .serverError=${this._questionRejection}
            ?busy=${this._answerPending}
            ?collapsed=${this._typingIn === 'composer'}
          ></zz-question>`
        : nothing}
      <div class="modes" role="group" aria-label=${words.app.modes}>
        <span class="label">${words.app.modeLabel}</span>
        <button class="chip" type="button" aria-pressed=${this._mode === 'interview' ? 'true' : 'false'} @click=${() => (this._mode = 'interview')}>
          ${words.app.modeInterview}
        </button>
        <button class="chip" type="button" aria-pressed=${this._mode === 'qa' ? 'true' : 'false'} @click=${() => (this._mode = 'qa')}>
          ${words.app.modeQa}
        </button>
      </div>
      ${this._mode === 'qa' ? html`<p class="qa-hint">${words.app.qaHint}</p>` : nothing}
      <zz-composer
        placeholder=${this._mode === 'qa' ? words.app.placeholderQa : words.app.placeholderInterview}
      ></zz-composer>
    </div>`;
  }

  render() {
    void this._rev;
    const a = this._conv.assessment;
    // Before any answer there is no assessment to speak of: 政策问答 shows no interview status.
    const assessed = Object.keys(this._conv.answers).length > 0;
    const notices = this._conv.notices.slice(-1);
    return html`<div
      class="app"
      @zz-open-clause=${this._openClause}
      @zz-start=${this._onStart}
      @zz-send=${this._onSend}
      @zz-answer=${this._onAnswer}
      @zz-edit=${this._onEdit}
      @zz-reopen=${this._onReopen}
      @zz-document-answer=${this._onDocumentAnswer}
      @zz-document-answers=${this._onDocumentAnswers}
      @zz-retry=${this._onRetry}
      @zz-reconnect=${() => this._client.retryNow()}
      @zz-open-session=${this._openSession}
      @zz-delete-session=${this._deleteSession}
      @zz-drafts-dirty=${(e: CustomEvent<ZzEventDetails['zz-drafts-dirty']>) => (this._draftsDirty = e.detail.dirty)}
    >
      <header class="top" ?inert=${this._panelOpen}>
        <h1>${words.app.title}</h1>
        <span class="sub">${words.app.subtitle}</span>
        <div class="actions" ?hidden=${!this._session && !this._starting && !this._conv.messages.length}>
          ${this._mode === 'qa' && !assessed
            ? nothing
            : html`<button class="btn panel-toggle" type="button" aria-expanded=${this._panelOpen ? 'true' : 'false'} @click=${() => this._togglePanel(true)}>
                ${words.app.assessmentButton}${a && assessed ? html`<span class="badge">${VERDICT_SHORT[a.verdict]}</span>` : nothing}
              </button>`}
          ${this._showDrafts
            ? html`<button class="btn form-toggle" type="button" aria-pressed=${this._formOpen ? 'true' : 'false'} @click=${this._toggleForm}>${words.app.formButton}</button>`
            : nothing}
          <button class="btn" type="button" @click=${this._newSession}>${words.app.newButton}</button>
        </div>
      </header>
      <zz-offline-banner .status=${this._status} .pending=${this._client.pending.length}></zz-offline-banner>
      <div class="body">
        <main ?inert=${this._panelOpen}>
          <div class="scroller" ?hidden=${this._formOpen} @scroll=${this._onScroll}>
            ${this._banner ? html`<p class="notice warn" role="alert">${this._banner}</p>` : nothing}
            ${!this._conv.messages.length && !this._conv.question
              ? this._session || this._starting
                ? this._mode === 'qa'
                  ? html`<p class="notice">${words.app.qaStart}</p>`
                  : html`<p class="notice">${words.app.connecting}</p>`
                : html`<zz-welcome ?busy=${this._starting} .sessions=${listSessions(safeStorage())}></zz-welcome>`
              : html`<zz-message-list .messages=${this._conv.messages} ?offline=${this._status !== 'online'}></zz-message-list>`}
            ${notices.map((n) => html`<p class="notice ${n.level}">${n.text}</p>`)}
            ${this._conv.rejection && !this._questionRejection
              ? html`<p class="notice warn rejection" role="alert">${this._conv.rejection.message}</p>`
              : nothing}
            ${a && a.eligible && a.category.recommended && this._conv.progress?.phase === 'done'
              ? html`<p class="notice done">${doneNote(a.category.recommended, a.category.fitsBetter, this._conv.knowledge?.ui, a.category.notYet === true)}</p>`
              : nothing}
          </div>
          ${this._dock}
          ${this._formOpen || (this._showDrafts && this._formOpenedFor !== null && this._formOpenedFor === this._session?.sessionId)
            ? html`<zz-form-view
                ?hidden=${!this._formOpen}
                .shown=${this._formOpen}
                .session=${this._session}
                .category=${this._conv.assessment?.category.recommended ?? null}
                .answers=${this._conv.answers}
                .rejection=${this._conv.rejection}
              ></zz-form-view>`
            : nothing}
        </main>
        ${this._side}
      </div>
      <zz-clause-viewer .clause=${this._clause} .version=${this._conv.knowledge?.version ?? ''} @zz-clause-closed=${() => (this._clause = '')}></zz-clause-viewer>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this._announce}</div>
    </div>`;
  }
}

function wsUrl(): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}/api/chat`;
}

/** This tab's storage, for what must survive a reload but not outlive the tab. */
function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-app': ZzApp;
  }
}
