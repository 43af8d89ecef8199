import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteStore } from '../../server/store/pglite';
import { StaffStore } from '../../server/staff/store';
import { isReplyOnly, maskPersonalNumbers } from '../../server/understand';
import { build, type Built } from '../helper';
import { as, staffAs, type StaffLogin } from './helpers';

/*
 * Personal data in what helpline staff read: a mailbox is masked as phones and ID numbers are, also in rows stored
 * before it was (masked on read), and a reply that only gives the sender's own data or confirms (「对」) is neither
 * offered as a frequent question nor queued for review.
 */

describe('masking a mailbox', () => {
  it.each([
    ['wangjg@yufengchem.com', '[邮箱]'],
    ['我的邮箱是 li.ming_2@163.com，申报截止是哪天', '我的邮箱是 [邮箱]，申报截止是哪天'],
    ['联系邮箱：ZHANG-SAN+hn@mail.example.com.cn', '联系邮箱：[邮箱]'],
    ['邮箱 a1＠qq.com', '邮箱 [邮箱]'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalNumbers(text)).toBe(masked);
  });

  // Near misses: no mailbox, so nothing is masked; a credit code is public.
  it.each(['@所有人 请问截止日期', '统一社会信用代码91410100MA44XXXX1X', '1,4-丁二醇占60%', 'MES@车间级', '附件2.四(五)'])('leaves %s as typed', (text) => {
    expect(maskPersonalNumbers(text)).toBe(text);
  });
});

describe('masking a phone number written in 汉字 digits', () => {
  it.each([
    ['法人叫王建军，电话一三九三七四八二二六五', '法人叫王建军，电话[手机号]'],
    ['联系人手机幺三八 幺二七二 三四五六，截止是哪天', '联系人手机[手机号]，截止是哪天'],
    ['电话139三七四八-二二六五', '电话[手机号]'],
    ['座机零三七一 二三九五六七八八', '座机[电话]'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalNumbers(text)).toBe(masked);
  });

  // Near misses: figures with place words, years and short runs are no phone; the notice's helpline in 汉字 stays.
  it.each(['注册资本一千三百万', '营收一千一百多万，亏了八百万', '二〇二三年成立', '一二三四五六七八九十', '编号一三九三七'])('leaves %s as typed', (text) => {
    expect(maskPersonalNumbers(text)).toBe(text);
  });
  it('keeps a published number read out in 汉字', () => {
    expect(maskPersonalNumbers('咨询电话零三七一六五五零七六九八', ['037165507698'])).toBe('咨询电话零三七一六五五零七六九八');
  });
});

describe('a reply that is no question', () => {
  it.each(['对', '是的', '没有', '嗯嗯', 'wangjg@yufengchem.com', '我的邮箱：a@b.cn', '手机13812345678'])('「%s」 is a reply', (t) => {
    expect(isReplyOnly(t)).toBe(true);
  });
  it.each(['有吗', '为什么没有', '对，是集团名义报的可以吗', '我邮箱a@b.cn，截止日期是哪天', '是否需要MES', '智能车间申报对象是谁'])('「%s」 is a question', (t) => {
    expect(isReplyOnly(t)).toBe(false);
  });
});

describe('the staff views of the log', () => {
  let b: Built;
  let helpline: StaffLogin;
  beforeAll(async () => {
    b = await build();
    helpline = await staffAs(b, 'maskdesk', 'helpline');
  });
  afterAll(async () => b?.close());

  it('shows a row stored unmasked masked, and keeps replies out of 常见问题 and 待复核', async () => {
    const db = await (b.app.store as PgliteStore).database();
    const store = new StaffStore(db, b.config.DATA_DIR);
    const refused = { answer: '通知没有说明', citations: [], confidence: 0, outOfScope: true };
    const at = new Date();
    const rows = [
      ['11111111-aaaa-4aaa-8aaa-000000000001', 'chat', 'wangjg@yufengchem.com'],
      ['11111111-aaaa-4aaa-8aaa-000000000002', 'chat', '对'],
      ['11111111-aaaa-4aaa-8aaa-000000000003', 'interview', '俺们那个厂子吧说不好'],
      ['11111111-aaaa-4aaa-8aaa-000000000004', 'chat', '补贴多少钱，邮箱 chen@hn-steel.cn'],
    ] as const;
    for (const [id, source, question] of rows) await store.logQuestion(id, at, { source, question, answer: refused, knowledgeVersion: 'henan-2023' });
    await store.flushLog();
    // A row written before mailboxes were masked: stored as typed, shown masked.
    await db.query(`update staff_question_log set question = $1 where id = $2`, ['补贴多少钱，邮箱 chen@hn-steel.cn', rows[3][0]]);

    const log = (await b.app.inject({ method: 'GET', url: '/api/staff/questions?limit=50', headers: as(helpline) })).json();
    const text = JSON.stringify(log.items);
    expect(text, 'no mailbox in the log').not.toMatch(/@/);
    expect(log.items.map((i: { question: string }) => i.question)).toContain('补贴多少钱，邮箱 [邮箱]');
    const csv = (await b.app.inject({ method: 'GET', url: '/api/staff/questions.csv', headers: as(helpline) })).body;
    expect(csv).not.toMatch(/chen@|wangjg@/);

    const queue = (await b.app.inject({ method: 'GET', url: '/api/staff/review', headers: as(helpline) })).json().items as { question: string; source: string }[];
    const queued = queue.map((i) => i.question);
    expect(queued).toContain('补贴多少钱，邮箱 [邮箱]');
    // An interview reply not read stays queued under its own source (it may be a reply the interview should read).
    expect(queued).toContain('俺们那个厂子吧说不好');
    expect(queued).not.toContain('对');
    expect(queued).not.toContain('[邮箱]');

    const recent = (await b.app.inject({ method: 'GET', url: '/api/staff/ask/recent', headers: as(helpline) })).json();
    const frequent = recent.frequent.map((f: { question: string }) => f.question);
    expect(frequent).not.toContain('对');
    expect(frequent).not.toContain('[邮箱]');
    expect(frequent, 'an interview reply is no frequent question').not.toContain('俺们那个厂子吧说不好');
    // A quick pick shows no personal data, masked or not: the question is offered without the mailbox.
    expect(frequent.filter((q: string) => /[[@]/u.test(q)), 'no masked data in a quick pick').toEqual([]);
  });
});

describe('the notice\'s own numbers are no personal data', () => {
  // 五's helpline as the notice prints it, digits only: what noticeNumbers gives for henan-2023.
  const published = ['037165507698'];

  it.each([
    ['省厅电话是0371—65507698吗', '省厅电话是0371—65507698吗'],
    ['打0371-65507698没人接', '打0371-65507698没人接'],
    ['037165507698是数字化处的吗', '037165507698是数字化处的吗'],
    ['０３７１－６５５０７６９８是谁', '０３７１－６５５０７６９８是谁'],
  ])('keeps the helpline in 「%s」', (text, shown) => {
    expect(maskPersonalNumbers(text, published)).toBe(shown);
  });

  // Near misses: the asker's own numbers beside it, or a number one digit away, are masked as before.
  it.each([
    ['我座机0371-65507699，省厅是0371-65507698', '我座机[电话]，省厅是0371-65507698'],
    ['我手机13938211234，打0371—65507698问过了', '我手机[手机号]，打0371—65507698问过了'],
    ['0379-65507698是洛阳的吗', '[电话]是洛阳的吗'],
  ])('masks the asker\'s number in 「%s」', (text, shown) => {
    expect(maskPersonalNumbers(text, published)).toBe(shown);
  });

  it('without published numbers every phone is masked, as a text of unknown origin must be', () => {
    expect(maskPersonalNumbers('省厅电话0371—65507698')).toBe('省厅电话[电话]');
  });

  describe('in the log staff read', () => {
    let b: Built;
    let helpline: StaffLogin;
    beforeAll(async () => {
      b = await build();
      helpline = await staffAs(b, 'numberdesk', 'helpline');
    });
    afterAll(async () => b?.close());

    const ask = (question: string) => b.app.inject({ method: 'POST', url: '/api/ask', payload: { question } });
    const logged = async (id: string) =>
      ((await b.app.inject({ method: 'GET', url: '/api/staff/questions?limit=50', headers: as(helpline) })).json().items as { id: string; question: string; answer: string }[]).find((i) => i.id === id)!;

    it('shows the helpline in the question and in the answer, and masks the asker\'s own phone', async () => {
      const r = await ask('我手机15903712345，0371—65507698这个电话打不通，还能找谁咨询？');
      expect(r.statusCode).toBe(200);
      expect(r.json().answer, 'the answer gives the notice\'s helpline').toContain('0371—65507698');
      const row = await logged(r.headers['x-question-id'] as string);
      expect(row.question).toBe('我手机[手机号]，0371—65507698这个电话打不通，还能找谁咨询？');
      expect(row.answer).toContain('0371—65507698');
      expect(row.answer).not.toContain('[电话]');
    });

    it('shows the helpline a refusal gives, and masks a landline the asker gave as theirs', async () => {
      const r = await ask('我们厂电话0371-68881234，请问食堂几点开饭？');
      const row = await logged(r.headers['x-question-id'] as string);
      expect(row.question).toBe('我们厂电话[电话]，请问食堂几点开饭？');
      expect(row.answer, 'a refusal names the helpline').toContain('0371—65507698');
      const csv = (await b.app.inject({ method: 'GET', url: '/api/staff/questions.csv', headers: as(helpline) })).body;
      expect(csv).toContain('0371—65507698');
      expect(csv).not.toContain('68881234');
      expect(csv).not.toContain('15903712345');
    });

    it('masks the asker\'s number where an answer repeats it, and keeps the helpline beside it', async () => {
      const db = await (b.app.store as PgliteStore).database();
      const store = new StaffStore(db, b.config.DATA_DIR);
      store.publishedNumbers = () => published;
      const id = '22222222-aaaa-4aaa-8aaa-000000000001';
      const echo = { answer: '已记下您的电话 159-0371-2345。请咨询0371—65507698。', citations: [{ clause: '五' }], confidence: 0.9, outOfScope: false };
      await store.logQuestion(id, new Date(), { source: 'chat', question: '我电话159 0371 2345，找谁问', answer: echo, knowledgeVersion: 'henan-2023' });
      await store.flushLog();
      const row = (await store.questionById(id))!;
      expect(row.question).toBe('我电话[手机号]，找谁问');
      expect(row.answer).toBe('已记下您的电话 [手机号]。请咨询0371—65507698。');
    });
  });
});
