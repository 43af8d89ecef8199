import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChatMessage } from './provider';

/**
 * Prompts are files in prompts/, read once; these pure functions compose them into messages.
 * Every piece of user-supplied or uploaded text enters a prompt only through `dataBlock`, which
 * fences it and neutralises anything inside that could close the fence or forge a citation.
 */

const PROMPT_NAMES = [
  'qa-system',
  'qa-user',
  'qa-verified',
  'extract-system',
  'extract-user',
  'rephrase-system',
  'rephrase-user',
  'draft-system',
  'draft-user',
  'draft-fix-length',
  'draft-fix-numbers',
] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

const PROMPT_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));
let cache: Record<PromptName, string> | undefined;

/** All prompt files, read on first use and kept; a missing file fails loudly at the first model call. */
export function prompts(): Record<PromptName, string> {
  if (!cache) {
    const loaded = {} as Record<PromptName, string>;
    for (const name of PROMPT_NAMES) loaded[name] = readFileSync(`${PROMPT_DIR}${name}.md`, 'utf8').trim();
    cache = loaded;
  }
  return cache;
}

/** The marker every system prompt starts with; seeing it in model output means the prompt is leaking. */
export const SYSTEM_CANARY = '⟦ZZ-SYSTEM⟧';

/** Fills {{name}} placeholders; a placeholder without a value is a bug in the composer, so it throws. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    const v = vars[key];
    if (v === undefined) throw new Error(`prompt placeholder {{${key}}} has no value`);
    return v;
  });
}

const OPEN = '<<<';
const CLOSE = '>>>';

/**
 * Makes text safe inside a data block: runs of angle brackets (which could close the fence),
 * our citation brackets (which could forge a citation the checker would then see as the
 * model's) and the system canary are replaced by look-alikes that carry no meaning.
 */
export function neutralise(text: string): string {
  return text
    .replace(/[<＜]{2,}/g, (m) => '‹'.repeat(m.length))
    .replace(/[>＞]{2,}/g, (m) => '›'.repeat(m.length))
    .replace(/〔/g, '【')
    .replace(/〕/g, '】')
    .replace(/[⟦⟧]/g, '|');
}

/** A fenced data block: `<<<数据：label>>> … <<<数据结束：label>>>`. */
export function dataBlock(label: string, text: string): string {
  const l = neutralise(label);
  return `${OPEN}数据：${l}${CLOSE}\n${neutralise(text)}\n${OPEN}数据结束：${l}${CLOSE}`;
}

export interface PromptClause {
  id: string;
  title: string;
  text: string;
}

function clauseBlock(clauses: PromptClause[]): string {
  // Clause text is ours (the notice), but it still goes through the fence so the format is uniform.
  return dataBlock('条款', clauses.map((c) => `[${c.id}] ${c.title}\n${c.text}`).join('\n\n'));
}

/** `notice` is the title in the knowledge version's manifest, so the prompt names the session's own notice. */
export function qaMessages(input: { question: string; clauses: PromptClause[]; notice?: string }): ChatMessage[] {
  const p = prompts();
  return [
    { role: 'system', content: fill(p['qa-system'], { notice: input.notice ?? '申报通知' }) },
    { role: 'user', content: fill(p['qa-user'], { clauses: clauseBlock(input.clauses), question: dataBlock('用户问题', input.question) }) },
  ];
}

export function extractMessages(input: {
  tool: string;
  text: string;
  pending?: { id: string; text: string } | null;
  capabilities: { id: string; label: string }[];
}): ChatMessage[] {
  const p = prompts();
  const pending = input.pending
    ? dataBlock('当前问题', `[${input.pending.id}] ${input.pending.text}`)
    : '（当前没有待回答的问题）';
  return [
    { role: 'system', content: fill(p['extract-system'], { tool: input.tool }) },
    {
      role: 'user',
      content: fill(p['extract-user'], {
        pending,
        capabilities: input.capabilities.map((c) => `${c.id}：${c.label}`).join('\n'),
        text: dataBlock('用户回答', input.text),
      }),
    },
  ];
}

export function rephraseMessages(input: {
  question: { text: string; kind: string; choices?: { label: string }[]; unit?: string };
  lastUserText?: string;
}): ChatMessage[] {
  const p = prompts();
  const q = input.question;
  const how =
    q.kind === 'number'
      ? `回答方式：数字${q.unit ? `（单位：${q.unit}）` : ''}`
      : q.choices?.length
        ? `回答方式：从选项中选择（${q.choices.map((c) => c.label).join('／')}）`
        : q.kind.startsWith('yesNo')
          ? '回答方式：是／否' + (q.kind === 'yesNoPartial' ? '／部分' : '')
          : '回答方式：文字';
  return [
    { role: 'system', content: p['rephrase-system'] },
    {
      role: 'user',
      content: fill(p['rephrase-user'], {
        question: dataBlock('原问题', `${q.text}\n${how}`),
        context: input.lastUserText ? dataBlock('对话上下文（用户上一句）', input.lastUserText) : '（没有对话上下文）',
      }),
    },
  ];
}

export interface DraftPromptInput {
  section: string;
  hint?: string;
  clauses: PromptClause[];
  facts: unknown;
  min: number;
  max: number;
}

export function draftMessages(input: DraftPromptInput): ChatMessage[] {
  const p = prompts();
  return [
    { role: 'system', content: p['draft-system'] },
    {
      role: 'user',
      content: fill(p['draft-user'], {
        section: neutralise(input.section),
        min: String(input.min),
        max: String(input.max),
        target: String(Math.round((input.min + input.max) / 2)),
        hint: input.hint ? dataBlock('栏目填写说明', input.hint) : '（本栏目没有填写说明）',
        clauses: input.clauses.length ? dataBlock('栏目依据', input.clauses.map((c) => `[${c.id}] ${c.text}`).join('\n')) : '（本栏目没有对应条款）',
        facts: dataBlock('企业事实', JSON.stringify(input.facts, null, 1)),
      }),
    },
  ];
}

export function lengthFixMessage(count: number, min: number, max: number): ChatMessage {
  return {
    role: 'user',
    content: fill(prompts()['draft-fix-length'], {
      count: String(count),
      min: String(min),
      max: String(max),
      direction: count > max ? '压缩' : '扩充',
      target: String(Math.round((min + max) / 2)),
    }),
  };
}

export function numbersFixMessage(numbers: string[]): ChatMessage {
  return { role: 'user', content: fill(prompts()['draft-fix-numbers'], { numbers: numbers.map(neutralise).join('、') }) };
}

/**
 * True when output repeats a system prompt: the canary, or any 24-character run of a rule line
 * (the numbered lines). Answers legitimately share short phrases and the style examples with
 * the prompts, so only long verbatim runs of the rules count.
 */
export function leaksSystemPrompt(output: string): boolean {
  if (output.includes(SYSTEM_CANARY) || output.includes('ZZ-SYSTEM')) return true;
  const out = output.replace(/\s+/g, '');
  if (out.length < LEAK_WINDOW) return false;
  return ruleWindows().some((w) => out.includes(w));
}

const LEAK_WINDOW = 24;
let windows: string[] | undefined;
function ruleWindows(): string[] {
  if (!windows) {
    const p = prompts();
    const rules = [p['qa-system'], p['extract-system'], p['rephrase-system'], p['draft-system']]
      .flatMap((s) => s.split('\n'))
      .filter((l) => /^\d+\./.test(l.trim()))
      .map((l) => l.trim().replace(/^\d+\.\s*/, '').replace(/\s+/g, ''));
    const set = new Set<string>();
    for (const r of rules) for (let i = 0; i + LEAK_WINDOW <= r.length; i += 4) set.add(r.slice(i, i + LEAK_WINDOW));
    windows = [...set];
  }
  return windows;
}
