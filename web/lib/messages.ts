import type { TemplateResult } from 'lit';
import zhCN from '../messages/zh-CN.json';

/**
 * The page's own interface wording (buttons, hints, errors), kept in web/messages/zh-CN.json so that no component
 * holds a sentence. The JSON import is typed, so a key a component names that the file lacks fails `tsc`; the
 * sentences that restate the notice come with the knowledge version instead (ui.json).
 */
export const words = zhCN;

const SLOT = /\{(\w+)\}/g;

/** Fills `{name}` placeholders with values; a placeholder without a value is left as written, so a gap shows. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(SLOT, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * Fills placeholders with rendered parts (a link, a chip, bold text) as well as plain values, for a sentence whose
 * pieces are markup. The result is a list Lit renders in order; the template's own words and every string value
 * stay text bindings, never parsed as HTML.
 */
type Part = string | TemplateResult | readonly Part[];

export function fillParts(template: string, vars: Record<string, number | Part>): Part[] {
  const out: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(SLOT)) {
    if (m.index > last) out.push(template.slice(last, m.index));
    const v = vars[m[1]!];
    out.push(v === undefined ? m[0] : typeof v === 'number' ? String(v) : v);
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}
