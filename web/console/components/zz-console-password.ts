import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, ConsoleError, setCsrf, type Identity } from '../api';
import { fill, words } from '../../lib/messages';
import { firstProblem } from '../form-check';
import { PASSWORD_MIN } from '../../../server/staff/schemas';

const W = words.console.password;

/**
 * Changing the password; shown first after logging in with a one-time password. Emits `zz-password-changed` once the
 * server has taken the new one. Hashing it takes the server a few seconds, so the form says at once that it is saving,
 * and keeps what was typed when the change is refused, for the member to correct rather than type again.
 */
@customElement('zz-console-password')
export class ZzConsolePassword extends LitElement {
  static styles = [controls, consoleStyles, css`:host { display: block; max-width: 480px; } form > * + * { margin-top: var(--zz-space-3); }`];

  @state() private _error = '';
  @state() private _busy = false;

  render() {
    return html`<div class="card">
      <h2>${W.heading}</h2>
      <p class="muted">${W.intro}</p>
      <form @submit=${this._submit} aria-busy=${this._busy ? 'true' : 'false'} novalidate>
        <div><label for="cur">${W.current}</label><input id="cur" type="password" autocomplete="current-password" required aria-required="true" ?readonly=${this._busy} /></div>
        <div><label for="next">${W.next}</label><input id="next" type="password" autocomplete="new-password" minlength=${PASSWORD_MIN} required aria-required="true" ?readonly=${this._busy} /></div>
        ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}
        <div class="row">
          <button class="btn primary" type="submit" ?disabled=${this._busy}>${this._busy ? W.saving : W.save}</button>
          <span class="muted" role="status">${this._busy ? W.savingNote : ''}</span>
        </div>
      </form>
    </div>`;
  }

  private async _submit(e: Event) {
    e.preventDefault();
    if (this._busy) return;
    const cur = this.renderRoot.querySelector<HTMLInputElement>('#cur')!;
    const next = this.renderRoot.querySelector<HTMLInputElement>('#next')!;
    // Counted as the server counts a string's length, so a password it would refuse is never sent.
    const n = next.value.length;
    this._error = firstProblem([
      [cur, !cur.value && W.currentMissing],
      [next, !n ? fill(W.nextMissing, { min: PASSWORD_MIN }) : n < PASSWORD_MIN ? fill(W.nextShort, { min: PASSWORD_MIN, n }) : next.value === cur.value && W.sameAsCurrent],
    ]);
    if (this._error) return;
    this._busy = true;
    try {
      // The server starts a fresh session after a password change, with a new CSRF token.
      setCsrf((await call<Identity>('POST', '/api/staff/password', { current: cur.value, next: next.value })).csrfToken);
      cur.value = '';
      next.value = '';
      this.dispatchEvent(new CustomEvent('zz-password-changed', { bubbles: true, composed: true }));
    } catch (err) {
      // A refusal says what to correct; a request that never reached the server says so, and nothing typed is cleared.
      this._error = err instanceof ConsoleError ? err.message : W.offline;
      (err instanceof ConsoleError && err.code === 'BAD_CREDENTIALS' ? cur : next).focus();
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-password': ZzConsolePassword;
  }
}
