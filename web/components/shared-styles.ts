import { css } from 'lit';

/** Buttons, chips and focus rings shared by every component, so controls look and behave alike. */
export const controls = css`
  /* The page's box-sizing rule does not reach into shadow roots. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :host {
    font-family: var(--zz-font);
    color: var(--zz-color-text);
  }
  button,
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--zz-space-2);
    min-height: var(--zz-tap);
    min-width: var(--zz-tap);
    padding: 0 var(--zz-space-4);
    border-radius: var(--zz-radius);
    border: 1px solid var(--zz-color-border);
    background: var(--zz-color-surface);
    color: var(--zz-color-text);
    cursor: pointer;
    font-size: var(--zz-font-size);
    line-height: 1.3;
    text-align: center;
  }
  /* Touch screens keep :hover after a tap, which would make a chip look selected. */
  @media (hover: hover) {
    .btn:hover {
      border-color: var(--zz-color-primary);
    }
    .btn.primary:hover {
      background: var(--zz-color-primary-hover);
    }
    .chip:hover {
      background: var(--zz-color-primary-soft);
    }
  }
  .btn.primary {
    background: var(--zz-color-primary);
    border-color: var(--zz-color-primary);
    color: var(--zz-color-on-primary);
  }
  .btn.ghost {
    border-color: transparent;
    background: transparent;
    color: var(--zz-color-primary);
  }
  .btn[disabled] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: var(--zz-tap);
    min-width: var(--zz-tap);
    padding: 0 var(--zz-space-4);
    border-radius: var(--zz-radius-pill);
    border: 1px solid var(--zz-color-primary);
    background: var(--zz-color-surface);
    color: var(--zz-color-primary);
    cursor: pointer;
    font-size: var(--zz-font-size);
  }
  /* Offline or while an answer is on its way a chip does nothing: it must not look tappable. */
  .chip[disabled] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .chip[aria-pressed='true'] {
    background: var(--zz-color-primary);
    color: var(--zz-color-on-primary);
  }
  :focus-visible {
    outline: 3px solid var(--zz-color-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  input[type='text'],
  input[type='number'],
  input[type='date'],
  input[type='month'],
  textarea {
    min-height: var(--zz-tap);
    border: 1px solid var(--zz-color-border);
    border-radius: var(--zz-radius);
    padding: var(--zz-space-2) var(--zz-space-3);
    background: var(--zz-color-surface);
    font-size: var(--zz-font-size); /* 16 px keeps iOS from zooming into a focused field */
    max-width: 100%;
  }
`;
