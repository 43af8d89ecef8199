import { AnswerBaseFile, ANSWER_PLACEHOLDERS, type AnswerEntry } from '../../server/knowledge/schemas/answer-base';

/**
 * The form an answer-base entry of a draft is edited in on the knowledge page: its questions, its answer, its quotes
 * as clause + text, and the clauses it rests on. It is checked with the answer base's own zod schema (the one the
 * server loads the file with), and each refusal is said in Chinese beside its field.
 */
export interface EntryForm {
  /** One way of asking per line. */
  questions: string;
  answer: string;
  quotes: { clause: string; find: string }[];
  /** Clause IDs separated by spaces or 、; empty means the quotes' clauses. */
  clauses: string;
}

export function formOf(entry: Partial<AnswerEntry>): EntryForm {
  return {
    questions: (entry.questions ?? []).join('\n'),
    answer: entry.answer ?? '',
    quotes: (entry.quotes ?? []).map((q) => ({ clause: q.clause, find: q.find })),
    clauses: (entry.clauses ?? []).join(' '),
  };
}

/** The entry the form describes: the fields it does not show are kept as they were. */
export function entryOf(base: Record<string, unknown>, form: EntryForm): Record<string, unknown> {
  const quotes = form.quotes.map((q) => ({ clause: q.clause.trim(), find: q.find.trim() })).filter((q) => q.clause || q.find);
  const listed = form.clauses.split(/[\s、,，]+/u).filter(Boolean);
  return {
    ...base,
    questions: form.questions.split('\n').map((s) => s.trim()).filter(Boolean),
    answer: form.answer.trim(),
    quotes,
    clauses: listed.length ? listed : [...new Set(quotes.map((q) => q.clause).filter(Boolean))],
  };
}

/** What each field is called on the form. */
const FIELD: Record<string, string> = { questions: '问法', answer: '答复', quotes: '引文', clauses: '依据条款', clause: '条款编号', find: '原文', id: '条目编号', conclusion: '结论类型', topic: '话题' };

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  origin?: string;
}

/** One schema refusal in the operator's words. */
function reason(i: Issue): string {
  const key = String([...i.path].reverse().find((p) => typeof p === 'string') ?? '');
  if (i.code === 'too_small') {
    const n = Number(i.minimum ?? 1);
    if (i.origin === 'array') return key === 'questions' ? `至少写 ${n} 种问法（每行一种）` : `至少需要 ${n} 项`;
    return n <= 1 ? '不能为空' : `至少 ${n} 个字`;
  }
  if (i.code === 'invalid_format') return key === 'clause' || key === 'clauses' ? '条款编号须按通知的编号写，如 四(三)、三(二)6、附件2.四(五)（括号用半角）' : '格式不对';
  if (i.code === 'invalid_type') return '缺少此项，或格式不对';
  if (i.code === 'invalid_value') return '请从给出的选项中选择';
  const placeholder = /^未知的占位符 \{(\w+)\}/.exec(i.message);
  if (placeholder) return `没有 {${placeholder[1]}} 这个占位符；可用：${ANSWER_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`;
  if (/至少有一处通知原文引用/.test(i.message)) return '至少需要一条引文：答复要由条款原文证明';
  if (/须写明所拒答的话题/.test(i.message)) return '“通知未涉及”的答复要写明未涉及的话题';
  if (/条目 id 重复/.test(i.message)) return '条目编号重复';
  return '不符合问答库的格式要求';
}

/**
 * The form's errors by field ('questions', 'answer', 'quotes', 'quotes.0.clause', 'quotes.0.find', 'clauses'), from
 * the answer base's schema; empty when the entry passes it. Clause text and quotes are checked against the notice
 * by the server when the edit is saved.
 */
export function entryErrors(entry: Record<string, unknown>): Record<string, string> {
  const r = AnswerBaseFile.safeParse({ entries: [entry] });
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues as Issue[]) {
    const path = i.path.slice(2).map(String);
    // A question's own error is shown on the questions box, naming the line.
    const key = path[0] === 'questions' && path.length > 1 ? 'questions' : path.join('.') || 'entry';
    const text = path[0] === 'questions' && path.length > 1 ? `第 ${Number(path[1]) + 1} 行：${reason(i)}` : reason(i);
    out[key] = out[key] ? `${out[key]}；${text}` : text;
  }
  return out;
}

/** A field key as people read it: 引文 2 的原文. */
export function fieldLabel(key: string): string {
  const [head, index, leaf] = key.split('.');
  if (head === 'quotes' && index !== undefined) return `引文 ${Number(index) + 1} 的${FIELD[leaf ?? ''] ?? leaf}`;
  return FIELD[head ?? ''] ?? key;
}
