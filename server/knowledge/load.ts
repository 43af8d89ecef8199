import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { KNOWLEDGE_FILES, type KnowledgeFileSpec } from './files';

type Files = typeof KNOWLEDGE_FILES;
type DataOf<S extends KnowledgeFileSpec> = S['path'] extends `${string}/`
  ? Record<string, z.infer<S['schema']>>
  : z.infer<S['schema']>;

/** The validated content of every knowledge file of one version. */
export type KnowledgeData = { version: string } & { [K in keyof Files]: DataOf<Files[K]> };

/** How a knowledge file's schema failure begins, after the file's path. */
const VALIDATION_FAILED = '校验失败';

/**
 * A broken knowledge file, named by its path. The message is Chinese, as every message the staff
 * who maintain the knowledge read (startup, `knowledge:publish`, the console's 知识库版本 page).
 */
export class KnowledgeError extends Error {
  constructor(readonly file: string, message: string) {
    super(`知识库文件 ${file}：${message}`);
  }
}

/** zod's own messages (类型不符, 数值过小…) in Chinese for this parse only: HTTP validation keeps its own wording. */
const zhCN = z.locales.zhCN().localeError;

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new KnowledgeError(file, `无法读取（${(err as NodeJS.ErrnoException).code ?? '未知错误'}）`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new KnowledgeError(file, `不是有效的 JSON（解析器说明：${(err as Error).message}）`);
  }
}

function validate(file: string, schema: z.ZodType, value: unknown): unknown {
  // Each schema checks one file once per start: compiling zod's generated fast path for it cost
  // more than it saved (about two thirds of the validation time). Same checks, same errors.
  const r = schema.safeParse(value, { jitless: true, error: zhCN });
  if (!r.success) {
    const first = r.error.issues.slice(0, 5).map((i) => `位置 ${i.path.length ? i.path.join('.') : '（文件顶层）'}：${i.message}`);
    throw new KnowledgeError(file, `${VALIDATION_FAILED} — ${first.join('；')}`);
  }
  return r.data;
}

/** One JSON file read and validated the way knowledge files are: a problem throws KnowledgeError naming the file and field. */
export function readValidated<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  return validate(file, schema, readJson(file)) as z.infer<S>;
}

/** Loads and validates knowledge/<version>/. Throws KnowledgeError naming the file and field on any problem. */
export function loadKnowledgeData(rootDir: string, version: string): KnowledgeData {
  if (!/^[a-z0-9-]+$/.test(version)) throw new KnowledgeError(version, '版本名只能用小写字母、数字和“-”');
  const dir = resolve(rootDir, version);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new KnowledgeError(dir, '知识库版本目录不存在');
  const out: Record<string, unknown> = { version };
  // Every file is read, and every one that fails is named at once, not only the first.
  const problems: KnowledgeError[] = [];
  const read = (f: string, schema: z.ZodType): unknown => {
    try {
      return validate(f, schema, readJson(f));
    } catch (err) {
      if (!(err instanceof KnowledgeError)) throw err;
      problems.push(err);
      return undefined;
    }
  };
  for (const [key, spec] of Object.entries(KNOWLEDGE_FILES) as [string, KnowledgeFileSpec][]) {
    const full = join(dir, spec.path);
    if (spec.path.endsWith('/')) {
      if (!existsSync(full)) {
        if (spec.optional) continue;
        problems.push(new KnowledgeError(full, '目录缺失'));
        continue;
      }
      const rec: Record<string, unknown> = {};
      for (const name of readdirSync(full).filter((n) => n.endsWith('.json')).sort()) {
        rec[name.replace(/\.json$/, '')] = read(join(full, name), spec.schema);
      }
      out[key] = rec;
    } else {
      if (!existsSync(full) && spec.optional) continue;
      out[key] = read(full, spec.schema);
    }
  }
  if (!problems.length) problems.push(...hardConditionProblems(out as KnowledgeData, join(dir, KNOWLEDGE_FILES.categoryRules.path)));
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new KnowledgeError(dir, `${problems.length} 处未通过校验：\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
  return out as KnowledgeData;
}

/**
 * The hard conditions are data, so the interview must ask what they read, and a yes/no question of the hard
 * phase must decide something: otherwise a condition dropped or mistyped in category-rules.json would silently
 * leave an enterprise eligible, or one added would never be asked.
 */
function hardConditionProblems(data: KnowledgeData, file: string): KnowledgeError[] {
  const out: KnowledgeError[] = [];
  const rules = Object.entries(data.categoryRules.hard);
  const asked = new Map(data.interview.questions.map((q) => [q.sets, q.id]));
  for (const [id, rule] of rules) {
    if (!asked.has(rule.fact)) out.push(new KnowledgeError(file, `${VALIDATION_FAILED} — 位置 hard.${id}.fact：没有哪个访谈问题设置 ${rule.fact}，这项条件永远不会被问到`));
  }
  const read = new Set(rules.map(([, r]) => r.fact));
  for (const q of data.interview.questions) {
    if (q.phase !== 'hard' || q.kind !== 'yesNo' || read.has(q.sets)) continue;
    const name = q.sets.split('.').at(-1);
    out.push(new KnowledgeError(file, `${VALIDATION_FAILED} — 位置 hard：访谈问题 ${q.id} 询问 ${q.sets}，但没有哪项硬性条件读取它（请增加 hard.${name}，写明其事实、判定和文字，或删去该问题）`));
  }
  return out;
}

