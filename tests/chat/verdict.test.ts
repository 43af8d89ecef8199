import { describe, expect, it } from 'vitest';
import type { Progress, Recorded } from '../../server/schemas/interview';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { ineligible, workshop, type ScriptedEnterprise } from './enterprises';
import { lastQuestion, said, steer, turn } from './steer';

/*
 * When the assessment questions run out, the chat itself states the verdict in a few sentences
 * and, for an eligible enterprise only, asks whether to go on to the form.
 */

const srv = serveForFile();

const groupHq: ScriptedEnterprise = {
  name: '以集团总部名义申报的企业',
  facts: { ...workshop.facts, 'ent.groupOrHeadOffice': true },
};

const progressOf = (msgs: ServerMessage[]) => (lastQuestion(msgs) as { progress: Progress }).progress;

describe('the verdict in the chat', () => {
  it('is said after the last assessment question, with the category, then the form is offered', async () => {
    const s = await steer(srv.url, workshop, (q) => q.phase === 'form');
    const texts = said(s.client.received);
    const verdict = texts.find((t) => t.startsWith('评估结果'));
    expect(verdict).toBeDefined();
    expect(verdict).toContain('建议申报智能车间');
    expect(verdict).toContain('可以着手申报');
    expect(verdict).toMatch(/继续填写申报书信息吗？$/);
    // Two or three sentences: a verdict, not a report.
    expect(verdict!.split(/[。？]/).filter(Boolean).length).toBeLessThanOrEqual(4);
    expect(s.question?.id).toBe('form.proceed');
    const later = await turn(s.client, { type: 'text', clientId: 'v-1', text: '以后再填' });
    expect(lastQuestion(later)?.question).toBeNull();
    await s.client.close();
  });

  for (const e of [ineligible, groupHq]) {
    it(`tells ${e.name} what blocks it, recommends nothing and offers no drafting`, async () => {
      const s = await steer(srv.url, e, () => false);
      expect(s.question).toBeNull();
      const verdict = said(s.client.received).find((t) => t.startsWith('评估结果'));
      expect(verdict).toContain('暂不符合申报条件');
      expect(verdict).toMatch(/二\(一\)|二\(四\)/);
      expect(verdict).not.toContain('建议申报');
      expect(verdict).not.toContain('填写申报书信息吗');
      // What would change the answer, from the knowledge data: a group's subsidiary may apply under 二(一).
      if (e === groupHq) expect(verdict).toContain('子公司');
      // The warning when the answer is given says what the enterprise is, not a bare 「以集团或总公司名义申报」
      // after 「根据通知二(一)，」, which read as if the notice asked for it.
      if (e === groupHq) {
        const warning = said(s.client.received).find((t) => t.startsWith('请注意'));
        expect(warning).toContain('申报主体是集团或总公司');
        expect(warning).not.toMatch(/根据通知二\(一\)，以集团/);
      }
      const asked = s.client.received.flatMap((m) => (m.type === 'question' && m.question ? [m.question.id] : []));
      expect(asked.filter((id) => id.startsWith('form.'))).toEqual([]);
      await s.client.close();
    });
  }
});

describe('what an ineligible enterprise is told it may still answer', () => {
  it('matches the plan: the remaining basic and category questions, no element question', async () => {
    const s = await steer(srv.url, ineligible, () => false);
    const msgs = s.client.received;
    const at = msgs.findIndex((m) => m.type === 'message.end' && m.text.includes('暂不符合申报条件') && !m.text.startsWith('评估结果'));
    expect(at).toBeGreaterThan(-1);
    const offer = (msgs[at] as Extract<ServerMessage, { type: 'message.end' }>).text;
    expect(offer).toContain('其余的基本条件和申报类别问题');
    expect(offer).toContain('要素条件要在符合申报条件后');
    const after = msgs.slice(at).flatMap((m) => (m.type === 'question' && m.question ? [m.question] : []));
    // The enterprise kept answering after the warning, so the offer was put to the test.
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((q) => q.phase)).toContain('category');
    const elementQuestions = after.filter((q) => q.phase === 'elements' && /^(cap|metric|self)\./.test(q.id));
    expect(elementQuestions).toEqual([]);
    expect(s.assessment.category.recommended).toBeNull();
    await s.client.close();
  });
});

describe('what a blocked enterprise can do now', () => {
  it('is answered from its own assessment, with what would change it, and no other year is promised', async () => {
    const s = await steer(srv.url, ineligible, () => false);
    for (const [i, q] of ['我们现在这种情况还能做什么？', '明年可以吗？'].entries()) {
      // The interview is over (no question card closes the turn): the answer is the turn's last message.
      const from = s.client.received.length;
      s.client.send({ type: 'text', clientId: `n-${i}`, text: q });
      await s.client.until((m) => m.type === 'ack' && m.clientId === `n-${i}`);
      await s.client.next('message.end');
      const answer = said(s.client.received.slice(from)).at(-1)!;
      expect(answer).toMatch(/^按您目前的回答，本年度暂不符合申报条件：二\(四\)，截至申报日被“信用中国”列入“失信被执行人”/u);
      expect(answer).toContain('申报日前完成信用修复、移出名单的，这一条件即符合');
      expect(answer).toContain('以后年度能否申报，以当年发布的通知为准');
      expect(answer).toContain('0371—65507698');
      expect(answer).not.toContain('没有找到能回答这个问题的条款');
    }
    // Nothing asked was stored as an answer.
    const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
    const body = (await r.json()) as { recorded: Recorded[] };
    expect(body.recorded.find((x) => x.questionId === 'ent.credit.dishonestExecutee')?.value).toBe(true);
    await s.client.close();
  });

  it('an eligible enterprise asking about next year gets the notice\'s answer, not the blocked one', async () => {
    const s = await steer(srv.url, workshop, (q) => q.phase === 'form');
    const answer = said(await turn(s.client, { type: 'text', clientId: 'n-9', text: '明年可以吗？' })).at(-1)!;
    expect(answer).not.toContain('暂不符合申报条件');
    await s.client.close();
  });
});

describe('the counters', () => {
  it('agree with the review card, and the total does not jump when the form starts', async () => {
    const s = await steer(srv.url, workshop, (q) => q.phase === 'form');
    const questions = s.client.received.filter((m): m is Extract<ServerMessage, { type: 'question' }> => m.type === 'question');
    const lastAssessing = [...questions].reverse().find((m) => m.question && m.question.phase !== 'form')!;
    const firstForm = questions.find((m) => m.question?.phase === 'form')!;
    expect(lastAssessing.progress.upcoming).toBe(firstForm.progress.remaining);
    const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
    const body = (await r.json()) as { recorded: Recorded[]; progress: Progress };
    expect(body.progress.answered).toBe(body.recorded.filter((x) => x.value !== null).length);
    expect(firstForm.progress.answered).toBe(body.progress.answered);
    // The form neither asks the industry again nor the workshop's name twice, nor what it computes.
    const after = await turn(s.client, { type: 'answer', clientId: 'c-1', questionId: 'form.proceed', value: 'now' });
    expect(progressOf(after).answered).toBe(body.progress.answered + 1);
    await s.client.close();
  });

  it('count a round figure once: the words kept beside it are not a second answer', async () => {
    const s = await steer(srv.url, workshop, (q) => q.phase === 'form' && q.kind === 'number');
    const id = s.question!.id;
    // 「大概两百」 is stored as 200 with the words as typed beside it, for the form's 约 mark.
    const after = await turn(s.client, { type: 'answer', clientId: 'r-1', questionId: id, value: '大概两百' });
    const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
    const body = (await r.json()) as { answers: Record<string, unknown>; recorded: Recorded[]; progress: Progress };
    expect(body.answers[id]).toBe(200);
    expect(Object.keys(body.answers).some((k) => k !== id && k.endsWith(id))).toBe(true);
    const listed = body.recorded.filter((x) => x.value !== null).length;
    expect(body.progress.answered).toBe(listed);
    expect(progressOf(after).answered).toBe(listed);
    await s.client.close();
  });
});

describe('nothing asked twice, nothing computable asked', () => {
  it('skips the industry, the second workshop name and 生产效率, and a year without data in one step', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.finance.2020.totalAssets' || q.id === 'form.finance.2020.totalLiabilities');
    expect(s.question?.id).toBe('form.finance.2020.totalAssets');
    expect(s.question?.group?.label).toBe('2020年财务数据');
    const skipped = await turn(s.client, { type: 'text', clientId: 'y-1', text: '2020年还没成立，没有数据' });
    const items = skipped.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => i.questionId) : []));
    expect(new Set(items)).toEqual(new Set(['totalAssets', 'totalLiabilities', 'revenue', 'profit', 'tax'].map((k) => `form.finance.2020.${k}`)));
    expect(lastQuestion(skipped)?.question?.id).toBe('form.finance.2021.totalAssets');
    // The widget's button does the same for the next year.
    const widget = await turn(s.client, { type: 'answer', clientId: 'y-2', questionId: 'form.finance.2021.totalAssets', value: null, wholeGroup: true });
    expect(lastQuestion(widget)?.question?.id).toBe('form.finance.2022.totalAssets');
    // Answer the rest: 生产效率 is never asked once its basis is given.
    const asked: string[] = [];
    let q = lastQuestion(widget)!.question;
    for (let i = 0; q && i < 200; i++) {
      asked.push(q.id);
      const value = q.kind === 'number' ? 10 : null;
      const sent = await turn(s.client, { type: 'answer', clientId: `r-${i}`, questionId: q.id, value });
      q = lastQuestion(sent)!.question;
    }
    const all = s.client.received.flatMap((m) => (m.type === 'question' && m.question ? [m.question.id] : []));
    expect(all).not.toContain('form.industry');
    expect(all).not.toContain('form.project.name');
    expect(all).toContain('form.ws.1.name');
    expect(asked).not.toContain('form.ind.productivity.before');
    expect(asked).not.toContain('form.ind.productivity.after');
    await s.client.close();
  });
});
