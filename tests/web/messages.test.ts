import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fill, fillParts, words } from '../../web/lib/messages';
import { loadKnowledgeData } from '../../server/knowledge/load';

const ROOT = resolve(import.meta.dirname, '../..');
const MESSAGES = join(ROOT, 'web/messages/zh-CN.json');
/** The page's code that must hold no wording: its components and their helpers (the console is a page of its own). */
const CODE_DIRS = ['web/components', 'web/lib'];
const HAN = /\p{Script=Han}/u;
const SLOT = /\{(\w+)\}/g;

type Tree = { [key: string]: string | Tree };
const Text = z.string().refine((t) => t.trim().length > 0, 'a message is not empty');
const Tree: z.ZodType<Tree> = z.lazy(() => z.record(z.string().regex(/^\w+$/), z.union([Text, Tree])));
const MessagesFile = z.object({ $comment: z.string() }).catchall(z.union([Text, Tree]));

const tsFiles = (dirs: string[]) =>
  dirs.flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(d, f)),
  );
const codeFiles = tsFiles(CODE_DIRS);
/** The staff console: its views and their helpers (the API client, times, the answer-entry form). */
const consoleFiles = tsFiles(['web/console', 'web/console/components']);
/** The console reads its wording from the file too: its reads count as uses. */
const readingFiles = [...codeFiles, ...consoleFiles];
/**
 * Console code that may keep Chinese, by file and the text it holds, each with the reason it must stay. Empty: the
 * console's wording is all in the file, and its patterns (which pass the scan) read no server wording.
 */
const CONSOLE_ALLOWED: { file: string; text: string; why: string }[] = [];

/** The literal text of a string or template piece, with the CSS and HTML comments a template may carry taken out. */
function literalText(n: ts.Node): string | null {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n))
    return n.text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '');
  return null;
}

/**
 * Chinese words in code, as file:line and text. Comments are not tokens of the tree, so they pass; a regular
 * expression is a pattern that reads input (〔clause〕 references, 附件 numbers), not wording shown, so it passes too.
 */
function hanInCode(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    const text = literalText(n);
    if (text !== null && HAN.test(text)) found.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${text.trim().slice(0, 60)}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** The path of a property chain rooted at `words` or at a constant that names a part of it (`const W = words.app`). */
function chainPath(n: ts.Expression, aliases: Map<string, string[]>): string[] | null {
  if (ts.isIdentifier(n)) return n.text === 'words' ? [] : (aliases.get(n.text) ?? null);
  if (ts.isPropertyAccessExpression(n)) {
    const base = chainPath(n.expression, aliases);
    return base && [...base, n.name.text];
  }
  return null;
}

interface Use {
  file: string;
  path: string[];
  /** The names a `fill(template, { … })` call gives, when the values are an object literal. */
  given?: string[];
}

/** Every path into the messages a file reads, and the placeholder values each `fill`/`fillParts` call gives. */
function usesIn(file: string, source: string): Use[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const aliases = new Map<string, string[]>();
  const uses: Use[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const p = chainPath(n.initializer, aliases);
      if (p) aliases.set(n.name.text, p);
    }
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && (n.expression.text === 'fill' || n.expression.text === 'fillParts')) {
      const [tpl, vars] = n.arguments;
      const p = tpl && chainPath(tpl, aliases);
      if (p && vars && ts.isObjectLiteralExpression(vars))
        uses.push({ file, path: p, given: vars.properties.map((x) => (x.name && ts.isIdentifier(x.name) ? x.name.text : '…')) });
    }
    // The outermost chain only: `W.help.end` is one use, not also `W.help`.
    if ((ts.isPropertyAccessExpression(n) || ts.isIdentifier(n)) && !ts.isPropertyAccessExpression(n.parent)) {
      const p = chainPath(n as ts.Expression, aliases);
      const declaring = ts.isVariableDeclaration(n.parent) && n.parent.initializer === n;
      if (p && p.length && !declaring) uses.push({ file, path: p });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return uses;
}

function at(tree: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, k) => (node && typeof node === 'object' && k in node ? (node as Record<string, unknown>)[k] : undefined), tree);
}

function leaves(tree: Tree, prefix: string[] = []): string[][] {
  return Object.entries(tree).flatMap(([k, v]) => (k === '$comment' ? [] : typeof v === 'string' ? [[...prefix, k]] : leaves(v, [...prefix, k])));
}

const raw = JSON.parse(readFileSync(MESSAGES, 'utf8')) as Tree;
const allUses = readingFiles.flatMap((f) => usesIn(f, readFileSync(join(ROOT, f), 'utf8')));

describe('the chat page wording file', () => {
  it('is a tree of non-empty messages with a comment saying what it holds', () => {
    const parsed = MessagesFile.safeParse(raw);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  it('is what the page imports, so the page reads the file as validated here', () => {
    expect(words).toEqual(raw);
  });

  it('holds no Chinese in the code of web/components and web/lib, outside comments and patterns', () => {
    const found = codeFiles.flatMap((f) => hanInCode(f, readFileSync(join(ROOT, f), 'utf8')));
    // Each line found is wording that belongs in web/messages/zh-CN.json (or, restating the notice, in ui.json).
    expect(found).toEqual([]);
    expect(codeFiles.length, 'the scan reads the components and their helpers').toBeGreaterThan(20);
  });

  it('gives the form view\'s date boxes a Chinese example, never an English pattern such as YYYY-MM', () => {
    const view = readFileSync(join(ROOT, 'web/components/zz-form-view.ts'), 'utf8');
    expect(view).not.toMatch(/['"`]Y{2,4}-M{2}/u);
    expect(view).toMatch(/placeholder=\$\{[^}]*datePlaceholder\(f\.precision\)/u);
    expect(words.common.datePlaceholder).toEqual({ month: '如 2023-06', day: '如 2023-06-18' });
    // The chat's date box shows the same example, never a browser's own month pattern.
    const chat = readFileSync(join(ROOT, 'web/components/zz-question.ts'), 'utf8');
    expect(chat).toMatch(/placeholder=\$\{[^}]*datePlaceholder\(q\.precision\)/u);
    expect(chat).not.toMatch(/'month' : 'date'/u);
    // Near misses: no English word is typed into any of the form view's own messages.
    const texts = (t: Tree | string): string[] => (typeof t === 'string' ? [t] : Object.values(t).flatMap(texts));
    expect(texts(words.formView as Tree).filter((t) => /[A-Za-z]{2,}/u.test(t.replace(/Word|\{\w+\}/gu, '')))).toEqual([]);
  });

  it('holds no Chinese in the code of the staff console, its views or their helpers, outside comments and patterns', () => {
    const allowed = (line: string) => CONSOLE_ALLOWED.some((a) => line.startsWith(`${a.file}:`) && line.includes(a.text));
    const found = consoleFiles.flatMap((f) => hanInCode(f, readFileSync(join(ROOT, f), 'utf8'))).filter((l) => !allowed(l));
    // Each line found is wording that belongs in web/messages/zh-CN.json under `console`.
    expect(found).toEqual([]);
    expect(consoleFiles, 'the scan reads the views and the helpers beside them').toEqual(
      expect.arrayContaining(['web/console/api.ts', 'web/console/time.ts', 'web/console/entry-form.ts', 'web/console/components/zz-console-bureau.ts', 'web/console/components/zz-console-knowledge.ts', 'web/console/components/zz-console-review.ts']),
    );
  });

  it('finds Chinese in strings and templates, and passes comments, CSS comments and patterns', () => {
    const sample = [
      "const a = '提交';",
      'const b = html`<p>已回答 ${n} 题</p>`;',
      '// 一个注释',
      '/** 文档注释 */',
      'const c = css`/* 评估 beside the title */ :host { display: block; }`;',
      'const d = /^附件[1-3]$/;',
      "const e = 'plain text';",
    ].join('\n');
    const found = hanInCode('sample.ts', sample);
    expect(found.map((f) => f.split(':')[1])).toEqual(['1', '2', '2']);
  });

  it('has every key the code reads', () => {
    const missing = allUses.filter((u) => at(raw, u.path) === undefined).map((u) => `${u.file}: ${u.path.join('.')}`);
    expect(missing).toEqual([]);
    expect(allUses.length, 'the scan finds the uses').toBeGreaterThan(250);
  });

  it('has no message the code does not read', () => {
    const used = allUses.map((u) => u.path.join('.'));
    const unused = leaves(raw)
      .map((p) => p.join('.'))
      .filter((p) => !used.some((u) => p === u || p.startsWith(`${u}.`)));
    expect(unused).toEqual([]);
  });

  it('gives each filled message exactly the placeholders it names', () => {
    const calls = allUses.filter((u) => u.given);
    const wrong = calls.flatMap((u) => {
      const tpl = at(raw, u.path);
      const named = typeof tpl === 'string' ? [...new Set([...tpl.matchAll(SLOT)].map((m) => m[1]!))].sort() : ['(not a message)'];
      const given = [...u.given!].sort();
      return JSON.stringify(named) === JSON.stringify(given) ? [] : [`${u.file}: ${u.path.join('.')} names ${named.join(',')} but is given ${given.join(',')}`];
    });
    expect(wrong).toEqual([]);
    expect(calls.length).toBeGreaterThan(60);
  });
});

describe('fill and fillParts', () => {
  it('fill puts values in their places and leaves a placeholder without a value as written', () => {
    expect(fill('已回答 {n} 题，跳过 {m} 题', { n: 3, m: 0 })).toBe('已回答 3 题，跳过 0 题');
    expect(fill('修改「{label}」：{display}', { label: '{display}' })).toBe('修改「{display}」：{display}');
  });

  it('fillParts keeps values apart from the words, so markup and user text are rendered as given', () => {
    const chip = html`<strong>x</strong>`;
    expect(fillParts('申报书：{category}', { category: chip })).toEqual(['申报书：', chip]);
    expect(fillParts('{a}与{b}', { a: '<b>', b: 2 })).toEqual(['<b>', '与', '2']);
  });
});

describe('one word per verdict and per condition status', () => {
  const kb = loadKnowledgeData(join(ROOT, 'knowledge'), 'henan-2023');

  it('names each verdict alike on the chat page, in the console, in the 推荐汇总表 and on the dashboard', () => {
    // The console reads the page's words; the server's console wording (the 推荐汇总表, the dashboard's CSV) must match them.
    expect(kb.ui.console.verdicts).toEqual(words.format.verdictShort);
    // A verdict with gaps is 「存在差距」 in the report, in the page's full verdict and in every short form.
    const gaps = kb.formDrafting.report.verdict.gaps;
    expect(gaps).toBe('存在差距');
    expect([words.format.verdict.gaps, words.format.verdictShort.gaps, kb.ui.console.verdicts.gaps]).toEqual([gaps, gaps, gaps]);
  });

  it('names a condition met in part 「部分满足」 on the page, in the console and in the report, as the bureau’s 自评 does', () => {
    expect(words.format.status).toEqual(kb.formDrafting.report.status);
    expect(words.format.status.partial).toBe('部分满足');
    expect(kb.facts.review.gate.conditions.status.partial).toBe(`自评${words.format.status.partial}`);
  });
});
