import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { StaffStore } from '../../server/staff/store';
import type { PgliteStore } from '../../server/store/pglite';
import { build, type Built } from '../helper';
import { as, staffAs, type StaffLogin } from './helpers';

/**
 * An interview reply the rules did not read sits in the review queue beside refused questions, but it is no question:
 * no answer-base entry answers it. The queue says which interview question it answered and what the enterprise was
 * told, offers no entry beside it, and notes it for the interview's lexicon instead.
 */
let b: Built;
let helpline: StaffLogin;
let store: StaffStore;
beforeAll(async () => {
  b = await build();
  helpline = await staffAs(b, 'review-interview', 'helpline');
  store = new StaffStore(await (b.app.store as PgliteStore).database(), b.config.DATA_DIR);
});
afterAll(async () => b?.close());

const refused = (answer: string) => ({ answer, citations: [], confidence: 0, outOfScope: true });
async function logged(source: 'interview' | 'chat' | 'console' | 'api', question: string, answer: string): Promise<string> {
  const id = randomUUID();
  await store.logQuestion(id, new Date(), { source, question, answer: refused(answer), knowledgeVersion: 'henan-2023' });
  await store.flushLog();
  return id;
}
type Item = { id: string; source: string; nearest: string | null; interview: { questionId: string; question: string; tag: string; what: string; lexicon: string } | null };
const queue = async (): Promise<Item[]> => (await b.app.inject({ url: '/api/staff/review?limit=200', headers: as(helpline) })).json().items;

describe('an interview reply in the review queue', () => {
  it.each([
    ['a credit question', 'ent.credit.dishonestExecutee', '二(四)', '俺们那个应该没啥事吧', '被列入失信被执行人'],
    ['a capability', 'cap.mes', '三(一)5', 'MES算是有一半吧 还在弄', ''],
    ['the founding date', 'ent.foundedDate', '二(一)', '老早就有了 具体记不清', '成立日期'],
  ])('answering %s says what it answered and offers no answer-base entry', async (_what, questionId, clause, reply, label) => {
    const id = await logged('interview', reply, `[${questionId} · ${clause}] 没听明白，请回答“是”或“否”。`);
    const item = (await queue()).find((i) => i.id === id)!;
    expect(item.nearest, 'no answer-base entry is offered for a reply').toBeNull();
    expect(item.interview).toMatchObject({ questionId, tag: '访谈中未读懂的回答', lexicon: '记入访谈词表待办' });
    if (label) expect(item.interview!.question).toBe(label);
    expect(item.interview!.what).toContain(`（${clause}）的回答，不是提问`);
    expect(item.interview!.what).toContain('没听明白，请回答“是”或“否”。');
  });

  it.each([
    ['form.project.end', '还没建完'],
    ['form.project.investment', '投了不少钱 具体得问财务'],
  ])('answering the form question %s is named as the chat asked it, with no empty clause', async (questionId, reply) => {
    const id = await logged('interview', reply, `[${questionId} · ] 抱歉，我没能从这句话里确定答案。`);
    const item = (await queue()).find((i) => i.id === id)!;
    const asked = b.app.kb.data.formQuestions.questions.find((q) => q.id === questionId)!;
    expect(item.interview!.question).toBe(asked.text);
    expect(item.interview!.what).toBe(`这是企业在对话中填写申报书时对「${asked.text}」的回答，不是提问，不需要写答复条目。系统没有读懂，当时回复企业：「抱歉，我没能从这句话里确定答案。」`);
    expect(item.interview!.what).not.toContain(questionId);
    expect(item.interview!.what).not.toContain('（）');
  });

  it.each([
    ['form.ws.2.name', '车间2的名称？', '车间2的名称'],
    ['form.ws.1.equipmentTotal', '车间1设备总数多少台（套）？', '车间1设备总数'],
    ['form.ws.3.networkedEquipment', '车间3其中联网的设备多少台（套）？', '车间3其中联网的设备'],
  ])('answering a workshop\'s form question %s names the field and the workshop\'s number, never its key', async (questionId, asked, label) => {
    const id = await logged('interview', '这个回头再说吧', `[${questionId} · ] 抱歉，我没能从这句话里确定答案。`);
    const item = (await queue()).find((i) => i.id === id)!;
    expect(item.interview!.question).toBe(asked);
    expect(item.interview!.what).toContain(`对「${asked}」的回答`);
    expect(item.interview!.what).not.toMatch(/form\.|\{i\}/u);
    const row = (await b.app.inject({ url: '/api/staff/questions?limit=200', headers: as(helpline) })).json().items.find((i: { id: string }) => i.id === id);
    expect(row.answer).toBe(`〔回答「${label}」〕抱歉，我没能从这句话里确定答案。`);
  });

  it('is shown in the question log and its export by the item\'s label and the source\'s Chinese name, never an id', async () => {
    const id = await logged('interview', '刘总的电话你问问', '[form.contact.name · ] 抱歉，我没能从这句话里确定答案。');
    const chat = await logged('chat', '申报书要几份', '通知没有说明');
    const page = (await b.app.inject({ url: '/api/staff/questions?limit=200', headers: as(helpline) })).json();
    const row = page.items.find((i: { id: string }) => i.id === id);
    expect(row.answer).toBe('〔回答「联系人姓名」〕抱歉，我没能从这句话里确定答案。');
    expect(page.sources).toEqual(b.app.kb.data.ui.console.questionLog.sources);
    const csv = (await b.app.inject({ url: '/api/staff/questions.csv', headers: as(helpline) })).body;
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    const source = lines[0]!.split(',').indexOf('来源');
    const interviewLine = lines.find((l) => l.includes('刘总的电话你问问'))!;
    const chatLine = lines.find((l) => l.includes('申报书要几份'))!;
    expect(interviewLine.split(',')[source]).toBe('评估未读懂');
    expect(chatLine.split(',')[source]).toBe('对话');
    expect(interviewLine).toContain('〔回答「联系人姓名」〕');
    expect(csv).not.toMatch(/form\.contact\.name|,interview,|,chat,/u);
    expect(chat).toBeTruthy();
  });

  it('is noted for the lexicon and leaves the queue; a question cannot be noted so', async () => {
    const reply = await logged('interview', '差不多有吧', '[ent.operatingWell · 二(一)] 没听明白。');
    const question = await logged('chat', '申报书要盖几个章', '通知没有说明');
    const noted = await b.app.inject({ method: 'POST', url: `/api/staff/review/${reply}/misread`, headers: as(helpline), payload: {} });
    expect(noted.statusCode, noted.body).toBe(200);
    const ids = (await queue()).map((i) => i.id);
    expect(ids).not.toContain(reply);
    const wrong = await b.app.inject({ method: 'POST', url: `/api/staff/review/${question}/misread`, headers: as(helpline), payload: {} });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('NOT_INTERVIEW');
    // The question stays in the queue with its answer-base actions.
    const asked = (await queue()).find((i) => i.id === question)!;
    expect(asked.interview).toBeNull();
  });
});

/** An entry staff would write from a queued item: 四(二)'s PDF format, which the notice does set. */
const entryFor = (id: string, question: string) => ({
  id,
  questions: [question, `${id} 的说法`],
  answer: '通知四(二)要求通过网络平台提交PDF彩色版电子版，包括所有附件及签字盖章页。',
  conclusion: 'yes',
  clauses: ['四(二)'],
  quotes: [{ clause: '四(二)', find: 'PDF彩色版格式' }],
});
const saveFrom = (fromQuestion: string, entry: ReturnType<typeof entryFor>) =>
  b.app.inject({ method: 'PUT', url: `/api/staff/answers/${entry.id}`, headers: as(helpline), payload: { entry, fromQuestion, note: '从审核队列' } });

describe('an answer-base entry saved from a queued item', () => {
  it.each([
    ['the credit reply', '俺们那个应该没啥事吧', '[ent.credit.dishonestExecutee · 二(四)] 没听明白，请回答“是”或“否”。'],
    ['a capability half-said', 'MES算是有一半吧 还在弄', '[cap.mes · 三(一)5] 没听明白。'],
    ['a reply worded as a question', '申报书是不是要PDF的？我们交的纸质版', '[ent.operatingWell · 二(一)] 没听明白。'],
  ])('is refused from an interview reply (%s), names the action that fits it, and saves nothing', async (_what, reply, told) => {
    const id = await logged('interview', reply, told);
    const entry = entryFor(`from-interview-${id.slice(0, 8)}`, reply);
    const res = await saveFrom(id, entry);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('FROM_INTERVIEW');
    expect(res.json().error.message).toContain('访谈中的回答');
    expect(res.json().error.message).toContain(`「${b.app.kb.data.ui.console.interviewMisread.lexicon}」`);
    // Nothing was saved under the entry's id, and the reply is still in the queue for its own action.
    expect((await b.app.inject({ url: `/api/staff/answers/${entry.id}`, headers: as(helpline) })).statusCode).toBe(404);
    expect((await queue()).find((i) => i.id === id)?.interview).not.toBeNull();
  });

  it.each([
    ['the chat', 'chat' as const, '申报书要交PDF还是Word'],
    ['the console', 'console' as const, '热线：申报书电子版什么格式'],
    ['the API', 'api' as const, '申报材料电子版格式'],
  ])('is saved from a question asked in %s, and takes it off the queue', async (_where, source, question) => {
    const id = await logged(source, question, '通知没有说明');
    const entry = entryFor(`from-question-${id.slice(0, 8)}`, question);
    const res = await saveFrom(id, entry);
    expect(res.statusCode, res.body).toBe(200);
    expect((await queue()).map((i) => i.id)).not.toContain(id);
  });
});
