import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { fillForm, signedForm } from '../../server/forms/fill';
import { renderDocx } from '../../server/export/docx';
import { formView, interpretForm, sameAsEarlier } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';
import type { Answers } from '../../server/schemas/interview';
import type { Category } from '../../server/schemas/profile';
import { DraftProfile, STALE_EXPORT_HEADER } from '../../server/schemas/forms';
import { completeFixtures as inputs } from './fixtures';
import { zipEntry } from '../fixtures/zip';
import { build, type Built } from '../helper';

/*
 * Replies typed at a field that are not its value (another field named, a question about the field, a pointer at an
 * earlier answer, the field's own label restated), and what the draft and the DOCX make of the facts: a system the
 * enterprise has not got, a sentence two templates share, the numbering of 四, and edited sections gone stale.
 * The phrasings are this file's own, apart from the answer base's and the typed rounds'.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
/** The complete fixtures as the drafting reads them, defaults filled. */
const completeFixtures = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, DraftProfile.parse(v)])) as Record<Category, DraftProfile>;
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const read = (id: string, text: string, category: Category = 'discreteFactory') => interpretForm(ctx, text, formView(ctx, id, category));
const items = (id: string, text: string) => {
  const r = read(id, text);
  return r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value]) : r;
};

describe('a reply naming another field than the one asked', () => {
  const named: [string, string, string, unknown][] = [
    ['form.finance.2022.profit', '2022年总资产补一下，是3.2亿', 'form.finance.2022.totalAssets', 32000],
    ['form.address', '对了法人电话是13837112345', 'form.leader.phone', '13837112345'],
    ['form.address', '哦对了，负责人电话0371-65432100', 'form.leader.phone', '0371-65432100'],
    ['form.capitalNature', '忘了说了 注册资本是2600万', 'form.registeredCapital', 2600],
    ['form.contact.title', '补充一下，法定代表人是郭振华', 'form.leader.name', '郭振华'],
    ['form.employees', '顺便说一下 2021年营业收入8600万', 'form.finance.2021.revenue', 8600],
  ];
  for (const [asked, text, id, value] of named)
    it(`「${text}」 at ${asked} goes to ${id}, and the asked field stays unanswered`, () => {
      const r = read(asked, text);
      expect(r.kind).toBe('answers');
      if (r.kind !== 'answers') return;
      expect(r.items).toEqual([expect.objectContaining({ questionId: id, value })]);
      // Marked as said in passing, so the chat records it and asks the waiting question again.
      expect(r.items[0]!.extra).toBe(true);
    });

  // Near misses: replies that name no other field are the asked field's, afterthought words or not.
  it('a reply naming no field goes to the asked one, an afterthought lead dropped', () => {
    expect(items('form.address', '郑州市高新区电厂路88号')).toEqual([['form.address', '郑州市高新区电厂路88号']]);
    expect(items('form.capitalNature', '对了，是民营')).toEqual([['form.capitalNature', '民营']]);
    expect(items('form.finance.2022.profit', '1350万')).toEqual([['form.finance.2022.profit', 1350]]);
    expect(items('form.leader.name', '郭振华')).toEqual([['form.leader.name', '郭振华']]);
    // A street that holds 电话's characters names no field.
    expect(items('form.address', '洛阳市涧西区电话局路6号')).toEqual([['form.address', '洛阳市涧西区电话局路6号']]);
  });
});

describe('a question about the field asked', () => {
  const asked: [string, string, string][] = [
    ['form.capitalNature', '啥叫资本性质', '所有制性质'],
    ['form.capitalNature', '资本性质是什么意思？', '所有制性质'],
    ['form.capitalNature', '这个怎么填', '所有制性质'],
    ['form.registeredCapital', '注册资本指的是啥', '营业执照上登记的注册资本'],
    ['form.creditCode', '这一栏填啥', '18位统一社会信用代码'],
    ['form.patents.total', '有效专利是啥意思', '有效专利总数'],
  ];
  for (const [id, text, means] of asked)
    it(`「${text}」 at ${id} is answered from the field's knowledge and never stored`, () => {
      const r = read(id, text);
      expect(r).toMatchObject({ kind: 'unclear', reason: 'fieldHelp' });
      if (r.kind !== 'unclear') return;
      expect(r.choices?.[0]).toContain(means);
    });

  it('the 资本性质 answer lists the names the form takes, from the field\'s named choices', () => {
    const r = read('form.capitalNature', '啥叫资本性质');
    const names = data.formQuestions.questions.find((q) => q.id === 'form.capitalNature')!.named!.map((n) => n.name);
    expect(r.kind === 'unclear' && r.choices?.[0]).toContain(names.join('、'));
  });

  it('typed into the form view\'s box, the question is answered and nothing is saved', () => {
    const r = checkFormValue(ctx, {}, 'discreteFactory', 'form.capitalNature', '资本性质是啥意思');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('所有制性质');
  });

  // Near misses: an answer, another question, and a narrative that only uses the words.
  it('an answer, a question about something else and a long narrative are not taken for it', () => {
    expect(items('form.capitalNature', '民营企业')).toEqual([['form.capitalNature', '民营']]);
    expect(read('form.capitalNature', '两化融合是啥意思')).toEqual({ kind: 'question' });
    const long = '我们的优势是什么呢，主要是拥有省级企业技术中心和三十多项专利，产品在华中地区市场占有率第一';
    expect(items('form.advantages', long)).toEqual([['form.advantages', long]]);
  });
});

describe('a reply pointing at an earlier answer', () => {
  const answers: Answers = { 'form.address': '新乡市红旗区新二街18号', 'form.contact.phone': '0373-3056789' };
  for (const text of ['同单位地址', '同公司地址', '跟企业地址一样', '同注册地址'])
    it(`「${text}」 at the project address copies the enterprise address`, () => {
      expect(sameAsEarlier(ctx, answers, 'form.project.address', text)).toEqual({ kind: 'answers', items: [{ questionId: 'form.project.address', value: '新乡市红旗区新二街18号' }] });
    });

  it('before the address is given it is asked back in the chat and refused in the form view, never stored as the words', () => {
    expect(sameAsEarlier(ctx, {}, 'form.project.address', '同单位地址')).toBeUndefined();
    expect(read('form.project.address', '同单位地址')).toMatchObject({ kind: 'unclear', reason: 'bare' });
    const box = checkFormValue(ctx, {}, 'discreteFactory', 'form.project.address', '同公司地址');
    expect(box.ok).toBe(false);
  });

  // Near misses: an address on a street whose name starts with 同 or 与 is an address.
  it('an address whose street starts with 同 or 和 is stored as typed', () => {
    expect(sameAsEarlier(ctx, answers, 'form.project.address', '同乐街16号')).toBeUndefined();
    expect(items('form.project.address', '同乐街16号')).toEqual([['form.project.address', '同乐街16号']]);
    expect(items('form.project.address', '和平路南段9号')).toEqual([['form.project.address', '和平路南段9号']]);
  });
});

describe('a reply restating the field\'s label first', () => {
  it('the label is not the value: no workshop number read as the figure, no label printed in the narrative', () => {
    expect(read('form.ws.1.networkedEquipment', '车间1其中联网的设备120台')).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.ws.1.networkedEquipment', value: 120 }] });
    expect(items('form.history', '发展历程：2006年成立，2015年扩建二期厂房')).toEqual([['form.history', '2006年成立，2015年扩建二期厂房']]);
    expect(items('form.business', '主营业务：精密轴承的研发和生产')).toEqual([['form.business', '精密轴承的研发和生产']]);
    expect(items('form.marketing', '市场营销情况：产品销往华东、华南')).toEqual([['form.marketing', '产品销往华东、华南']]);
  });

  // Near misses: words before a colon that are not the label's, and a figure with no label.
  it('a reply whose opening words are not the label keeps them', () => {
    expect(items('form.business', '产品：精密轴承')).toEqual([['form.business', '产品：精密轴承']]);
    expect(items('form.history', '2015年：扩建二期厂房')).toEqual([['form.history', '2015年：扩建二期厂房']]);
    expect(read('form.ws.1.networkedEquipment', '联网的有96台')).toMatchObject({ kind: 'answers', items: [{ value: 96 }] });
  });
});

/** The DOCX's body text, every run joined. */
async function docxText(category: Category): Promise<string> {
  const buf = await renderDocx(signedForm(ctx, fillForm(ctx, completeFixtures[category], category)));
  const xml = zipEntry(buf, 'word/document.xml').toString('utf8');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

describe('the numbering of the exported form', () => {
  for (const category of ['smartWorkshop', 'discreteFactory', 'processFactory'] as const)
    it(`${category}: 四's items are numbered （一）… as the notice prints them, the last closed with 。`, async () => {
      const text = await docxText(category);
      const four = text.slice(text.lastIndexOf('四、相关附件'));
      expect(four).toContain('（一）企业法人营业执照复印件；');
      expect(four).not.toMatch(/\([一二三四五六七八九十]+\)/u);
      expect(four.trim()).toMatch(/。$/u);
      // Nowhere else in the form does a half-width list number appear.
      expect(text).not.toMatch(/\([一二三四五六七八九十]+\)/u);
    });
});

describe('an export with edited sections gone stale', () => {
  let b: Built;
  beforeAll(async () => {
    b = await build();
  });
  afterAll(async () => {
    await b.close();
  });

  async function session(answers: Answers) {
    const r = await b.app.inject({ method: 'POST', url: '/api/sessions' });
    const { sessionId, token } = r.json();
    await b.app.store.setAnswers(sessionId, answers);
    return { sessionId, auth: { authorization: `Bearer ${token}` } };
  }
  const base: Answers = { 'form.name': '平顶山示例阀门有限公司', 'form.foundedOn': '2011-03-08' };
  const url = (id: string, f = 'docx') => `/api/sessions/${id}/export.${f}?category=discreteFactory`;
  const staleOf = (h: unknown) => (typeof h === 'string' ? JSON.parse(decodeURIComponent(h)) : null);

  it('names each edited section the file prints that asks for facts given since, outside the document', async () => {
    const { sessionId, auth } = await session(base);
    const drafts = (await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/drafts?category=discreteFactory`, headers: auth })).json();
    const intro = drafts.sections.find((s: { section: string }) => s.section === 'enterpriseIntro');
    expect(intro.text).toContain('〔请补充：单位地址〕');
    await b.app.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/drafts/enterpriseIntro`, headers: auth, payload: { text: `${intro.text}我们自己补了一句。`, category: 'discreteFactory' } });
    // Before the fact is given, the edit is not behind anything.
    expect((await b.app.inject({ method: 'GET', url: url(sessionId), headers: auth })).headers[STALE_EXPORT_HEADER]).toBeUndefined();
    await b.app.store.setAnswers(sessionId, { ...base, 'form.address': '平顶山市新华区光明路12号' });
    const r = await b.app.inject({ method: 'GET', url: url(sessionId), headers: auth });
    expect(r.statusCode).toBe(200);
    const stale = staleOf(r.headers[STALE_EXPORT_HEADER]);
    expect(stale.sections).toEqual([{ section: 'enterpriseIntro', title: '企业简介', labels: ['单位地址'] }]);
    expect(stale.warning).toContain('“企业简介”（“单位地址”）');
    // The signed document carries the edit as saved and no note of the system's.
    const xml = zipEntry(r.rawPayload, 'word/document.xml').toString('utf8');
    expect(xml).toContain('我们自己补了一句。');
    expect(xml).not.toContain('可能已过时');
  });

  // Near misses: an edit whose requests are still open, and no edit at all, export with no warning.
  it('an edit still asking for facts not given, and a form with no edits, export with no warning', async () => {
    const fresh = await session({ ...base, 'form.address': '平顶山市新华区光明路12号' });
    expect((await b.app.inject({ method: 'GET', url: url(fresh.sessionId), headers: fresh.auth })).headers[STALE_EXPORT_HEADER]).toBeUndefined();
    const edited = await session(base);
    await b.app.inject({ method: 'PUT', url: `/api/sessions/${edited.sessionId}/drafts/enterpriseIntro`, headers: edited.auth, payload: { text: '本公司自己写的简介，位于〔请补充：单位地址〕。', category: 'discreteFactory' } });
    await b.app.store.setAnswers(edited.sessionId, { ...base, 'form.employees': 300 });
    expect((await b.app.inject({ method: 'GET', url: url(edited.sessionId), headers: edited.auth })).headers[STALE_EXPORT_HEADER]).toBeUndefined();
  });
});
