import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { evaluate } from '../../server/engine';
import { completeFixtures, sparse } from './fixtures';
import { zipEntry } from '../fixtures/zip';
import { factLabels } from '../../server/forms/session';

let b: Built;
beforeAll(async () => {
  b = await build();
});
afterAll(async () => {
  await b.close();
});

describe('form routes', () => {
  it('lists the section ids of a form, including the two 400字 sections', async () => {
    const r = await b.app.inject({ method: 'GET', url: '/api/forms/discreteFactory' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.attachment).toBe('附件2');
    const ids = body.sections.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['enterpriseIntro', 'constructionSummary', 'overview.tech', 'detail.elements', 'ws.dispatch']));
    expect(body.sections.find((s: { id: string }) => s.id === 'enterpriseIntro').target).toMatchObject({ min: 360, max: 440 });
  });

  it('answers 400 naming the field for an unknown category', async () => {
    const r = await b.app.inject({ method: 'GET', url: '/api/forms/bakery' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('params.category');
  });

  it('gives the materials checklist with a clause for every item', async () => {
    const r = await b.app.inject({ method: 'GET', url: '/api/forms/smartWorkshop/checklist' });
    const items = r.json().items as { id: string; clause: string; where?: string }[];
    expect(items.map((i) => i.id)).toEqual(['licence', 'audit', 'diagnosis', 'photos', 'screenshots', 'video', 'signatures', 'pdf']);
    expect(items.every((i) => i.clause.length > 0)).toBe(true);
    expect(items.find((i) => i.id === 'diagnosis')!.where).toContain('https://www.dlttx.com/zhenduan');
    const f = await b.app.inject({ method: 'GET', url: '/api/forms/processFactory/checklist' });
    expect(f.json().items.find((i: { id: string }) => i.id === 'patents').clause).toBe('附件3.四(三)');
  });

  it('drafts 企业简介 from a profile with its length, target, numbers and sources', async () => {
    const r = await b.app.inject({ method: 'POST', url: '/api/draft', payload: { profile: completeFixtures.discreteFactory, category: 'discreteFactory', section: 'enterpriseIntro' } });
    expect(r.statusCode).toBe(200);
    const d = r.json();
    expect(d.length).toBeGreaterThanOrEqual(360);
    expect(d.length).toBeLessThanOrEqual(440);
    expect(d.target).toMatchObject({ text: '400字左右', min: 360, max: 440 });
    expect(d.missingFacts).toEqual([]);
    expect(d.numbers).toEqual(expect.arrayContaining([{ value: '12000', source: 'form.registeredCapital' }]));
  });

  it('drafts a workshop cell for the second workshop', async () => {
    const r = await b.app.inject({ method: 'POST', url: '/api/draft', payload: { profile: completeFixtures.discreteFactory, category: 'discreteFactory', section: 'ws.equipment@2' } });
    expect(r.statusCode).toBe(200);
    expect(r.json().text).toContain('机加工车间现有设备60台（套）');
  });

  it('returns placeholders and missingFacts for a sparse profile', async () => {
    const r = await b.app.inject({ method: 'POST', url: '/api/draft', payload: { profile: sparse, category: 'smartWorkshop', section: 'constructionSummary' } });
    const d = r.json();
    expect(d.text).toContain('〔请补充：');
    expect(d.missingFacts).toEqual(expect.arrayContaining(['建设开始日期', '软硬件投资（万元）']));
  });

  it('rejects bad drafting input with a 400 that names the field', async () => {
    const bad = [
      [{ profile: sparse, category: 'discreteFactory', section: 'nope' }, 'body.section'],
      [{ profile: sparse, category: 'discreteFactory', section: 'enterpriseIntro@2' }, 'body.section'],
      [{ profile: { form: { registeredCapital: -1 } }, category: 'discreteFactory', section: 'enterpriseIntro' }, 'body.profile.form.registeredCapital'],
      [{ profile: sparse, category: 'x', section: 'enterpriseIntro' }, 'body.category'],
    ] as const;
    for (const [payload, field] of bad) {
      const r = await b.app.inject({ method: 'POST', url: '/api/draft', payload });
      expect(r.statusCode, field).toBe(400);
      expect(r.json().error.message).toContain(field);
    }
  });

  it('exports a DOCX from a posted profile', async () => {
    const r = await b.app.inject({ method: 'POST', url: '/api/export/docx', payload: { profile: completeFixtures.processFactory, category: 'processFactory' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps the draft shape and adds the sentences with their facts', async () => {
    const r = await b.app.inject({ method: 'POST', url: '/api/draft', payload: { profile: completeFixtures.discreteFactory, category: 'discreteFactory', section: 'enterpriseIntro' } });
    const d = r.json();
    for (const k of ['text', 'length', 'target', 'missingFacts', 'numbers']) expect(d, k).toHaveProperty(k);
    expect(d.sentences.length).toBeGreaterThan(5);
    expect(d.sentences.map((s: { text: string }) => s.text).join('')).toBe(d.text.replace(/\n/g, ''));
    expect(d.sentences.find((s: { text: string }) => s.text.includes('12000')).facts).toContain('form.registeredCapital');
  });

  it('names the exported file after the form (from knowledge) and the company, in RFC 5987 filename*', async () => {
    const profile = { ...completeFixtures.discreteFactory, form: { ...completeFixtures.discreteFactory.form, name: '洛阳某某公司' } };
    const r = await b.app.inject({ method: 'POST', url: '/api/export/docx', payload: { profile, category: 'discreteFactory' } });
    const cd = r.headers['content-disposition'] as string;
    const spec = b.app.kb.data.forms.discreteFactory!;
    const want = `${spec.title}${spec.subtitle}-洛阳某某公司.docx`;
    expect(want).toBe('2023年度河南省智能工厂申报书（离散型）-洛阳某某公司.docx');
    const star = /filename\*=UTF-8''([^;]+)/.exec(cd)![1]!;
    expect(star).not.toMatch(/[()'*]/);
    expect(decodeURIComponent(star)).toBe(want);
    expect(cd).toMatch(/filename="[ -~]+"/);
  });

  it('offers PDF only where LibreOffice is installed, and otherwise says how to make one', async () => {
    const f = (await b.app.inject({ method: 'GET', url: '/api/export/formats' })).json();
    const r = await b.app.inject({ method: 'POST', url: '/api/export/pdf', payload: { profile: sparse, category: 'smartWorkshop' } });
    if (f.pdf) {
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(r.headers['content-disposition'] as string)![1]!)).toBe('2023年度河南省智能车间申报书-新乡某机械有限公司.pdf');
    } else {
      expect(r.statusCode).toBe(501);
      expect(r.json().error.message).toContain('另存为 PDF');
      expect(f.pdfHowTo).toContain('另存为 PDF');
    }
    // LibreOffice's first conversion starts its profile, which takes most of a minute on a busy two-core machine.
  }, 120_000);
});

describe('session drafts', () => {
  async function session() {
    const r = await b.app.inject({ method: 'POST', url: '/api/sessions' });
    const { sessionId, token } = r.json();
    await b.app.store.setAnswers(sessionId, { 'form.name': '郑州示例机械有限公司', 'form.registeredCapital': 5000, 'form.foundedOn': '2012-06-01' });
    return { sessionId, auth: { authorization: `Bearer ${token}` } };
  }

  it('needs the session token: missing or wrong token is 404', async () => {
    const { sessionId } = await session();
    expect((await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/drafts?category=discreteFactory` })).statusCode).toBe(404);
    expect((await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/export.docx?category=discreteFactory`, headers: { authorization: 'Bearer nope' } })).statusCode).toBe(404);
  });

  it('drafts from the session answers and keeps an edit against regeneration unless overwrite is asked', async () => {
    const { sessionId, auth } = await session();
    const list = await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/drafts?category=discreteFactory`, headers: auth });
    expect(list.statusCode).toBe(200);
    const intro = list.json().sections.find((s: { section: string }) => s.section === 'enterpriseIntro');
    expect(intro.text).toContain('郑州示例机械有限公司成立于2012年6月1日');
    expect(list.json().sections.map((s: { section: string }) => s.section)).toContain('ws.infra@1');

    const put = await b.app.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/drafts/enterpriseIntro`, headers: auth, payload: { text: '我们自己改写的简介。', category: 'discreteFactory' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ edited: true, length: 10 });

    const again = await b.app.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/drafts/enterpriseIntro`, headers: auth, payload: { regenerate: true, category: 'discreteFactory' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.existing).toBe('我们自己改写的简介。');

    const listed = await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/drafts?category=discreteFactory`, headers: auth });
    expect(listed.json().sections.find((s: { section: string }) => s.section === 'enterpriseIntro')).toMatchObject({ text: '我们自己改写的简介。', edited: true });

    const forced = await b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/drafts/enterpriseIntro/regenerate`, headers: auth, payload: { overwrite: true, category: 'discreteFactory' } });
    expect(forced.statusCode).toBe(200);
    expect(forced.json().text).toContain('郑州示例机械有限公司');
    const after = await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/drafts?category=discreteFactory`, headers: auth });
    expect(after.json().sections.find((s: { section: string }) => s.section === 'enterpriseIntro').edited).toBe(false);
  });

  it('names the facts each drafted sentence rests on, from the knowledge, so the page never shows an id', async () => {
    const { sessionId, auth } = await session();
    const list = (await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/drafts?category=discreteFactory`, headers: auth })).json();
    const ids = [...new Set<string>(list.sections.flatMap((s: { generated?: { sentences?: { facts: string[] }[] } }) => s.generated?.sentences ?? []).flatMap((x: { facts: string[] }) => x.facts))];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(list.factLabels[id], id).toMatch(/^[^.:]*[\u4e00-\u9fff][^.:]*$/);
    expect(list.factLabels['form.name']).toBe(b.app.kb.data.formDrafting.factLabels.name);

    // Facts of the interview, a workshop's own and computed ones are named the same way.
    const data = b.app.kb.data;
    const sentence = (facts: string[]) => ({ generated: { sentences: [{ facts }] } });
    const named = factLabels(data, [sentence(['capabilities.mes', 'metrics.automationRatio']), sentence(['form.workshops.0.name', 'computed:indicators.productivity', 'edit:enterpriseIntro'])]);
    expect(named).toEqual({
      'capabilities.mes': data.capabilities.capabilities.find((c) => c.id === 'mes')!.label,
      'metrics.automationRatio': data.interview.questions.find((q) => q.sets === 'metrics.automationRatio')!.label,
      'form.workshops.0.name': data.formDrafting.factLabels['workshops.name'],
      'computed:indicators.productivity': data.formDrafting.factLabels['indicators.productivity'],
    });
  });

  it('the list says at its top when the answers rule the enterprise out (二(一)), and null otherwise; the signed DOCX does not print it', async () => {
    const { sessionId, auth } = await session();
    const ok = await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/drafts?category=smartWorkshop`, headers: auth });
    expect(ok.json().ineligible).toBeNull();
    await b.app.store.setAnswers(sessionId, { ...(await b.app.store.getAnswers(sessionId)), 'ent.independentLegalPerson': false });
    const list = await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/drafts?category=smartWorkshop`, headers: auth });
    const line = list.json().ineligible as string;
    expect(line).toContain('二(一)');
    expect(line).toContain(b.app.kb.data.categoryRules.hard.notIndependent.reason);
    const docx = await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/export.docx?category=smartWorkshop`, headers: auth });
    const xml = (await zipEntry(docx.rawPayload, 'word/document.xml')).toString('utf8');
    // The app says it; the form the applicant signs carries the form's own text only.
    expect(docx.statusCode).toBe(200);
    expect(xml).not.toContain(line);
    expect(xml).not.toContain('二(一)');
  });

  it('exports the session DOCX with the token', async () => {
    const { sessionId, auth } = await session();
    const r = await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/export.docx?category=smartWorkshop`, headers: auth });
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('drafts for the category the assessment recommends when none is given, or asks for one', async () => {
    const { sessionId, auth } = await session();
    const answers = await b.app.store.getAnswers(sessionId);
    const recommended = evaluate(b.app.kb.data, answers).assessment.category.recommended;
    const r = await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/drafts`, headers: auth });
    if (recommended) expect(r.json().category).toBe(recommended);
    else {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.message).toContain('category');
    }
  });
});
