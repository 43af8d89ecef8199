import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One sentence line of a template (see prompts/templates/README.md). */
export type TemplateLine =
  | { kind: 'sentence'; required: boolean; priority: number; text: string }
  | { kind: 'list'; required: boolean; priority: number; list: string };

export interface Template {
  lines: TemplateLine[];
  named: Record<string, string>;
}
export type Templates = Record<string, Template>;

export const DEFAULT_TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../prompts/templates');

export function parseTemplate(name: string, source: string): Template {
  const lines: TemplateLine[] = [];
  const named: Record<string, string> = {};
  const body = source.replace(/<!--[\s\S]*?-->/g, '');
  for (const [i, raw] of body.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    // Drafts may contain only numbers that come from facts; a digit in a template would be invented.
    if (/[0-9]/.test(line.replace(/^\?\d+/, ''))) throw new Error(`template ${name} line ${i + 1}: digits are not allowed in template text`);
    let m: RegExpExecArray | null;
    if ((m = /^@(\w+)\s+(.+)$/.exec(line))) named[m[1]!] = m[2]!;
    else if ((m = /^(!|\?(\d+))\s+\*(\w+)$/.exec(line))) lines.push({ kind: 'list', required: m[1] === '!', priority: Number(m[2] ?? 0), list: m[3]! });
    else if ((m = /^(!|\?(\d+))\s+(.+)$/.exec(line))) lines.push({ kind: 'sentence', required: m[1] === '!', priority: Number(m[2] ?? 0), text: m[3]! });
    else throw new Error(`template ${name} line ${i + 1}: expected "! ", "?N ", "@name " or a list line`);
  }
  return { lines, named };
}

export function loadTemplates(dir = DEFAULT_TEMPLATES_DIR): Templates {
  const out: Templates = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
    out[f.replace(/\.md$/, '')] = parseTemplate(f, readFileSync(join(dir, f), 'utf8'));
  }
  return out;
}
