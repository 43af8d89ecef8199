import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { dateReference } from '../../server/forms/document-form';
import { chinaDay } from '../../server/understand';
import type { Answers } from '../../server/schemas/interview';
import { zipEntry } from '../fixtures/zip';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';

/*
 * Free text typed into the form's cells goes through the same document-form step as a reply kept from the chat: a
 * relative date (去年, 明年, 年底) is dated from the session's day, as the chat dates one said at a date field, and from
 * the year the enterprise applies in (the 2023 notice's form) for a session with no day of its own, never from the
 * server's clock; one that needs a month the session cannot give is asked for. A system being built is stated
 * once as being built, its go-live date as the enterprise's plan.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };

/** A discrete factory whose history, marketing and cells are typed with relative dates, as applicants type them. */
const FACTORY: Answers = {
  ...ELIGIBLE_NO_PRIORITY,
  'ent.industryCode': 'C3443',
  'cat.scope': 'factory',
  'cat.productionMode': 'discrete',
  ...caps({ factoryNetwork: true, scada: true, erp: true, wms: true, pdm: false }),
  'cap.mes': 'building',
  'detail.cap.mes': 'MES在建，年底上线',
  'form.proceed': true,
  'form.name': '新乡市恒泰阀门有限公司',
  'form.workshopCount': 1,
  'form.history': '去年完成了股份制改造，明年计划扩产',
  'form.marketing': '去年出口额3000万元',
  'form.advantages': '前年通过了ISO9001认证，今年上半年新增两条产线',
  'form.cell.mgmt': 'ERP用了三年了，大前年开始实行精益管理',
  'form.cell.ws.logistics.1': '上个月新增了四台AGV',
};

/** The exported DOCX's text, every run joined. */
function docxText(buf: Buffer): string {
  const xml = zipEntry(buf, 'word/document.xml').toString('utf8');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

let b: Built;
beforeAll(async () => {
  b = await build();
});
afterAll(async () => {
  await b.close();
});

describe('relative dates typed in the form\'s free-text cells, over the session\'s export', () => {
  async function exported() {
    const r = await b.app.inject({ method: 'POST', url: '/api/sessions' });
    const { sessionId, token } = r.json();
    await b.app.store.setAnswers(sessionId, FACTORY);
    const auth = { authorization: `Bearer ${token}` };
    const docx = await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/export.docx?category=discreteFactory`, headers: auth });
    expect(docx.statusCode).toBe(200);
    const list = (await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/drafts?category=discreteFactory`, headers: auth })).json();
    return { text: docxText(docx.rawPayload), drafts: (list.sections as { text: string }[]).map((s) => s.text).join('\n') };
  }

  it('prints each year counted from the session\'s day, in the DOCX and in the drafts the enterprise reviews first', async () => {
    const { text, drafts } = await exported();
    // The session opened within the test: its day is today's, as the chat would count 「去年十月」 said in it.
    const [y, m] = chinaDay(new Date()).split('-').map(Number) as [number, number];
    const lastMonth = m === 1 ? `${y - 1}年12月` : `${y}年${m - 1}月`;
    for (const shown of [text, drafts]) {
      expect(shown).toContain(`${y - 1}年完成了股份制改造，${y + 1}年计划扩产`);
      expect(shown).toContain(`公司${y - 1}年出口额3000万元`);
      expect(shown).toContain(`${y - 2}年通过了ISO9001认证，${y}年上半年新增两条产线`);
      expect(shown).toContain(`ERP于${y - 3}年投入使用，${y - 3}年开始实行精益管理`);
      // The session's day gives the month too, so 上个月 is dated, not asked for.
      expect(shown).toContain(`${lastMonth}新增了四台AGV`);
      expect(shown.replace(/〔[^〕]*〕/g, ''), 'no relative word is printed outside a request').not.toMatch(/去年|明年|前年|今年|上个月|用了三年了/);
    }
  });

  it('states a system being built once as being built, its go-live date as the enterprise\'s plan from the session\'s day', async () => {
    const { text } = await exported();
    const y = Number(chinaDay(new Date()).slice(0, 4));
    expect(text).toContain(`公司正在建设制造执行系统（MES），尚未投入使用。按公司计划，制造执行系统（MES）预计于${y}年底投入使用。`);
    expect(text, 'the status is never printed raw').not.toMatch(/MES在建|在建，/);
  });
});

describe('the date relative words count from', () => {
  it('is the session\'s date, as the chat counts a date said at a date field, else the form\'s year alone', () => {
    expect(dateReference(2023, '2023-06-20')).toBe('2023-06-20');
    expect(dateReference(2023, '2026-12-06'), 'a session held after the form\'s year counts from its own day').toBe('2026-12-06');
    expect(dateReference(2023, undefined)).toBe('2023');
    expect(dateReference(undefined, '2026-12-06'), 'a form without the yearly table keeps the session\'s date').toBe('2026-12-06');
  });

  const drafted = (answers: Answers, asOf?: string) => {
    const { profile } = sessionDraftProfile(data, ctx, answers, asOf);
    return Object.values(fillForm(ctx, profile, 'discreteFactory').drafts).map((d) => d.text).join('\n');
  };

  it.each([
    // As reported: the story's 前年 beside the chat's, in a session held after the form's year.
    ['公司前年上了MES', '公司2024年上线了MES'],
    // New phrasings of the same meaning.
    ['去年完成了股份制改造，大前年开始实行精益管理', '2025年完成了股份制改造，2023年开始实行精益管理'],
    ['今年上半年新增两条产线', '2026年上半年新增两条产线'],
  ])('「%s」 typed in a session held on 2026-12-07 prints 「%s」, as the chat counts the same words', (history, printed) => {
    const all = drafted({ ...FACTORY, 'form.history': history }, '2026-12-07');
    expect(all).toContain(printed);
    expect(all, 'never the year counted from the notice\'s').not.toMatch(/2021年上线了MES|2022年完成了股份制改造/u);
  });

  it('the flag on the story names the session\'s day it counted from, as the chat reads a date back', () => {
    const { profile } = sessionDraftProfile(data, ctx, FACTORY, '2026-12-07');
    const flags = fillForm(ctx, profile, 'discreteFactory').flags.map((f) => f.message);
    expect(flags).toContain(`${ctx.formDrafting.factLabels.history}中写的“去年完成了股份制改造”是相对时间，申报书按填写当天（2026年12月7日）推算，写作“2025年完成了股份制改造”；如不对，请改为具体年份或年月。`);
  });

  it('near miss: a session with no day of its own counts from the form\'s year', () => {
    expect(drafted({ ...FACTORY, 'form.history': '公司前年上了MES' })).toContain('公司2021年上线了MES');
  });

  it('dates a month word from a session held in the form\'s year', () => {
    const all = drafted({ ...FACTORY, 'form.history': '上个月完成了股份制改造，下半年计划扩产' }, '2023-06-20');
    expect(all).toContain('2023年5月完成了股份制改造，2023年下半年计划扩产');
    expect(drafted(FACTORY, '2023-06-20')).toContain('2023年5月新增了四台AGV');
  });

  it('the form view\'s flag tells the enterprise what the 申报书 prints, or asks for the date it cannot give', () => {
    const { profile } = sessionDraftProfile(data, ctx, FACTORY);
    const flags = fillForm(ctx, profile, 'discreteFactory').flags.filter((f) => f.message.includes('相对时间')).map((f) => f.message);
    expect(flags.some((m) => m.includes('“去年完成了股份制改造”') && m.includes('按申报年度（2023年）推算，写作“2022年完成了股份制改造”'))).toBe(true);
    expect(flags.some((m) => m.includes('“上个月新增了四台AGV”') && m.includes('请改为具体年份或年月') && !m.includes('写作'))).toBe(true);
  });

  it('near misses keep their words: a year\'s own 年底, 每年年初, a span ahead, 近年来', () => {
    const own = '2021年底完成ERP升级，每年年初制定设备维护计划，三年内完成全部产线改造，近年来出口持续增长';
    expect(drafted({ ...FACTORY, 'form.history': own }, '2023-06-20')).toContain(own);
  });
});

describe('a system being built, in the enterprise\'s words', () => {
  const draftOf = (detail: string, asOf = '2023-06-20') => {
    const { profile } = sessionDraftProfile(data, ctx, { ...FACTORY, 'detail.cap.mes': detail }, asOf);
    return fillForm(ctx, profile, 'discreteFactory').drafts['detail.elements']!.text;
  };
  const STATUS = '公司正在建设制造执行系统（MES），尚未投入使用。';

  for (const [said, plan] of [
    ['MES在调试，预计明年三月上线', '2024年3月'],
    ['制造执行系统正在实施，计划2024年6月投用', '2024年6月'],
    ['MES还没上线，争取下半年投入使用', '2023年下半年'],
    ['在建设中，2024年底前完成', '2024年底'],
  ] as const)
    it(`「${said}」 is the status once and the plan for ${plan}`, () => {
      const text = draftOf(said);
      expect(text).toContain(`${STATUS}按公司计划，制造执行系统（MES）预计于${plan}投入使用。`);
      expect(text.split(STATUS).length - 1, 'the status is stated once in 三').toBe(1);
    });

  it('keeps what else the enterprise said of it, and states the status alone when it gave no date', () => {
    const text = draftOf('MES在建，已完成需求调研');
    expect(text).toContain('制造执行系统（MES）：已完成需求调研。');
    expect(text).toContain(STATUS);
    expect(text).not.toContain('按公司计划');
    expect(draftOf('MES正在建设')).toContain(STATUS);
  });

  it('near miss: a system in use keeps its own dated words and is never said to be planned', () => {
    const { profile } = sessionDraftProfile(data, ctx, { ...FACTORY, 'cap.mes': true, 'detail.cap.mes': 'MES于2021年底上线，覆盖两个车间' }, '2023-06-20');
    const text = fillForm(ctx, profile, 'discreteFactory').drafts['detail.elements']!.text;
    expect(text).toContain('MES于2021年底上线，覆盖两个车间');
    expect(text).not.toMatch(/正在建设制造执行系统|按公司计划/);
  });
});
