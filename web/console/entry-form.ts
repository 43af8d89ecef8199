import { AnswerBaseFile, ANSWER_PLACEHOLDERS, type AnswerEntry } from '../../server/knowledge/schemas/answer-base';
import { fill, words } from '../lib/messages';

const W = words.console.entryForm;

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
const FIELD: Record<string, string> = W.fields;

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  origin?: string;
  /** The answer base's own rules name themselves here (see AnswerBaseFile). */
  params?: { rule?: string; name?: string };
}

/** One schema refusal in the operator's words. */
function reason(i: Issue): string {
  const key = String([...i.path].reverse().find((p) => typeof p === 'string') ?? '');
  if (i.code === 'too_small') {
    const n = Number(i.minimum ?? 1);
    if (i.origin === 'array') return fill(key === 'questions' ? W.minQuestions : W.minItems, { n });
    return n <= 1 ? W.empty : fill(W.minChars, { n });
  }
  if (i.code === 'invalid_format') return key === 'clause' || key === 'clauses' ? W.clauseFormat : W.format;
  if (i.code === 'invalid_type') return W.missing;
  if (i.code === 'invalid_value') return W.choose;
  const rule = i.params?.rule;
  if (rule === 'unknownPlaceholder') return fill(W.unknownPlaceholder, { name: i.params?.name ?? '', known: ANSWER_PLACEHOLDERS.map((p) => `{${p}}`).join(' ') });
  if (rule === 'noQuote') return W.noQuote;
  if (rule === 'noTopic') return W.noTopic;
  if (rule === 'duplicateId') return W.duplicateId;
  return W.other;
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
    const text = path[0] === 'questions' && path.length > 1 ? fill(W.line, { n: Number(path[1]) + 1, reason: reason(i) }) : reason(i);
    out[key] = out[key] ? `${out[key]}${W.sep}${text}` : text;
  }
  return out;
}

/** A field key as people read it: 引文 2 的原文. */
export function fieldLabel(key: string): string {
  const [head, index, leaf] = key.split('.');
  if (head === 'quotes' && index !== undefined) return fill(W.quoteField, { n: Number(index) + 1, field: FIELD[leaf ?? ''] ?? leaf ?? '' });
  return FIELD[head ?? ''] ?? key;
}
