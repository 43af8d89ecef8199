import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { call, ROLE_LABEL, setCsrf, type Identity } from '../api';
import { words } from '../../lib/messages';
import './zz-console-login';
import './zz-console-ask';
import './zz-console-log';
import './zz-console-review';
import './zz-console-bureau';
import './zz-console-assist';
import './zz-console-password';

type Tab = 'ask' | 'log' | 'review' | 'dashboard' | 'bureau' | 'assist' | 'knowledge';

const W = words.console.app;

/** Each view, named in web/messages (console.app.tabs), and the roles that may open it. */
const TABS: { id: Tab; label: string; roles: Identity['role'][] }[] = [
  { id: 'ask', label: W.tabs.ask, roles: ['helpline', 'bureau', 'admin'] },
  { id: 'log', label: W.tabs.log, roles: ['helpline', 'admin'] },
  { id: 'review', label: W.tabs.review, roles: ['helpline', 'admin'] },
  { id: 'dashboard', label: W.tabs.dashboard, roles: ['helpline', 'admin'] },
  { id: 'bureau', label: W.tabs.bureau, roles: ['bureau'] },
  { id: 'assist', label: W.tabs.assist, roles: ['helpline', 'admin'] },
  { id: 'knowledge', label: W.tabs.knowledge, roles: ['admin'] },
];

/** The staff console: login, then the views the account's role may open. */
@customElement('zz-console-app')
export class ZzConsoleApp extends LitElement {
  static styles = [
    controls,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--zz-color-bg);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--zz-space-2) var(--zz-space-4);
        padding: var(--zz-space-3) var(--zz-space-4);
        background: var(--zz-color-surface);
        border-bottom: 1px solid var(--zz-color-border);
      }
      h1 {
        font-size: var(--zz-font-size-lg);
        margin: 0;
        flex: 1 1 auto;
        white-space: nowrap;
      }
      header .btn {
        padding: 0 var(--zz-space-2);
      }
      /* Who is signed in and 退出 stay on one line together: on a phone, 退出 alone on a row of its own read as a stray link. */
      .account {
        display: flex;
        align-items: center;
        gap: var(--zz-space-2);
      }
      .who {
        font-size: var(--zz-font-size-sm);
        color: var(--zz-color-muted);
      }
      nav {
        display: flex;
        gap: var(--zz-space-2);
        padding: var(--zz-space-2) var(--zz-space-4);
        overflow-x: auto;
        background: var(--zz-color-surface);
        border-bottom: 1px solid var(--zz-color-border);
      }
      nav .btn {
        flex: none;
        white-space: nowrap;
        padding: 0 var(--zz-space-3);
      }
      nav .btn[aria-current='page'] {
        background: var(--zz-color-primary-soft);
        border-color: var(--zz-color-primary);
        color: var(--zz-color-primary);
      }
      /* Every view in sight on a phone: a tab bar that scrolls sideways hides the last ones. */
      @media (max-width: 600px) {
        nav {
          flex-wrap: wrap;
        }
      }
      main {
        max-width: 1100px;
        margin: 0 auto;
        padding: var(--zz-space-4);
      }
      .notice {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--zz-space-2);
        margin-bottom: var(--zz-space-4);
        padding: var(--zz-space-2) var(--zz-space-3);
        border-radius: var(--zz-radius);
        color: var(--zz-color-met);
        background: var(--zz-color-met-soft);
        border: 1px solid var(--zz-color-met);
      }
    `,
  ];

  @state() private _who: Identity | null = null;
  @state() private _checked = false;
  @state() private _tab: Tab = 'ask';
  /** A confirmation shown above the view (the new password saved), until it is dismissed or another view opened. */
  @state() private _notice = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this._restore();
  }

  private async _restore() {
    try {
      this._signedIn(await call<Identity>('GET', '/api/staff/me'));
    } catch {
      this._who = null;
    } finally {
      this._checked = true;
    }
  }

  private _signedIn(who: Identity) {
    setCsrf(who.csrfToken);
    this._who = who;
    this._tab = who.role === 'bureau' ? 'bureau' : 'ask';
  }

  /** The password page gives way to the console, which says the change was made: the form that said so is gone. */
  private _passwordChanged = () => {
    if (this._who) this._who = { ...this._who, mustChangePassword: false };
    this._notice = words.console.password.saved;
  };

  /** Another view opened: the confirmation above the last one has been seen. */
  private _open(tab: Tab) {
    this._tab = tab;
    this._notice = '';
  }

  private async _logout() {
    try {
      await call('POST', '/api/staff/logout', {});
    } finally {
      this._who = null;
      this._notice = '';
    }
  }

  render() {
    if (!this._checked) return html``;
    if (!this._who) return html`<zz-console-login @zz-login=${(e: CustomEvent<Identity>) => this._signedIn(e.detail)}></zz-console-login>`;
    const who = this._who;
    const tabs = TABS.filter((t) => t.roles.includes(who.role));
    return html`
      <header>
        <h1>${W.title}</h1>
        <div class="account">
          <span class="who">${who.username} · ${ROLE_LABEL[who.role]}${who.region ? ` · ${who.region}` : ''}</span>
          <button class="btn ghost" @click=${this._logout}>${W.logout}</button>
        </div>
      </header>
      ${who.mustChangePassword
        ? '' /* A one-time password opens nothing but the page that replaces it (the server refuses the rest too). */
        : html`<nav aria-label=${W.nav}>
            ${tabs.map((t) => html`<button class="btn" aria-current=${t.id === this._tab ? 'page' : 'false'} @click=${() => this._open(t.id)}>${t.label}</button>`)}
          </nav>`}
      <main>
        ${who.mustChangePassword
          ? html`<zz-console-password @zz-password-changed=${this._passwordChanged}></zz-console-password>`
          : html`${this._notice
              ? html`<div class="notice" role="status"><span>${this._notice}</span><button class="btn ghost" type="button" @click=${() => (this._notice = '')}>${words.console.password.dismiss}</button></div>`
              : nothing}${this._view()}`}
      </main>
    `;
  }

  private _view() {
    switch (this._tab) {
      case 'ask':
        return html`<zz-console-ask></zz-console-ask>`;
      case 'log':
        return html`<zz-console-log></zz-console-log>`;
      case 'review':
        return html`<zz-console-review></zz-console-review>`;
      case 'dashboard':
        // ECharts is most of the console's weight; it loads when the dashboard is first opened.
        void import('./zz-console-dashboard');
        return html`<zz-console-dashboard></zz-console-dashboard>`;
      case 'bureau':
        return html`<zz-console-bureau></zz-console-bureau>`;
      case 'assist':
        return html`<zz-console-assist></zz-console-assist>`;
      case 'knowledge':
        void import('./zz-console-knowledge');
        return html`<zz-console-knowledge></zz-console-knowledge>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-app': ZzConsoleApp;
  }
}
