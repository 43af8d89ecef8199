import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormsContext } from '../../server/forms/draft';
import { applyFormAnswer, correctLast, datedReply, editOfAnswer, formView, groupOf, interpretForm, markApproximate, monthAfterYear, sameAsEarlier } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';
import type { Answers, Interpretation } from '../../server/schemas/interview';
import { SESSION_DAY, type TypedEnterprise } from './typed-enterprises';
import { draftTyped, factAt, noticeAchievements } from './typed-draft';
import { capabilityTerms, filledFormProblems } from './claims';
import { exportedDocxText, exportedPdfText, hasPdftotext } from './export-text';
import { build, type Built } from '../helper';
import type { KnowledgeData } from '../../server/knowledge/load';

/** A typed round's enterprise: some replies typed into the form view's boxes, each expected fact a value, TEXT or null. */
export interface RoundEnterprise extends TypedEnterprise {
  view?: number[];
  expected: Record<string, string | number | null>;
}

export const TEXT = 'TEXT';

/**
 * Each reply read as the app reads it. In the chat: a reply pointing at an earlier answer (「同上」) read against the
 * answers, a correction of part of an answer against it (「地址不是18号，应该是16号」), a month after a year asked back
 * for it, anything else by interpretForm, then applyFormAnswer (a skip standing for its whole group skips each of the
 * group's questions, as the chat's skipGroup does), and a correction naming no field read against the question answered
 * last. In the form view: checkFormValue, and what it returns saved as the page saves it (the box's value, then the
 * other boxes it fills). A reply asked back is listed in `unclear`, with what was asked in `asked`.
 */
export function typedReplies(ctx: FormsContext, e: RoundEnterprise): { answers: Answers; unclear: string[]; asked: string[] } {
  let answers: Answers = { ...e.interview };
  const unclear: string[] = [];
  const asked: string[] = [];
  let last: string | undefined;
  /** A year alone asked back for its month, by the question it was typed to. */
  let yearSaid: { id: string; text: string } | undefined;
  e.typed.forEach(([id, text], i) => {
    const year = yearSaid?.id === id ? yearSaid.text : undefined;
    yearSaid = undefined;
    if (e.view?.includes(i)) {
      const c = checkFormValue(ctx, answers, e.category, id, text, SESSION_DAY);
      if (!c.ok) {
        unclear.push(id);
        asked.push(c.error);
        return;
      }
      for (const [qid, v] of [[id, c.value], ...(c.also ?? []).map((a) => [a.questionId, a.value] as const)] as const) {
        const applied = applyFormAnswer(ctx, answers, qid, v);
        if (!applied.ok) throw new Error(`${e.id} ${id}: ${applied.error}`);
        answers = applied.answers;
      }
      last = id;
      return;
    }
    let r: Interpretation =
      sameAsEarlier(ctx, answers, id, text) ??
      editOfAnswer(ctx, answers, id, text) ??
      (year ? monthAfterYear(ctx, id, year, text) : undefined) ??
      interpretForm(ctx, datedReply(ctx, id, text, SESSION_DAY)?.text ?? text, formView(ctx, id, e.category));
    if (r.kind === 'unclear' && r.reason === 'previous' && last) r = correctLast(ctx, answers, last, text) ?? r;
    if (r.kind === 'unclear' && r.reason === 'bare' && formView(ctx, id, e.category)?.kind === 'date') yearSaid = { id, text };
    if (r.kind !== 'answers') {
      unclear.push(id);
      asked.push(r.kind === 'unclear' ? r.reason ?? 'unclear' : r.kind);
      return;
    }
    // As the chat does, a value the field's rules refuse is said back and asked again, the rest of the reply kept.
    for (const item of r.items) {
      const ids = r.wholeGroup && item.value === null ? groupOf(ctx, answers, e.category, item.questionId, r.section) : [item.questionId];
      for (const qid of ids) {
        const applied = applyFormAnswer(ctx, answers, qid, qid === item.questionId ? item.value : null);
        if (!applied.ok) {
          unclear.push(id);
          asked.push(applied.error);
          continue;
        }
        answers = item.approx ? markApproximate(applied.answers, item.questionId, item.said ?? text) : applied.answers;
      }
    }
    if (r.items.some((x) => x.questionId === id)) last = id;
  });
  return { answers, unclear, asked };
}

/** A reading of each typed round's enterprises, drafted once and kept. */
export function typedRound<E extends RoundEnterprise>(
  data: KnowledgeData,
  ctx: FormsContext,
  read: (ctx: FormsContext, e: E) => { answers: Answers; unclear: string[]; asked?: string[] } = typedReplies,
) {
  const memo = new Map<string, ReturnType<typeof draftOf>>();
  function draftOf(e: E) {
    const typed = { asked: [] as string[], ...read(ctx, e) };
    return { ...typed, ...draftTyped(data, ctx, typed.answers, e.category) };
  }
  return (e: E) => {
    if (!memo.has(e.id)) memo.set(e.id, draftOf(e));
    return memo.get(e.id)!;
  };
}

/** Whether a fact reads as expected: null for missing, TEXT for any non-empty text, else the value itself. */
export const readsRight = (got: unknown, want: unknown) => (want === null ? got === undefined : want === TEXT ? typeof got === 'string' && got.length > 0 : got === want);

/** Of every expected fact of the enterprises, how many read right; the wrong and missed are listed by id and path. */
export function tally<E extends RoundEnterprise>(enterprises: E[], form: (e: E) => object) {
  let right = 0;
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const e of enterprises)
    for (const [path, want] of Object.entries(e.expected)) {
      const got = factAt(form(e), path);
      if (readsRight(got, want)) right++;
      else (got === undefined ? missed : wrong).push(`${e.id.slice(0, 2)} ${path}: ${JSON.stringify(got)}`);
    }
  return { total: right + wrong.length + missed.length, right, wrong, missed };
}

const PLACEHOLDER = /〔请补充：[^〕]*〕/g;

/** What a typed round holds of one enterprise once drafted (see draftTyped). */
type Drafted = ReturnType<typeof draftTyped>;

/**
 * The checks every typed round makes of one enterprise's drafted form: the category recommended, each expected fact
 * (a fact listed in `known` as it stands, for a reading the round left wrong on purpose), every claim traced to a fact
 * with `checked` claims checked, and no notice achievement or capability wording printed in a draft.
 */
export function expectDrafted(ctx: FormsContext, e: RoundEnterprise, d: Drafted, checked: number, known: Record<string, unknown> = {}): void {
  expect(d.recommended).toBe(e.category);
  for (const [path, want] of Object.entries(e.expected)) {
    const got = factAt(d.profile.form, path);
    if (path in known) expect(got, path).toBe(known[path]);
    else expect(readsRight(got, want), `${path}: ${JSON.stringify(got)}`).toBe(true);
  }
  const { problems, checked: n } = filledFormProblems(d.profile, d.form, d.drafts, capabilityTerms(ctx.formDrafting));
  expect(problems).toEqual([]);
  expect(n).toBe(checked);
  const achievements = noticeAchievements(ctx as unknown as KnowledgeData);
  for (const x of d.drafts) {
    const body = x.text.replace(PLACEHOLDER, '');
    for (const w of achievements) expect(body, `${x.section}: ${w}`).not.toContain(w);
    for (const c of Object.values(ctx.formDrafting.capabilities)) expect(body, x.section).not.toContain(c.achieve);
  }
}

/**
 * Each enterprise's form exported as DOCX through the routes: its text and count of placeholders by the id's prefix,
 * having checked that it names the enterprise and prints, outside its placeholders, no notice achievement and nothing
 * `spoken` matches. `body` picks the part of the text checked (the form's own, before the system's check notes).
 */
export async function exportedForms<E extends RoundEnterprise>(
  app: FastifyInstance,
  ctx: FormsContext,
  enterprises: E[],
  drafted: (e: E) => Drafted,
  spoken: RegExp,
  body: (text: string) => string = (t) => t,
): Promise<{ texts: Record<string, string>; counts: Record<string, number> }> {
  const texts: Record<string, string> = {};
  const counts: Record<string, number> = {};
  const achievements = noticeAchievements(ctx as unknown as KnowledgeData);
  for (const e of enterprises) {
    const key = e.id.slice(0, 2);
    const text = await exportedDocxText(app, drafted(e).profile, e.category);
    texts[key] = text;
    counts[key] = (text.match(PLACEHOLDER) ?? []).length;
    expect(text).toContain(String(e.expected.name));
    const own = body(text).replace(PLACEHOLDER, '');
    for (const w of achievements) expect(own, `${e.id}: ${w}`).not.toContain(w);
    expect(spoken.exec(own), e.id).toBeNull();
  }
  return { texts, counts };
}

/** What one typed round checks of its enterprises, each map keyed by the id's two-letter prefix. */
export interface RoundSuite<E extends RoundEnterprise> {
  /** The round's number, as its describe titles name it. */
  round: number;
  enterprises: E[];
  ctx: FormsContext;
  drafted: (e: E) => Drafted & { unclear: string[]; asked: string[] };
  /** The per-enterprise test's title after the id. */
  title: string;
  /** The replies asked again, where the round lists them apart from the enterprises' own `unclear`. */
  unclear?: Record<string, string[]>;
  /** What each is asked back, in order: the reason, or for a form-view box its message's first words. */
  asked?: Record<string, string[]>;
  /** The round figures typed, kept out of the signed form and listed for the exact one. */
  approximate?: Record<string, string[]>;
  checked: Record<string, number>;
  /** Readings known to be wrong, as `key:path`, kept as a guard until fixed. */
  knownWrong?: Record<string, unknown>;
  /** The tally's title and its total, every fact read right; none where the round kept no tally. */
  tally?: { title: string; total: number };
  /** The sentences' title and count; `voiceSpace` also refuses voice input's space between two clauses. */
  sentences: { title: string; count: number; voiceSpace?: boolean };
  spoken: RegExp;
  /** The part of an exported text checked for spoken words (the form's own, before the system's check notes). */
  body?: (text: string) => string;
  docx: { title: string; counts: Record<string, number>; more?: (texts: Record<string, string>) => void };
  pdf: { id: string; wants: string[] };
}

const VOICE_SPACE = /\p{Script=Han} +[\p{Script=Han}\d]/u;

/**
 * The tests every typed round makes: each enterprise read, asked back and drafted as expected, the tally of its facts,
 * no spoken words in the drafted sentences, and the DOCX and PDF exported through the routes.
 */
export function describeTypedRound<E extends RoundEnterprise>(s: RoundSuite<E>): void {
  const body = s.body ?? ((t: string) => t);
  describe(`the round-${s.round} typed enterprises`, () => {
    for (const e of s.enterprises) {
      const key = e.id.slice(0, 2);
      it(`${e.id}: ${s.title}`, () => {
        const d = s.drafted(e);
        expect(d.unclear).toEqual(s.unclear?.[key] ?? e.unclear);
        const asked = s.asked?.[key];
        if (asked) expect(d.asked.map((a, i) => (a.startsWith(asked[i]!) ? asked[i] : a))).toEqual(asked);
        if (s.approximate) expect((d.profile.form.approximate ?? []).map((a) => a.fact)).toEqual(s.approximate[key]);
        const known = Object.fromEntries(Object.entries(s.knownWrong ?? {}).filter(([k]) => k.startsWith(`${key}:`)).map(([k, v]) => [k.slice(key.length + 1), v]));
        expectDrafted(s.ctx, e, d, s.checked[key]!, known);
      });
    }

    if (s.tally) {
      const { title, total } = s.tally;
      it(title, () => {
        expect(tally(s.enterprises, (e) => s.drafted(e).profile.form)).toEqual({ total, right: total, wrong: [], missed: [] });
      });
    }

    it(s.sentences.title, () => {
      const all = s.enterprises.flatMap((e) => s.drafted(e).sentences);
      expect(all).toHaveLength(s.sentences.count);
      expect(all.filter((x) => s.spoken.test(x.replace(PLACEHOLDER, '')) || (s.sentences.voiceSpace === true && VOICE_SPACE.test(x)))).toEqual([]);
    });
  });

  describe('the exported DOCX and PDF of each drafted form, through the routes', () => {
    let b: Built;
    beforeAll(async () => {
      b = await build();
    });
    afterAll(async () => {
      await b.close();
    });

    it(s.docx.title, async () => {
      const { texts, counts } = await exportedForms(b.app, s.ctx, s.enterprises, s.drafted, s.spoken, body);
      expect(counts).toEqual(s.docx.counts);
      s.docx.more?.(texts);
    });

    it.skipIf(!hasPdftotext)('the PDF (where LibreOffice is installed) carries the same text as the DOCX', async () => {
      const e = s.enterprises.find((x) => x.id.startsWith(`${s.pdf.id}-`))!;
      const text = await exportedPdfText(b.app, s.drafted(e).profile, e.category);
      if (text === null) return;
      for (const want of s.pdf.wants) expect(text, want).toContain(want);
      expect(s.spoken.test(body(text).replace(PLACEHOLDER, ''))).toBe(false);
    }, 180_000);
  });
}
