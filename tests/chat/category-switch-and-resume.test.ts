import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { answerFor, discreteFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { lastQuestion, recordedIds, said, steer, turn, typed } from './steer';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { formView, interpretForm, resumesForm } from '../../server/forms/phase';
import { categoryRequest, type CategoryFit } from '../../server/engine/category-request';
import { phrases } from '../../server/chat/phrases';
import type { ServerMessage } from '../../server/schemas/ws';
import type { QuestionView } from '../../server/schemas/interview';

/*
 * A workshop applicant (a discrete valve maker) changes its mind about the category, puts the form off and takes it up
 * again, edits 申报方向 in 我的回答, and skips a whole part of the form: each over the chat socket, as the page does it.
 */
const srv = serveForFile();
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx = { ...data, templates: loadTemplates(), engine: data };
const recordedValue = (msgs: ServerMessage[], id: string) => msgs.flatMap((m) => (m.type === 'recorded' ? m.items : [])).find((i) => i.questionId === id)?.value;

describe('reading a request about the category applied for', () => {
  it('reads a switch and a question of fit in phrasings of its own, with the production mode when named', () => {
    expect(categoryRequest(data, '我们想把申报方向换成智能工厂')).toMatchObject({ kind: 'switch', answers: [{ questionId: 'cat.scope', value: 'factory' }] });
    expect(categoryRequest(data, '算了，还是报智能车间吧')).toMatchObject({ kind: 'switch', answers: [{ questionId: 'cat.scope', value: 'workshop' }] });
    // Back to the category chosen before.
    expect(categoryRequest(data, '还是改回智能工厂')).toMatchObject({ kind: 'switch', answers: [{ questionId: 'cat.scope', value: 'factory' }] });
    expect(categoryRequest(data, '那就换回车间吧')).toMatchObject({ kind: 'switch', answers: [{ questionId: 'cat.scope', value: 'workshop' }] });
    expect(categoryRequest(data, '改回智能工厂行不行')?.kind).not.toBe('switch');
    expect(categoryRequest(data, '设备改回原来的')).toBeUndefined();
    expect(categoryRequest(data, '改为申报流程型智能工厂')).toMatchObject({ kind: 'switch', answers: [{ value: 'factory' }, { questionId: 'cat.productionMode', value: 'process' }] });
    expect(categoryRequest(data, '如果我们报智能工厂，还差哪些？')).toMatchObject({ kind: 'fit' });
    expect(categoryRequest(data, '假如改成智能工厂，有没有戏')).toMatchObject({ kind: 'fit' });
  });

  it('reads a question whether to switch as asking, and only a plain instruction as a switch', () => {
    for (const text of ['换成智能车间会不会好一点', '要不要改报智能工厂', '改报智能车间稳不稳？', '我们改成流程型智能工厂怎么样', '那我们能不能改报智能工厂', '换成车间是不是好点', '还是报智能车间吧？'])
      expect(categoryRequest(data, text)?.kind, text).toBe('ask');
    for (const text of ['就报智能车间吧', '那就改报智能车间', '帮我把方向换成智能工厂', '换成车间', '改报工厂吧', '我们就报车间'])
      expect(categoryRequest(data, text)?.kind, text).toBe('switch');
    // 车间/工厂 alone name a scope only where the change ends its clause: here they are a workshop or plant spoken of.
    for (const text of ['设备换成工厂统一采购的', '就报这一个车间', '我们就报车间里那条线', '那么设备改成车间自己管'])
      expect(categoryRequest(data, text), text).toBeUndefined();
  });

  it('leaves alone what only names a category: a question about the notice, a title held, a hypothetical without a question', () => {
    // Each of these must keep going the way it went before: to the notice's answers or to the interview's reading.
    for (const text of ['智能车间和智能工厂有什么区别', '获得过智能工厂称号的还能改报智能车间吗', '改报材料怎么提交', '申报材料改成PDF可以吗', '如果改报智能工厂', '我们车间的设备改成了数控的'])
      expect(categoryRequest(data, text), text).toBeUndefined();
  });
});

describe('saying which category fits better', () => {
  const cond = (clause: string) => ({ clause, title: `要素${clause}`, status: 'unknown' }) as unknown as CategoryFit['met'][number];
  const fit = (category: CategoryFit['category'], gaps: number, unknown: number, met: number): CategoryFit => ({
    category,
    total: gaps + unknown + met,
    met: Array.from({ length: met }, (_, i) => cond(`m${i}`)),
    gaps: Array.from({ length: gaps }, (_, i) => cond(`g${i}`)),
    unknown: Array.from({ length: unknown }, (_, i) => cond(`u${i}`)),
    blocking: [],
  });
  const label = (c: string) => (c === 'smartWorkshop' ? '智能车间' : '流程型智能工厂');
  it('says 更合适 only where the unanswered elements cannot change it, else how many are unanswered', () => {
    // The workshop with 4 of 7 unanswered against a factory with 4 unmet: unanswered, they could all be unmet too.
    let text = phrases.categoryFit(fit('smartWorkshop', 0, 4, 3), fit('processFactory', 4, 0, 6), label);
    expect(text).not.toContain('更合适');
    expect(text).toContain('两类合计还有 4 项要素条件尚未回答');
    // Answered: 1 unmet against 4 unmet, the workshop fits better.
    text = phrases.categoryFit(fit('smartWorkshop', 1, 0, 6), fit('processFactory', 4, 0, 6), label);
    expect(text).toContain('按要素条件，智能车间更合适。');
    // 1 unmet and 2 unanswered still leave it fewer failing than 4 unmet whatever the answers.
    expect(phrases.categoryFit(fit('smartWorkshop', 1, 2, 4), fit('processFactory', 4, 0, 6), label)).toContain('智能车间更合适');
    // Near miss: 1 unmet and 3 unanswered could tie 4: not said.
    expect(phrases.categoryFit(fit('smartWorkshop', 1, 3, 3), fit('processFactory', 4, 0, 6), label)).not.toContain('更合适');
  });
});

describe('switching the category in the interview', () => {
  it('records a request to switch with what it replaced, answers 够不够格 from the assessment, and compares the verdict', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.proceed');
    // Asked as a question, the switch is answered with the comparison and asked back: nothing changes without a plain say.
    let r = await typed(s.client, 'c-0', '那我们能不能改报智能工厂？');
    expect(recordedIds(r.msgs)).toEqual([]);
    const asked = said(r.msgs).join('');
    expect(asked).toContain('申报方向目前是智能车间，没有改动。要改报离散型智能工厂吗？');
    // The factory's own elements are not answered yet: which fits better is not said, how many are open is.
    expect(asked).not.toContain('更合适。');
    expect(asked).toMatch(/两类合计还有 \d+ 项要素条件尚未回答/);
    expect(r.next?.id).toBe('form.proceed');
    r = await typed(s.client, 'c-1', '那就改报智能工厂');
    expect(recordedValue(r.msgs, 'cat.scope')).toBe('factory');
    expect(said(r.msgs).join('')).toContain('已将申报方向由智能车间改为离散型智能工厂');
    // The factory's own elements are asked next: the form waits until they are answered.
    expect(r.next?.id.startsWith('cap.')).toBe(true);

    // 够不够格 of the other category: the rules' own counts of it and of the category applied for, nothing recorded.
    r = await typed(s.client, 'c-2', '要是改报智能车间，我们够不够格？');
    expect(recordedIds(r.msgs)).toEqual([]);
    const fit = said(r.msgs).join('');
    expect(fit).toContain('智能车间的 7 项要素条件中已满足 7 项');
    expect(fit).toContain('作为对比，离散型智能工厂');
    expect(fit).toContain('如确定改报，请回复“改报智能车间”');
    expect(fit).not.toContain('《通知》没有直接回答');

    // Said again, the switch changes nothing and says so.
    r = await typed(s.client, 'c-3', '申报方向改成离散型智能工厂');
    expect(recordedIds(r.msgs)).toEqual([]);
    expect(said(r.msgs).join('')).toContain('申报方向已经是离散型智能工厂');

    // The factory's elements answered no: the verdict keeps the choice but says the workshop fits better, gaps counted.
    let q = r.next;
    let verdict = '';
    for (let i = 0; q && q.id !== 'form.proceed' && i < 40; i++) {
      const msgs = await turn(s.client, { type: 'answer', clientId: `n-${i}`, questionId: q.id, value: q.kind === 'yesNoPartial' || q.kind === 'yesNo' ? false : null });
      verdict = said(msgs).find((t) => t.startsWith('评估结果')) ?? verdict;
      q = lastQuestion(msgs)?.question ?? null;
    }
    expect(verdict).toMatch(/^评估结果：按您选择的离散型智能工厂评估。按要素条件，智能车间更合适：离散型智能工厂有 [1-6] 项要素条件未满足，智能车间有 0 项/);
    expect(verdict).not.toContain('建议申报离散型智能工厂');
    await s.client.close();
  });

  it('leaves the category alone for a question about the categories or a title held', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.proceed');
    for (const [i, text] of ['智能车间和智能工厂有什么区别', '获得过智能工厂称号的还能申报吗'].entries()) {
      const r = await typed(s.client, `p-${i}`, text);
      expect(recordedIds(r.msgs), text).toEqual([]);
      expect(r.next?.id, text).toBe('form.proceed');
    }
    await s.client.close();
  });
});

describe('a switch of category typed while a form question waits', () => {
  /** Answers the cards from the enterprise's facts until `id` waits again; the ids asked on the way, and the last turn's words. */
  async function backTo(c: Awaited<ReturnType<typeof steer>>['client'], e: ScriptedEnterprise, from: QuestionView | null, id: string) {
    let q = from;
    const asked: string[] = [];
    let words: string[] = [];
    for (let i = 0; q && q.id !== id && i < 60; i++) {
      asked.push(q.id);
      const msgs = await turn(c, { type: 'answer', clientId: `back-${id}-${asked.length}`, questionId: q.id, value: answerFor(e, q) });
      words = said(msgs);
      q = lastQuestion(msgs)?.question ?? null;
    }
    return { at: q?.id, asked, words: words.join('') };
  }

  it('「改报智能车间」 at the name: the workshop questions are asked, then the name again, by name, with no offer of the form', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.name');
    const r = await typed(s.client, 'n-1', '改报智能车间');
    expect(recordedValue(r.msgs, 'cat.scope')).toBe('workshop');
    expect(r.next?.id).toBe('cap.industrialNetwork');
    const back = await backTo(s.client, discreteFactory, r.next, 'form.name');
    expect(back.at, 'the name question is asked once the new questions are answered').toBe('form.name');
    expect(back.words).toContain('当前这一项还没有回答：请填写企业全称');
    expect(back.words).not.toContain('继续填写申报书信息吗');
    await s.client.close();
  }, 180_000);

  for (const text of ['改报智能车间', '算了，还是报智能车间吧', '那就换回车间吧']) {
    it(`「${text}」 at the name, every question of the category answered: the name is asked again, not the form offered`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'form.name');
      const away = await typed(s.client, 'w-1', '改报智能工厂');
      expect(recordedValue(away.msgs, 'cat.scope')).toBe('factory');
      expect((await backTo(s.client, workshop, away.next, 'form.name')).at).toBe('form.name');
      const r = await typed(s.client, 'w-2', text);
      expect(recordedValue(r.msgs, 'cat.scope')).toBe('workshop');
      expect(r.next?.id).toBe('form.name');
      const words = said(r.msgs).join('');
      expect(words).toContain('当前这一项还没有回答：请填写企业全称');
      expect(words).not.toContain('继续填写申报书信息吗');
      // The name typed next is the name.
      const named = await typed(s.client, 'w-3', '河南恒达机械有限公司');
      expect(recordedValue(named.msgs, 'form.name')).toBe('河南恒达机械有限公司');
      await s.client.close();
    }, 180_000);
  }

  it('near miss: asking whether to switch at the name records nothing and the name still waits', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.name');
    const r = await typed(s.client, 'q-1', '改报智能工厂行不行');
    expect(recordedIds(r.msgs)).toEqual([]);
    expect(r.next?.id).toBe('form.name');
    await s.client.close();
  }, 180_000);
});

describe('taking the form up again after 以后再填', () => {
  it('resumes the form on a reply that goes on with it, and not on a bare acknowledgement', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.proceed');
    let r = await typed(s.client, 'f-1', '以后再填');
    expect(r.next).toBeNull();
    // 「好的」 after the form was put off acknowledges; it starts nothing.
    r = await typed(s.client, 'f-2', '好的');
    expect(recordedIds(r.msgs)).toEqual([]);
    expect(r.next).toBeNull();
    r = await typed(s.client, 'f-3', '我现在要接着填申报书');
    expect(recordedValue(r.msgs, 'form.proceed')).toBe('now');
    expect(r.next?.id.startsWith('form.')).toBe(true);
    await s.client.close();
  });

  it('reads going on with the form in several phrasings, and not a question about it', () => {
    const later = { 'form.proceed': 'later' } as const;
    for (const text of ['继续填写申报书', '接着填吧', '那就继续填表', '可以，现在填申报书', '我们回来填申报书了']) expect(resumesForm(ctx, later, text), text).toBe('now');
    for (const text of ['好的', '申报书怎么填', '申报书还要改吗', '不填了', '继续下一个问题之前，申报书以后再填']) expect(resumesForm(ctx, later, text), text).toBeUndefined();
    // The form not put off: nothing to resume.
    expect(resumesForm(ctx, { 'form.proceed': 'now' }, '继续填写申报书')).toBeUndefined();
  });
});

describe('editing 申报方向 in 我的回答', () => {
  it('sends every recorded answer with its widget, and takes a choice typed in words', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.proceed');
    const r = await typed(s.client, 'e-1', '申报方向改成智能工厂');
    const views = r.msgs.flatMap((m) => (m.type === 'recorded' ? (m.questions ?? []) : []));
    // The card that edits it shows 智能车间 / 智能工厂 buttons, never the stored values.
    expect(views.find((q) => q.id === 'cat.scope')?.choices?.map((c) => c.label)).toEqual(['智能车间', '智能工厂', '还不确定，请帮我判断']);
    const edited = await turn(s.client, { type: 'edit', clientId: 'e-2', questionId: 'cat.scope', value: '智能车间' });
    expect(edited.some((m) => m.type === 'error')).toBe(false);
    expect(recordedValue(edited, 'cat.scope')).toBe('workshop');
    await s.client.close();
  });
});

describe('skipping the part of the form a field is in', () => {
  const read = (text: string) => interpretForm(ctx, text, formView(ctx, 'form.cell.ws.equipment', 'smartWorkshop'));
  it('puts off the whole part for 这几栏/这几项/下面这些 先跳过 or 以后再填, storing nothing', () => {
    for (const text of ['这几栏先都跳过', '这几项先跳过', '下面这些先跳过', '下面这些以后再填', '这几个先不填', '这些先跳过吧'])
      expect(read(text), text).toEqual({ kind: 'answers', items: [{ questionId: 'form.cell.ws.equipment', value: null }], wholeGroup: true, section: 'workshops@1' });
  });
  it('keeps a narrative that only mentions these fields as the field\'s text', () => {
    for (const text of ['这几栏的设备都是进口的', '这些设备先跳过人工上料环节，直接由机器人完成'])
      expect(read(text), text).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.cell.ws.equipment', value: text }] });
  });
});
