// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../../web/components/zz-question';
import '../../web/components/zz-message';
import '../../web/components/zz-assessment-panel';
import '../../web/components/zz-composer';
import { reviewCount, reviewSummary } from '../../web/components/zz-review-card';
import type { Assessment } from '../../server/schemas/profile';
import { mount } from './mount';


const shadow = (el: Element) => el.shadowRoot!;
const buttons = (el: Element) => [...shadow(el).querySelectorAll('button')];

describe('zz-question', () => {
  it('offers 有 / 部分 / 没有 for a yes-no-partial question and sends the chosen value', async () => {
    const el = await mount('zz-question', { question: { id: 'cap.mes', text: '是否应用MES？', kind: 'yesNoPartial', phase: 'elements' } });
    const labels = buttons(el).map((b) => b.textContent!.trim());
    expect(labels.slice(0, 3)).toEqual(['有', '部分', '没有']);
    const got: unknown[] = [];
    el.addEventListener('zz-answer', (e) => got.push(e.detail));
    buttons(el)[1]!.click();
    expect(got).toEqual([{ questionId: 'cap.mes', value: 'partial', display: '部分' }]);
  });

  it('shows the unit beside a number input, asks for a figure when empty, and hands words to the server to read', async () => {
    const el = await mount('zz-question', {
      question: { id: 'metric.networkedRatio', text: '设备联网率是多少？', kind: 'number', unit: '%', min: 0, max: 100, phase: 'elements' },
    });
    expect(shadow(el).querySelector('.unit')!.textContent).toBe('%');
    const got: unknown[] = [];
    const sent: unknown[] = [];
    el.addEventListener('zz-answer', (e) => got.push(e.detail));
    el.addEventListener('zz-send', (e) => sent.push(e.detail));
    const input = shadow(el).querySelector('input')!;
    shadow(el).querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await el.updateComplete;
    expect(shadow(el).querySelector('[role=alert]')!.textContent).toContain('请输入数字（单位：%）');
    // 「大约八成」 is for the server's one reader of Chinese numbers, not for a second parser in the page.
    input.value = '大约八成';
    input.dispatchEvent(new Event('input'));
    shadow(el).querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await el.updateComplete;
    expect(got).toEqual([]);
    expect(sent).toEqual([{ text: '大约八成' }]);
    input.value = '１２０';
    input.dispatchEvent(new Event('input'));
    shadow(el).querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await el.updateComplete;
    expect(shadow(el).querySelector('[role=alert]')!.textContent).toContain('不能大于 100');
    input.value = '85';
    input.dispatchEvent(new Event('input'));
    shadow(el).querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(got).toEqual([{ questionId: 'metric.networkedRatio', value: 85, display: '85%' }]);
  });

  it('in an edit of an earlier answer, hands a figure in words to the server as that question\'s value', async () => {
    const el = await mount('zz-question', {
      question: { id: 'form.rnd.staff', text: '研发人员有多少人？', kind: 'number', unit: '人', min: 0, phase: 'form' },
      compact: true,
    });
    const got: { value: unknown }[] = [];
    el.addEventListener('zz-answer', (e) => got.push(e.detail));
    const input = shadow(el).querySelector('input')!;
    input.value = '十二';
    input.dispatchEvent(new Event('input'));
    shadow(el).querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await el.updateComplete;
    expect(shadow(el).querySelector('[role=alert]')?.textContent ?? '').toBe('');
    expect(got.map((g) => g.value)).toEqual(['十二']);
  });

  it('shows the server reason for a refused answer by the widget and keeps the typed value for correcting', async () => {
    const el = await mount('zz-question', { question: { id: 'form.creditCode', text: '统一社会信用代码？', kind: 'text', phase: 'form' } });
    const input = shadow(el).querySelector('input')!;
    input.value = '123';
    input.dispatchEvent(new Event('input'));
    el.serverError = '统一社会信用代码应为18位';
    await el.updateComplete;
    expect(shadow(el).querySelector('[role=alert]')!.textContent).toContain('统一社会信用代码应为18位');
    expect(shadow(el).querySelector('input')!.value).toBe('123');
    el.serverError = '';
    await el.updateComplete;
    expect(shadow(el).querySelector('[role=alert]')).toBeNull();
  });

  it('gives a date a box to type in with the form view\'s example, a month-only date one without a day', async () => {
    const month = await mount('zz-question', { question: { id: 'form.project.end', text: '建设完成时间？', kind: 'date', precision: 'month', phase: 'form' } });
    const monthBox = shadow(month).querySelector('input')!;
    expect([monthBox.type, monthBox.inputMode, monthBox.placeholder]).toEqual(['text', 'numeric', '如 2023-06']);
    const day = await mount('zz-question', { question: { id: 'form.foundedOn', text: '企业成立时间？', kind: 'date', precision: 'day', phase: 'form' } });
    expect(shadow(day).querySelector('input')!.placeholder).toBe('如 2023-06-18');
    // Near miss: a text field has no date example.
    const text = await mount('zz-question', { question: { id: 'form.creditCode', text: '统一社会信用代码？', kind: 'text', phase: 'form' } });
    expect([shadow(text).querySelector('input')!.type, shadow(text).querySelector('input')!.placeholder]).toEqual(['text', '']);
  });

  it('lists the choices of a choice question as buttons with their labels', async () => {
    const el = await mount('zz-question', {
      question: { id: 'ent.mode', text: '生产方式？', kind: 'choice', choices: [{ value: 'discrete', label: '离散型' }, { value: 'process', label: '流程型' }], phase: 'category' },
    });
    expect(buttons(el).map((b) => b.textContent!.trim()).slice(0, 2)).toEqual(['离散型', '流程型']);
  });
});

describe('zz-composer', () => {
  const type = async (el: Element, text: string) => {
    const area = shadow(el).querySelector('textarea')!;
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  };

  it('keeps what was typed and not sent when the page is reloaded or the box is drawn again, and forgets it once sent', async () => {
    sessionStorage.clear();
    const first = await mount('zz-composer', {});
    await type(first, '我们车间有两条产线，MES是去年');
    first.remove();
    // A reload, or the dock drawn again after the form view: a new element, the same tab.
    const again = await mount('zz-composer', {});
    expect(shadow(again).querySelector('textarea')!.value, 'the unsent text is back in the box').toBe('我们车间有两条产线，MES是去年');
    const sent: string[] = [];
    again.addEventListener('zz-send', (e) => sent.push((e as CustomEvent<{ text: string }>).detail.text));
    shadow(again).querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(sent).toEqual(['我们车间有两条产线，MES是去年']);
    again.remove();
    const after = await mount('zz-composer', {});
    expect(shadow(after).querySelector('textarea')!.value, 'a sent message is not offered again').toBe('');
    after.remove();
  });
});

describe('zz-message', () => {
  it('renders user text containing markup as plain text, never as elements', async () => {
    const el = await mount('zz-message', {
      message: { id: 'u1', role: 'user', text: '<img src=x onerror="alert(1)"><b>hi</b>', citations: [], status: 'sent' },
    });
    expect(shadow(el).querySelector('img')).toBeNull();
    expect(shadow(el).querySelector('b')).toBeNull();
    expect(shadow(el).querySelector('.bubble')!.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('turns clause references in assistant text into citation chips', async () => {
    const el = await mount('zz-message', {
      message: { id: 'a1', role: 'assistant', text: '根据〔二(一)〕的规定。', citations: [{ clause: '二(四)', title: '信用', quote: '…' }], status: 'done' },
    });
    const chips = [...shadow(el).querySelectorAll('zz-citation-chip')].map((c) => c.clause);
    expect(chips).toEqual(['二(一)', '二(四)']);
  });

  it('shows one chip per clause when an answer quotes two passages of it', async () => {
    const el = await mount('zz-message', {
      message: {
        id: 'a1b',
        role: 'assistant',
        text: '申报单位真实性承诺由法定代表人签字并加盖公章。',
        citations: [
          { clause: '附件2.一(二)', title: '智能工厂基本信息', quote: '我单位申报的所有材料，均真实、完整' },
          { clause: '附件2.四(六)', title: '视频资料', quote: 'MP4格式' },
          { clause: '附件2.一(二)', title: '智能工厂基本信息', quote: '法定代表人签字：' },
          { clause: '附件2.一(二)', title: '智能工厂基本信息', quote: '推荐单位（公章）' },
        ],
        status: 'done',
      },
    });
    const chips = [...shadow(el).querySelectorAll('zz-citation-chip')].map((c) => c.clause);
    expect(chips).toEqual(['附件2.一(二)', '附件2.四(六)']);
  });

  it('wraps a chip and the punctuation after it in one unbreakable run', async () => {
    const el = await mount('zz-message', {
      message: { id: 'a2', role: 'assistant', text: '生产经营良好（二(一)）；同时见〔三(二)3〕，完', citations: [], status: 'done' },
    });
    const runs = [...shadow(el).querySelectorAll('.clause-run')];
    expect(runs.map((r) => [r.querySelector('zz-citation-chip')!.clause, r.textContent])).toEqual([
      ['二(一)', '；'],
      ['三(二)3', '，'],
    ]);
    expect(shadow(el).querySelector('.bubble')!.textContent).toContain('同时见');
  });

  it('draws the feedback thumbs inline with a name each, so they show on a machine without an emoji font', async () => {
    const el = await mount('zz-message', {
      message: { id: 'a3', role: 'assistant', text: '郑州市不多于20家〔四(三)〕。', citations: [], status: 'done', logId: 'q1' },
    });
    const votes = [...shadow(el).querySelectorAll('button.vote')];
    expect(votes.map((b) => b.getAttribute('aria-label'))).toEqual(['有帮助', '没有帮助']);
    for (const b of votes) {
      expect(b.querySelector('svg path')).not.toBeNull();
      expect(b.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
    }
  });

  it('marks a refused answer as not accepted with the reason and no retry button', async () => {
    const el = await mount('zz-message', {
      message: { id: 'c1', clientId: 'c1', role: 'user', text: '123', citations: [], status: 'rejected', error: '统一社会信用代码应为18位' },
    });
    const meta = shadow(el).querySelector('.meta')!.textContent!;
    expect(meta).toContain('未被接受：统一社会信用代码应为18位');
    expect(meta).not.toContain('未发送');
    expect(buttons(el)).toEqual([]);
  });

  it('shows why a message failed and offers a retry', async () => {
    const el = await mount('zz-message', {
      message: { id: 'c1', clientId: 'c1', role: 'user', text: '有', citations: [], status: 'failed', error: '服务器没有响应' },
    });
    expect(shadow(el).textContent).toContain('服务器没有响应');
    const got: unknown[] = [];
    el.addEventListener('zz-retry', (e) => got.push(e.detail));
    buttons(el).find((b) => b.textContent!.includes('重试'))!.click();
    expect(got).toEqual([{ id: 'c1' }]);
  });
});

const assessment: Assessment = {
  eligible: true,
  verdict: 'gaps',
  blocking: [],
  category: { recommended: 'smartWorkshop', reasons: [{ clause: '一(一)', text: '工厂级要素尚未具备' }], alternatives: [{ category: 'discreteFactory', whyNot: '缺少PDM' }] },
  conditions: [
    { clause: '三(一)1', title: '信息基础设施安全可靠', status: 'met', missing: [], unknown: [], advice: '' },
    { clause: '三(一)5', title: '生产过程实时调度', status: 'unmet', missing: ['mes'], unknown: ['scadaMesErpIntegration'], advice: '建设制造执行系统' },
  ],
  notes: [],
  knowledgeVersion: 'henan-2023',
};

describe('zz-assessment-panel', () => {
  it('shows a neutral state instead of a recommendation before any answer', async () => {
    const el = await mount('zz-assessment-panel', { assessment, answered: 0, progress: { answered: 0, remaining: 20, phase: 'hard' } });
    const text = shadow(el).textContent!;
    expect(text).toContain('回答问题后显示评估结果');
    expect(text).not.toContain('推荐');
  });

  it('titles the reasons neutrally while the category is undetermined', async () => {
    const el = await mount('zz-assessment-panel', {
      assessment: { ...assessment, category: { ...assessment.category, recommended: null } },
      progress: { answered: 5, remaining: 10, phase: 'category' },
    });
    const text = shadow(el).textContent!;
    expect(text).toContain('申报方向待定');
    expect(text).toContain('申报方向判断依据');
    expect(text).not.toContain('推荐');
    expect(text).toContain('工厂级要素尚未具备');
  });

  it('shows the verdict, category, each condition with its status and the missing capabilities by name', async () => {
    const el = await mount('zz-assessment-panel', {
      assessment,
      progress: { answered: 12, remaining: 8, phase: 'elements' },
      capabilityLabels: new Map([['mes', '制造执行系统（MES）']]),
    });
    const text = shadow(el).textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('存在差距');
    expect(text).toContain('推荐申报：智能车间');
    expect(text).toContain('缺少PDM');
    expect(text).toContain('还剩约 8 题');
    const items = [...shadow(el).querySelectorAll('.cond > li')];
    expect(items.map((li) => li.className)).toEqual(['met', 'unmet']);
    expect(items[1]!.textContent).toContain('未满足');
    expect(items[1]!.textContent).toContain('缺少：制造执行系统（MES）');
    expect(items[1]!.textContent).toContain('建议：建设制造执行系统');
  });

  it('words the as-needed capabilities and its closing note as the session\'s knowledge version says', async () => {
    // Wording of a knowledge version of its own, so the test shows the component prints what it is given, not words of its own.
    const ui = {
      assessment: {
        asNeededUnused: '按需采用未选',
        basis: '依据{notice}自查，以评审为准。',
        noticeFallback: '本年度通知',
        hardPending: '尚未确认',
        hardPendingNote: '请核实。',
        hardNoneFailing: '未见不符。',
        chosenCategory: '所选：{category}',
        chosenFitsWorse: '{better}差距更少',
      },
    };
    const withAsNeeded: Assessment = {
      ...assessment,
      conditions: [{ clause: '三(一)2', title: '工艺设计', status: 'met', missing: [], unknown: [], asNeededLacking: ['mes'], advice: '可按需建设' }],
    };
    const el = await mount('zz-assessment-panel', {
      assessment: withAsNeeded,
      progress: { answered: 12, remaining: 8, phase: 'elements' },
      capabilityLabels: new Map([['mes', '制造执行系统（MES）']]),
      notice: { shortTitle: '关于开展测试申报工作的通知', ui },
    });
    const text = shadow(el).textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('按需采用未选：制造执行系统（MES）');
    expect(text).toContain('依据《关于开展测试申报工作的通知》自查，以评审为准。');
    expect(text, 'no wording of the component\'s own about the notice').not.toMatch(/根据需要|仅供自查参考/);
  });
});

describe('zz-assessment-panel: hard conditions not yet confirmed', () => {
  // Wording of a knowledge version of its own, so the test shows the component prints what it is given.
  const ui = {
    assessment: {
      asNeededUnused: '按需',
      basis: '依据{notice}。',
      noticeFallback: '通知',
      hardPending: '尚未确认',
      hardPendingNote: '这些条件请先核实。',
      hardNoneFailing: '未见不符。',
      chosenCategory: '所选：{category}',
      chosenFitsWorse: '{better}差距更少',
    },
  };
  const show = async (a: Assessment) => {
    const el = await mount('zz-assessment-panel', { assessment: a, progress: { answered: 30, remaining: 0, phase: 'done' }, notice: { shortTitle: '测试通知', ui } });
    return shadow(el).textContent!.replace(/\s+/g, ' ');
  };

  it.each([
    [[{ clause: '二(四)', title: '严重违法失信名单' }]],
    [[{ clause: '二(一)', title: '具有独立法人资格' }, { clause: '四(一)', title: '当年限报1个' }]],
  ])('names each unanswered hard condition by its clause and never says none fails (%j)', async (pending) => {
    const text = await show({ ...assessment, pending });
    for (const p of pending) expect(text).toMatch(new RegExp(`尚未确认：.*${p.title}`));
    expect(text).toContain('这些条件请先核实。');
    expect(text, 'an unanswered hard condition is not met').not.toContain('未见不符');
  });

  it('beside a failing one, an unanswered hard condition is still named as such', async () => {
    const text = await show({ ...assessment, eligible: false, verdict: 'ineligible', blocking: [{ clause: '二(四)', reason: '列入失信被执行人', remedy: '移出后' }], pending: [{ clause: '二(四)', title: '税收违法黑名单' }] });
    expect(text).toContain('列入失信被执行人');
    expect(text).toMatch(/尚未确认：.*税收违法黑名单/);
  });

  it('with every hard condition answered and passing, says none fails (an empty or absent list alike)', async () => {
    for (const a of [{ ...assessment, pending: [] }, assessment]) {
      const text = await show(a);
      expect(text).toContain('未见不符。');
      expect(text).not.toContain('尚未确认');
    }
  });

  it('names a category the enterprise chose that fits worse as its choice, with the better one, never as recommended', async () => {
    const text = await show({ ...assessment, category: { ...assessment.category, recommended: 'discreteFactory', fitsBetter: { category: 'smartWorkshop', gaps: 1, chosenGaps: 3 } } });
    expect(text).toContain('所选：离散型智能工厂');
    expect(text).toContain('智能车间差距更少');
    expect(text).not.toContain('推荐');
  });
});

describe('zz-review-card', () => {
  it('counts only answered questions and shows skipped ones separately', async () => {
    const items = [
      { questionId: 'cap.mes', label: '制造执行系统（MES）', value: true, display: '有' },
      { questionId: 'cap.erp', label: '企业资源计划（ERP）', value: null, display: '稍后再答' },
      { questionId: 'cap.plm', label: 'PLM', value: false, display: '没有' },
    ];
    expect(reviewCount(items)).toBe('2');
    expect(reviewCount(items.slice(0, 1))).toBe('1');
    const el = await mount('zz-review-card', { items });
    expect(shadow(el).querySelector('.summary')!.textContent).toContain('已回答 2 题，跳过 1 题');
  });

  it('counts a hard condition put off (a skip, a small loss) as 待确认, never among the skips', async () => {
    const PENDING = '待确认（硬性条件，确认后再申报）';
    const items = [
      { questionId: 'ent.registeredInHenan', label: '在河南省内注册', value: true, display: '是' },
      { questionId: 'ent.operatingWell', label: '生产经营和财务状况良好', value: null, display: PENDING, pending: true as const },
      { questionId: 'ent.credit.taxViolationBlacklist', label: '被列入税收违法黑名单', value: null, display: PENDING, pending: true as const },
      { questionId: 'cap.erp', label: '企业资源计划（ERP）', value: null, display: '已跳过' },
    ];
    expect(reviewSummary(items)).toBe('已回答 1 题，待确认 2 题，跳过 1 题（可点“修改”补答）');
    expect(reviewSummary(items.slice(0, 3))).toBe('已回答 1 题，待确认 2 题（可点“修改”补答）');
    expect(reviewSummary(items.slice(0, 1))).toBe('已回答 1 题');
    // Near miss: a plain skip is still a skip.
    expect(reviewSummary([items[0]!, items[3]!])).toBe('已回答 1 题，跳过 1 题（可点“修改”补答）');
    expect(reviewCount(items)).toBe('1');
    const el = await mount('zz-review-card', { items });
    expect(shadow(el).querySelector('.summary')!.textContent).toContain('已回答 1 题，待确认 2 题，跳过 1 题');
  });

  it('edits an answer in place with its own widget and reports the change as an edit', async () => {
    const el = await mount('zz-review-card', {
      items: [{ questionId: 'cap.mes', label: '制造执行系统（MES）', value: true, display: '有' }],
      questions: new Map([['cap.mes', { id: 'cap.mes', text: '是否应用MES？', kind: 'yesNoPartial' as const, phase: 'elements' as const }]]),
    });
    buttons(el).find((b) => b.textContent!.includes('修改'))!.click();
    await el.updateComplete;
    const widget = shadow(el).querySelector('zz-question')!;
    await widget.updateComplete;
    const got: unknown[] = [];
    el.addEventListener('zz-edit', (e) => got.push(e.detail));
    [...widget.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === '没有')!.click();
    expect(got).toEqual([{ questionId: 'cap.mes', value: false, display: '没有', label: '制造执行系统（MES）' }]);
  });
});
