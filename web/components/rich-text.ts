import { css, html, nothing, type TemplateResult } from 'lit';
import { splitRichText } from '../lib/format';
import './zz-citation-chip';

/**
 * Assistant or engine prose as Lit text bindings: **bold** runs, and clause references as citation
 * chips kept on one line with the punctuation that touches them. No text is ever parsed as HTML.
 */
export function richText(text: string): (TemplateResult | string)[] {
  return splitRichText(text).map((p) =>
    p.kind === 'clause'
      ? p.before || p.after
        ? html`<span class="clause-run">${p.before ?? nothing}<zz-citation-chip .clause=${p.clause}></zz-citation-chip>${p.after ?? nothing}</span>`
        : html`<zz-citation-chip .clause=${p.clause}></zz-citation-chip>`
      : p.kind === 'bold'
        ? html`<strong>${p.text}</strong>`
        : p.text,
  );
}

/** For the components that render richText: the chip and its punctuation break as one word. */
export const richTextStyles = css`
  .clause-run {
    white-space: nowrap;
  }
`;
