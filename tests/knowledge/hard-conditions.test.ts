import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, interpret, type Answers } from '../../server/engine';
import { ineligibleText } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { loadTemplates } from '../../server/forms/template';
import { ingestNotice } from '../../server/knowledge/ingest/ingest';
import { staleQuotes } from '../../server/knowledge/ingest/verbatim';
import { KnowledgeError, loadKnowledgeData, type KnowledgeData } from '../../server/knowledge/load';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';

/**
 * The hard conditions are data: the 2024 notice (tests/fixtures/notice-henan-2024.txt) adds 「成立满3年」 to 二(一)
 * and a new 二(四) 「近三年未发生较大及以上安全生产事故、突发环境事件和重大质量事故」. Staff express both in the
 * draft's category-rules.json and interview.json alone; no engine code knows them.
 */
const NOTICE_2024 = 'tests/fixtures/notice-henan-2024.txt';
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const ACCIDENT = '近三年未发生较大及以上安全生产事故、突发环境事件和重大质量事故';

function editJson(root: string, version: string, file: string, change: (json: any) => void): void {
  const path = join(root, version, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json, null, 1));
}

/** What an operator writes for the two new conditions, in the draft's data only. */
function addConditions(root: string, version: string, minYears: number): void {
  editJson(root, version, 'category-rules.json', (j) => {
    j.hard.foundedTooRecently = {
      clause: '二(一)',
      title: `成立满${minYears}年`,
      fact: 'enterprise.foundedYear',
      fails: { yearsUnder: minYears },
      reason: `企业成立于{value}年，不满${minYears}年。通知要求“成立满${minYears}年的单体制造业企业”。`,
      remedy: `成立满${minYears}年后，可按当年发布的通知申报。`,
    };
    j.hard.majorAccident = {
      clause: '二(四)',
      title: '近三年未发生较大及以上事故',
      fact: 'declared.majorAccident',
      fails: { equals: true },
      reason: `近三年发生过较大及以上安全生产事故、突发环境事件或重大质量事故。通知要求“${ACCIDENT}”。`,
      remedy: '以后年度能否申报，以当年发布的通知为准。',
    };
  });
  editJson(root, version, 'interview.json', (j) => {
    const at = j.questions.findIndex((q: { id: string }) => q.id === 'ent.appliedThisYear');
    j.questions.splice(at + 1, 0, {
      id: 'ent.majorAccident',
      label: '近三年发生较大及以上事故',
      text: '近三年企业是否发生过较大及以上安全生产事故、突发环境事件或重大质量事故？',
      kind: 'yesNo',
      clause: '二(四)',
      help: `通知二(四)：“${ACCIDENT}”`,
      sets: 'declared.majorAccident',
      phase: 'hard',
    });
  });
}

describe('a next-year notice that adds hard conditions works by data alone', () => {
  let root: string;
  let kb: KnowledgeData;
  let last: KnowledgeData;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'zhizao-hard-'));
    temps.push(root);
    cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
    await ingestNotice({ file: NOTICE_2024, as: 'henan-2024', root });
    addConditions(root, 'henan-2024', 3);
    kb = loadKnowledgeData(root, 'henan-2024');
    last = loadKnowledgeData(root, 'henan-2023');
  }, 120_000);

  const met: Answers = { ...HARD_CONDITIONS_MET, 'ent.city': '郑州市', 'ent.foundedYear': '2015' };
  /** The new question as the interview shows it. */
  const r0 = (k: KnowledgeData) => evaluate(k, met).question!;

  it('asks the new condition in the hard phase, in the words and clause of its question', () => {
    const r = evaluate(kb, met);
    expect(r.question).toMatchObject({ id: 'ent.majorAccident', phase: 'hard', clause: '二(四)' });
    expect(r.assessment.verdict).toBe('incomplete');
    // Last year's version has no such condition and never asks it.
    expect(evaluate(last, met).question?.id).not.toBe('ent.majorAccident');
  });

  it("reads a reply in the new question's own verb as its yes, and the same for any verb a new question asks with", () => {
    const asked = r0(kb);
    const said = (text: string, view = asked) => interpret(kb, text, view);
    const yes = (text: string, view = asked) => expect(said(text, view), text).toEqual({ kind: 'answers', items: [{ questionId: view.id, value: true }] });
    const no = (text: string, view = asked) => expect(said(text, view), text).toEqual({ kind: 'answers', items: [{ questionId: view.id, value: false }] });
    for (const t of ['发生过', '发生过一次', '去年发生过一起安全事故', '發生過']) yes(t);
    for (const t of ['没发生过', '未发生过', '没有']) no(t);
    // A hedge said with the verb is no yes: the enterprise is not sure.
    for (const t of ['可能发生过', '好像发生过']) expect(said(t), t).toMatchObject({ kind: 'unclear', reason: 'hedge' });
    expect(said('发生过的算吗？').kind).toBe('question');
    // Other verbs a next notice might ask with are read from the question's text the same way, with no word list.
    for (const [text, reply] of [
      ['近三年企业是否存在重大安全隐患未整改？', '存在一处'],
      ['近三年企业是否受到过生态环境部门的行政处罚？', '受到过一次'],
      ['近三年企业是否出现过重大质量事故？', '出现过'],
    ] as const) {
      const view = { ...asked, text };
      yes(reply, view);
      no(`没${reply.slice(0, 3)}`, view);
    }
    // A preposition after 是否 is no verb: 「在河南」 is no yes to 「是否在河南省境内发生过事故」.
    const where = { ...asked, text: '是否在河南省境内发生过事故？' };
    expect(said('在河南', where)).not.toEqual({ kind: 'answers', items: [{ questionId: where.id, value: true }] });
  });

  it('blocks on the new condition, citing the new clause and its words', () => {
    const a = evaluate(kb, { ...met, 'ent.majorAccident': true }).assessment;
    expect(a.verdict).toBe('ineligible');
    expect(a.blocking).toEqual([expect.objectContaining({ clause: '二(四)', reason: expect.stringContaining(ACCIDENT) })]);
    expect(evaluate(kb, { ...met, 'ent.majorAccident': false }).question?.id).not.toBe('ent.majorAccident');
  });

  it("says the new condition at the top of the enterprise's draft, as it does the old ones", () => {
    const ctx = { ...kb, templates: loadTemplates(), engine: kb };
    const answers = { ...met, 'ent.majorAccident': true };
    const { profile } = sessionDraftProfile(kb, ctx, answers);
    expect(ineligibleText(ctx, profile)).toContain('二(四)');
    expect(ineligibleText(ctx, sessionDraftProfile(kb, ctx, { ...met, 'ent.majorAccident': false, 'ent.foundedYear': '2023' }).profile)).toContain('成立满3年');
    expect(ineligibleText(ctx, sessionDraftProfile(kb, ctx, { ...met, 'ent.majorAccident': false }).profile)).toBeNull();
  });

  it('applies the founding-age threshold against the notice year, undecided in the boundary year', () => {
    const at = (founded: string) => evaluate(kb, { ...met, 'ent.majorAccident': false, 'ent.foundedYear': founded }).assessment;
    expect(kb.manifest.year).toBe(2024);
    const young = at('2022年');
    expect(young.verdict).toBe('ineligible');
    expect(young.blocking[0]).toMatchObject({ clause: '二(一)', reason: '企业成立于2022年，不满3年。通知要求“成立满3年的单体制造业企业”。' });
    // Founded in 2021, it is 满3年 by the 2024 deadline or not according to its month: not blocked, not cleared.
    expect(at('2021').blocking).toEqual([]);
    expect(at('2021').verdict).toBe('incomplete');
    expect(at('2020').blocking).toEqual([]);
    // The 2023 notice sets no age: the same young enterprise is not blocked there.
    expect(evaluate(last, { ...met, 'ent.foundedYear': '2022' }).assessment.blocking).toEqual([]);
  });

  it('changes the threshold by data: two years instead of three', async () => {
    const other = mkdtempSync(join(tmpdir(), 'zhizao-hard-'));
    temps.push(other);
    cpSync(join(root, 'henan-2024'), join(other, 'henan-2024'), { recursive: true });
    editJson(other, 'henan-2024', 'category-rules.json', (j) => (j.hard.foundedTooRecently.fails.yearsUnder = 2));
    const two = loadKnowledgeData(other, 'henan-2024');
    expect(evaluate(two, { ...met, 'ent.majorAccident': false, 'ent.foundedYear': '2021' }).assessment.blocking).toEqual([]);
    expect(evaluate(two, { ...met, 'ent.majorAccident': false, 'ent.foundedYear': '2023' }).assessment.blocking[0]!.clause).toBe('二(一)');
  });

  it('decides the boundary year by the founding month when the notice gives the date it counts to, and leaves it open without that month', () => {
    const other = mkdtempSync(join(tmpdir(), 'zhizao-hard-'));
    temps.push(other);
    cpSync(join(root, 'henan-2024'), join(other, 'henan-2024'), { recursive: true });
    // 「截至2024年3月31日成立满3年」: the operator writes the date beside the threshold.
    editJson(other, 'henan-2024', 'category-rules.json', (j) => (j.hard.foundedTooRecently.fails = { yearsUnder: 3, asOf: { month: 3, day: 31 } }));
    const dated = loadKnowledgeData(other, 'henan-2024');
    const at = (answers: Answers) => evaluate(dated, { ...met, 'ent.majorAccident': false, ...answers }).assessment;
    const blocked = (answers: Answers) => at(answers).blocking.map((b) => b.clause);
    // Founded in 2021 on or before 3月31日: three years old by 2024年3月31日.
    for (const founded of ['2021年2月', '2021年3月20日', '2021-03-31', '2021.1']) expect(blocked({ 'ent.foundedYear': founded }), founded).toEqual([]);
    // Founded after it: not yet three years old, whatever else holds.
    for (const founded of ['2021年5月', '2021-04-01', '2021年12月']) {
      expect(blocked({ 'ent.foundedYear': founded }), founded).toEqual(['二(一)']);
    }
    // The year alone, or the month of the date itself without the day, leaves it open (信息不全).
    for (const founded of ['2021', '2021年3月']) {
      expect(blocked({ 'ent.foundedYear': founded }), founded).toEqual([]);
      expect(at({ 'ent.foundedYear': founded }).verdict, founded).toBe('incomplete');
    }
    // The form's dated 成立时间 decides it the same way.
    expect(blocked({ 'ent.foundedYear': '2021', 'form.foundedOn': '2021-06-18' })).toEqual(['二(一)']);
    expect(blocked({ 'ent.foundedYear': '2021', 'form.foundedOn': '2021-01-18' })).toEqual([]);
    // Years off the boundary need no month.
    expect(blocked({ 'ent.foundedYear': '2022年1月' })).toEqual(['二(一)']);
    expect(blocked({ 'ent.foundedYear': '2020年12月' })).toEqual([]);

    // Counted to the year's end, every founding of the boundary year is of age by then.
    editJson(other, 'henan-2024', 'category-rules.json', (j) => (j.hard.foundedTooRecently.fails = { yearsUnder: 3, asOf: { month: 12, day: 31 } }));
    const yearEnd = loadKnowledgeData(other, 'henan-2024');
    expect(evaluate(yearEnd, { ...met, 'ent.majorAccident': false, 'ent.foundedYear': '2021' }).assessment.blocking).toEqual([]);
  });

  it('asks for the founding date when the year alone is on the boundary of a dated age condition, and decides by the reply', () => {
    const other = mkdtempSync(join(tmpdir(), 'zhizao-hard-'));
    temps.push(other);
    cpSync(join(root, 'henan-2024'), join(other, 'henan-2024'), { recursive: true });
    editJson(other, 'henan-2024', 'category-rules.json', (j) => (j.hard.foundedTooRecently.fails = { yearsUnder: 3, asOf: { month: 3, day: 31 } }));
    const dated = loadKnowledgeData(other, 'henan-2024');
    const base = { ...met, 'ent.majorAccident': false };
    const next = (answers: Answers) => evaluate(dated, { ...base, ...answers });
    // Founded in 2021 with no month: the year cannot decide 满3年 by 2024年3月31日, so the interview asks the date in
    // the hard phase (the optional questions before it skipped). Measured before: no question asked it, and the
    // verdict stayed incomplete.
    const hardAsked = (answers: Answers): string[] => {
      const seen: string[] = [];
      let a: Answers = { ...answers };
      for (let q = next(a).question; q && q.phase === 'hard' && seen.length < 20; q = next(a).question) {
        seen.push(q.id);
        a = { ...a, [q.id]: null };
      }
      return seen;
    };
    expect(hardAsked({ 'ent.foundedYear': '2021' })).toContain('ent.foundedDate');
    // The reply decides it, with the year already known or given again.
    for (const said of ['3月20日', '2021年3月20日', '2月']) expect(next({ 'ent.foundedYear': '2021', 'ent.foundedDate': said }).assessment.blocking, said).toEqual([]);
    for (const said of ['5月8日', '2021年12月1日', '4月']) expect(next({ 'ent.foundedYear': '2021', 'ent.foundedDate': said }).assessment.blocking.map((b) => b.clause), said).toEqual(['二(一)']);
    // 「3月」 leaves the day to decide against 3月31日: the condition stays open rather than guessed.
    expect(next({ 'ent.foundedYear': '2021', 'ent.foundedDate': '3月' }).assessment.blocking).toEqual([]);
    // A year off the boundary, a month already given, or a dated 成立时间 from the form needs no date.
    for (const answers of [{ 'ent.foundedYear': '2018' }, { 'ent.foundedYear': '2023' }, { 'ent.foundedYear': '2021年2月' }, { 'ent.foundedYear': '2021', 'form.foundedOn': '2021-06-18' }] as Answers[]) {
      expect(hardAsked(answers), JSON.stringify(answers)).not.toContain('ent.foundedDate');
    }
    // A notice without an age condition never asks it.
    let a: Answers = { ...met, 'ent.foundedYear': '2021' };
    const seen: string[] = [];
    for (let q = evaluate(last, a).question; q && q.phase === 'hard' && seen.length < 20; q = evaluate(last, a).question) {
      seen.push(q.id);
      a = { ...a, [q.id]: null };
    }
    expect(seen).not.toContain('ent.foundedDate');
  });

  it("quotes the new notice's words: the publish check finds nothing stale in the new conditions", () => {
    const stale = staleQuotes(kb).filter((s) => /hard\.(majorAccident|foundedTooRecently)/.test(s));
    expect(stale).toEqual([]);
  });

  it('refuses a condition the interview never asks, and a hard-phase yes/no question no condition reads', () => {
    const broken = mkdtempSync(join(tmpdir(), 'zhizao-hard-'));
    temps.push(broken);
    cpSync(join(root, 'henan-2024'), join(broken, 'henan-2024'), { recursive: true });
    editJson(broken, 'henan-2024', 'category-rules.json', (j) => (j.hard.majorAccident.fact = 'declared.majorAccidents'));
    let e: unknown;
    try {
      loadKnowledgeData(broken, 'henan-2024');
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(KnowledgeError);
    expect((e as Error).message).toContain('hard.majorAccident.fact：没有哪个访谈问题设置 declared.majorAccidents');
    expect((e as Error).message).toContain('访谈问题 ent.majorAccident 询问 declared.majorAccident，但没有哪项硬性条件读取它');
  });
});
