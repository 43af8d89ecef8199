// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/components/zz-assessment-panel';
import '../../web/components/zz-welcome';
import { doneNote } from '../../web/lib/format';
import type { Assessment } from '../../server/schemas/profile';
import type { Progress } from '../../server/schemas/interview';
import { mount } from './mount';

const textOf = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

// Wording of a knowledge version of its own, so the tests show the page prints what it is given.
const ui = {
  assessment: {
    asNeededUnused: '按需',
    basis: '依据{notice}。',
    noticeFallback: '通知',
    hardPending: '尚未确认',
    hardPendingNote: '请先核实。',
    hardNoneFailing: '未见不符。',
    chosenCategory: '所选：{category}',
    chosenFitsWorse: '{better}差距更少',
    chosenFitsWorseUnasked: '{better}或许差距更少，尚缺{count}问',
    blockedHelp: '答错了可以改；拿不准请打热线。',
  },
};

const assessment: Assessment = {
  eligible: true,
  verdict: 'incomplete',
  blocking: [],
  category: { recommended: 'smartWorkshop', reasons: [{ clause: '一(一)', text: '按默认方向' }], alternatives: [] },
  conditions: [],
  notes: [],
  knowledgeVersion: 'henan-2023',
};

const labels = new Map([
  ['mes', '制造执行系统（MES）'],
  ['erp', '企业资源计划（ERP）'],
]);

describe('the panel before the category questions are answered', () => {
  const show = (phase: Progress['phase'], a: Assessment = assessment) =>
    mount('zz-assessment-panel', { assessment: a, progress: { answered: 3, remaining: 30, phase }, notice: { shortTitle: '测试通知', ui } }).then(textOf);

  it.each([
    ['hard', '先确认基本条件'],
    ['category', '请先回答申报方向的问题'],
  ] as const)('during the %s questions says the direction waits, and for what, never 「推荐申报」', async (phase, waiting) => {
    const text = await show(phase);
    expect(text).toContain('申报方向待定');
    expect(text).toContain(waiting);
    expect(text).not.toContain('推荐');
  });

  it.each(['hard', 'category'] as const)('a chosen category that fits worse is not named before then either (%s)', async (phase) => {
    const text = await show(phase, { ...assessment, category: { ...assessment.category, recommended: 'discreteFactory', fitsBetter: { category: 'smartWorkshop', gaps: 1, chosenGaps: 3 } } });
    expect(text).toContain('申报方向待定');
    expect(text).not.toContain('所选');
  });

  it.each(['elements', 'form', 'done'] as const)('once past them (%s) recommends the category as before', async (phase) => {
    const text = await show(phase);
    expect(text).toContain('推荐申报：智能车间');
    expect(text).not.toContain('申报方向待定');
  });
});

describe('an element whose advice names what its list line names', () => {
  const show = (c: Assessment['conditions'][number]) =>
    mount('zz-assessment-panel', { assessment: { ...assessment, conditions: [c] }, progress: { answered: 30, remaining: 5, phase: 'elements' }, capabilityLabels: labels }).then((el) => el.shadowRoot!.querySelector('.cond > li')!.textContent!.replace(/\s+/g, ' '));
  const count = (text: string, s: string) => text.split(s).length - 1;

  it.each([
    // 「待确认」 then 「建议：请确认…」 with the same systems.
    ['unknown', { status: 'unknown', missing: [], unknown: ['mes'], advice: '请确认：制造执行系统（MES）。生产调度须实时。' }, '待确认：'],
    ['two unknowns', { status: 'unknown', missing: [], unknown: ['mes', 'erp'], advice: '请确认：制造执行系统（MES）、企业资源计划（ERP）。' }, '待确认：'],
    ['a gap', { status: 'unmet', missing: ['mes'], unknown: [], advice: '需补齐：制造执行系统（MES）。通知要求：实时调度。' }, '缺少：'],
  ] as const)('says them once, in the advice (%s)', async (_, c, line) => {
    const text = await show({ clause: '三(一)5', title: '生产过程实时调度', ...c, unknown: [...c.unknown], missing: [...c.missing] });
    expect(text).not.toContain(line);
    expect(text).toContain('建议：');
    expect(count(text, '制造执行系统（MES）')).toBe(1);
  });

  it.each([
    ['advice naming only one of two', { status: 'unknown', missing: [], unknown: ['mes', 'erp'], advice: '请确认：制造执行系统（MES）。' }, '待确认：制造执行系统（MES）、企业资源计划（ERP）'],
    ['advice in other words', { status: 'unmet', missing: ['mes'], unknown: [], advice: '建设制造执行系统' }, '缺少：制造执行系统（MES）'],
    ['a gap beside an unknown the gap advice does not name', { status: 'partial', missing: ['mes'], unknown: ['erp'], advice: '需补齐：制造执行系统（MES）。' }, '待确认：企业资源计划（ERP）'],
  ] as const)('keeps a list line the advice does not restate (%s)', async (_, c, kept) => {
    const text = await show({ clause: '三(一)5', title: '生产过程实时调度', ...c, unknown: [...c.unknown], missing: [...c.missing] });
    expect(text).toContain(kept);
  });
});

describe('an ineligible verdict', () => {
  const blocked: Assessment = {
    ...assessment,
    eligible: false,
    verdict: 'ineligible',
    category: { ...assessment.category, recommended: null },
    blocking: [{ clause: '二(一)', reason: '生产经营或财务状况不佳。', remedy: '以审计报告为依据改答。' }],
  };

  it('gives each condition\'s remedy under 「怎么办」 and the version\'s help: correct an answer or ask the contact', async () => {
    const el = await mount('zz-assessment-panel', { assessment: blocked, progress: { answered: 5, remaining: 10, phase: 'hard' }, notice: { shortTitle: '测试通知', ui } });
    const text = textOf(el);
    expect(text).toContain('怎么办：以审计报告为依据改答。');
    expect(el.shadowRoot!.querySelector('.blocked-help')!.textContent).toBe('答错了可以改；拿不准请打热线。');
  });

  it('has no help line when nothing fails, or when the version has no such wording', async () => {
    const none = await mount('zz-assessment-panel', { assessment, progress: { answered: 30, remaining: 0, phase: 'done' }, notice: { shortTitle: '测试通知', ui } });
    expect(none.shadowRoot!.querySelector('.blocked-help')).toBeNull();
    const { blockedHelp: _, ...older } = ui.assessment;
    const old = await mount('zz-assessment-panel', { assessment: blocked, progress: { answered: 5, remaining: 10, phase: 'hard' }, notice: { shortTitle: '测试通知', ui: { assessment: older } } });
    expect(old.shadowRoot!.querySelector('.blocked-help')).toBeNull();
  });
});

describe('the header of a chosen category that fits worse, with questions of the better one unasked', () => {
  const chosen = (fitsBetter: NonNullable<Assessment['category']['fitsBetter']>, wording: { assessment: Omit<typeof ui.assessment, 'chosenFitsWorseUnasked'> & { chosenFitsWorseUnasked?: string } } = ui) =>
    mount('zz-assessment-panel', {
      assessment: { ...assessment, category: { ...assessment.category, recommended: 'discreteFactory', fitsBetter } },
      progress: { answered: 30, remaining: 0, phase: 'done' },
      notice: { shortTitle: '测试通知', ui: wording },
    }).then(textOf);

  it.each([
    [{ category: 'smartWorkshop', gaps: 1, chosenGaps: 3, unknown: 2 }, '智能车间或许差距更少，尚缺2问'],
    [{ category: 'smartWorkshop', gaps: 0, chosenGaps: 4, unknown: 5 }, '智能车间或许差距更少，尚缺5问'],
    [{ category: 'processFactory', gaps: 2, chosenGaps: 6, unknown: 1 }, '流程型智能工厂或许差距更少，尚缺1问'],
  ] as const)('says how many are unasked (%j)', async (fitsBetter, said) => {
    const text = await chosen(fitsBetter);
    expect(text).toContain(said);
    expect(text).not.toContain(`${CATEGORY_OF[fitsBetter.category]}差距更少`);
  });

  // Near misses: with none unasked, or with a version that has no such wording, the header is the plain one.
  it('with none unasked, the header is the plain one', async () => {
    expect(await chosen({ category: 'smartWorkshop', gaps: 1, chosenGaps: 3 })).toContain('智能车间差距更少');
    expect(await chosen({ category: 'smartWorkshop', gaps: 1, chosenGaps: 3, unknown: 0 })).not.toContain('尚缺');
  });

  it('a version without the wording keeps the plain header', async () => {
    const { chosenFitsWorseUnasked: _, ...older } = ui.assessment;
    expect(await chosen({ category: 'smartWorkshop', gaps: 1, chosenGaps: 3, unknown: 2 }, { assessment: older })).toContain('智能车间差距更少');
  });

  it('the closing note says it too', () => {
    expect(doneNote('discreteFactory', { category: 'smartWorkshop', gaps: 1, chosenGaps: 3, unknown: 2 }, ui)).toContain('智能车间或许差距更少，尚缺2问');
  });
});

const CATEGORY_OF = { smartWorkshop: '智能车间', processFactory: '流程型智能工厂', discreteFactory: '离散型智能工厂' } as const;

describe('the note of a finished interview', () => {
  it.each([
    ['discreteFactory', 'smartWorkshop', '所选：离散型智能工厂', '智能车间差距更少'],
    ['smartWorkshop', 'processFactory', '所选：智能车间', '流程型智能工厂差距更少'],
    ['processFactory', 'discreteFactory', '所选：流程型智能工厂', '离散型智能工厂差距更少'],
  ] as const)('names a chosen category that fits worse as the choice, with the better one (%s)', (chosen, better, a, b) => {
    const text = doneNote(chosen, { category: better, gaps: 1, chosenGaps: 3 }, ui);
    expect(text).toContain(a);
    expect(text).toContain(b);
    expect(text).not.toContain('推荐');
  });

  it('recommends the category when it is the rules\' own, and when the version gives no wording for a choice', () => {
    expect(doneNote('smartWorkshop', undefined, ui)).toContain('推荐申报智能车间');
    expect(doneNote('discreteFactory', { category: 'smartWorkshop', gaps: 1, chosenGaps: 3 }, undefined)).toContain('推荐申报离散型智能工厂');
  });
});

describe('the welcome\'s length of the assessment', () => {
  afterEach(() => vi.unstubAllGlobals());
  const welcome = async (current: object | null) => {
    vi.stubGlobal('fetch', vi.fn(async () => ({ ok: current !== null, json: async () => current })));
    const el = await mount('zz-welcome', {});
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    return el.shadowRoot!.querySelector('.hero > p')!.textContent!;
  };

  it.each([
    [{ min: 28, max: 47 }, '约 28–47 题，视申报方向而定'],
    [{ min: 33, max: 41 }, '约 33–41 题，视申报方向而定'],
    [{ min: 30, max: 30 }, '约 30 题，'],
  ])('quotes the server\'s count of the interview plan (%j)', async (interviewQuestions, said) => {
    const text = await welcome({ issuer: '测试厅', shortTitle: '测试通知', interviewQuestions });
    expect(text).toContain(said);
    expect(text).not.toContain('40');
  });

  it('gives no figure at all without the server\'s count, never a fixed one', async () => {
    for (const current of [null, { issuer: '测试厅', shortTitle: '测试通知' }]) {
      const text = await welcome(current);
      expect(text).toContain('先回答一组评估问题（多为');
      expect(text).not.toMatch(/约\s*\d+\s*题/);
    }
  });
});
