import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, setCsrf, type Identity } from '../api';

/** Changing the password; shown first after logging in with a one-time password. Emits `zz-password-changed`. */
@customElement('zz-console-password')
export class ZzConsolePassword extends LitElement {
  static styles = [controls, consoleStyles, css`:host { display: block; max-width: 480px; } form > * + * { margin-top: var(--zz-space-3); }`];

  @state() private _error = '';

  render() {
    return html`<div class="card">
      <h2>设置新密码</h2>
      <p class="muted">当前密码是一次性密码，请先设置自己的密码（至少 12 位）。</p>
      <form @submit=${this._submit}>
        <div><label for="cur">当前密码</label><input id="cur" type="password" autocomplete="current-password" required /></div>
        <div><label for="next">新密码</label><input id="next" type="password" autocomplete="new-password" minlength="12" required /></div>
        ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
        <button class="btn primary" type="submit">保存新密码</button>
      </form>
    </div>`;
  }

  private async _submit(e: Event) {
    e.preventDefault();
    const cur = this.renderRoot.querySelector<HTMLInputElement>('#cur')!;
    const next = this.renderRoot.querySelector<HTMLInputElement>('#next')!;
    this._error = '';
    try {
      // The server starts a fresh session after a password change, with a new CSRF token.
      setCsrf((await call<Identity>('POST', '/api/staff/password', { current: cur.value, next: next.value })).csrfToken);
      cur.value = '';
      next.value = '';
      this.dispatchEvent(new CustomEvent('zz-password-changed', { bubbles: true, composed: true }));
    } catch (err) {
      this._error = (err as Error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-password': ZzConsolePassword;
  }
}
