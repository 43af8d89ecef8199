import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, type Identity } from '../api';
import { words } from '../../lib/messages';
import { firstProblem } from '../form-check';

const W = words.console.login;

/** The staff login form. Emits `zz-login` with the identity once the cookie is set. */
@customElement('zz-console-login')
export class ZzConsoleLogin extends LitElement {
  static styles = [
    controls,
    consoleStyles,
    css`
      :host {
        display: block;
        max-width: 420px;
        margin: var(--zz-space-6) auto;
        padding: 0 var(--zz-space-4);
      }
      form > * + * {
        margin-top: var(--zz-space-3);
      }
      .btn {
        width: 100%;
      }
    `,
  ];

  @state() private _error = '';
  @state() private _busy = false;

  render() {
    return html`<div class="card">
      <h2>${W.heading}</h2>
      <p class="muted">${W.intro}</p>
      <form @submit=${this._submit} novalidate>
        <div><label for="u">${W.username}</label><input id="u" name="username" type="text" autocomplete="username" required aria-required="true" /></div>
        <div><label for="p">${W.password}</label><input id="p" name="password" type="password" autocomplete="current-password" required aria-required="true" /></div>
        ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
        <button class="btn primary" type="submit" ?disabled=${this._busy}>${this._busy ? W.busy : W.submit}</button>
      </form>
    </div>`;
  }

  private async _submit(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const box = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    this._error = firstProblem([
      [box('username'), !String(data.get('username') ?? '').trim() && W.usernameMissing],
      [box('password'), !data.get('password') && W.passwordMissing],
    ]);
    if (this._error) return;
    this._busy = true;
    this._error = '';
    try {
      const who = await call<Identity>('POST', '/api/staff/login', { username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') });
      (form.elements.namedItem('password') as HTMLInputElement).value = '';
      this.dispatchEvent(new CustomEvent<Identity>('zz-login', { detail: who, bubbles: true, composed: true }));
    } catch (err) {
      this._error = (err as Error).message;
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-login': ZzConsoleLogin;
  }
}
