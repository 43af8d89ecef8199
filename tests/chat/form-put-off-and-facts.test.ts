import { describe, expect, it } from 'vitest';
import type { QuestionView } from '../../server/schemas/interview';
import type { ChatClient } from './client';
import { serveForFile } from './serve';
import { discreteFactory, type ScriptedEnterprise } from './enterprises';
import { answerOn, recordedIds, said, steer, typed } from './steer';

/*
 * Through the socket and the store, one 离散型智能工厂 with two workshops filling its form in the chat: put-offs in the
 * user's own words and a skip button's label typed store nothing, several facts in one reply each land in their own
 * field and are said, a workshop's number is never its figure, and corrections name a workshop's field or move lines.
 */
const srv = serveForFile();

const dairy: ScriptedEnterprise = {
  name: '一家有两个车间的乳品厂',
  facts: { ...discreteFactory.facts, 'form.workshopCount': 2, 'form.ws.1.lines': '巴氏奶灌装线；UHT灭菌灌装线；发酵罐区；酸奶灌装线', 'form.ws.2.lines': '奶粉包装线' },
};

async function stored(s: { sessionId: string; token: string }): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

/** Answers the cards from the dairy's facts until `stop` holds for the question waiting. */
const advance = (client: ChatClient, q: QuestionView | null, stop: (q: QuestionView) => boolean) => answerOn(client, dairy, q, stop);

describe('a form filled in the chat', () => {
  it('skips put-offs, places every fact of a reply, and reads workshop corrections', async () => {
    const s = await steer(srv.url, dairy, (q) => q.id === 'form.creditCode');
    const c = s.client;

    const code = await typed(c, 'p-1', '先跳过，执照不在手边');
    expect(recordedIds(code.msgs), 'the code is skipped, not asked again').toEqual(['form.creditCode']);
    expect(code.next?.id).not.toBe('form.creditCode');

    let q = await advance(c, code.next, (x) => x.id === 'form.address');
    const address = await typed(c, 'p-2', '地址是项城市光明路88号，注册资本五千万，民营企业');
    expect(recordedIds(address.msgs).sort()).toEqual(['form.address', 'form.capitalNature', 'form.registeredCapital']);
    const told = said(address.msgs).join('');
    for (const words of ['项城市光明路88号', '5000', '民营']) expect(told, 'the reply says what was recorded').toContain(words);

    q = await advance(c, address.next, (x) => x.id.startsWith('form.finance.2021.'));
    const year = await typed(c, 'p-3', '2021年财务数据整体跳过');
    expect(recordedIds(year.msgs).filter((id) => id.startsWith('form.finance.2021.')).length, 'the whole year is skipped').toBeGreaterThanOrEqual(5);
    expect(year.next?.id.startsWith('form.finance.2021.')).toBe(false);

    q = await advance(c, year.next, (x) => x.id === 'form.rnd.description');
    const rnd = await typed(c, 'p-4', '先跳过研发描述');
    expect(recordedIds(rnd.msgs)).toEqual(['form.rnd.description']);

    q = await advance(c, rnd.next, (x) => x.id === 'form.project.end');
    const invest = await typed(c, 'p-5', '软硬件一共投了六千八百万');
    expect(recordedIds(invest.msgs)).toEqual(['form.project.investment']);
    expect(invest.next?.id, 'the end date is still asked').toBe('form.project.end');

    q = await advance(c, invest.next, (x) => x.id === 'form.ws.1.equipmentTotal');
    const counts = await typed(c, 'p-6', '车间1一共150台套，自动化的120台，联网的110台');
    expect(recordedIds(counts.msgs).sort()).toEqual(['form.ws.1.automatedEquipment', 'form.ws.1.equipmentTotal', 'form.ws.1.networkedEquipment']);

    const before = await stored(s);
    const moved = await typed(c, 'p-7', '说错了，车间1的生产线是巴氏奶灌装线；UHT灭菌灌装线，发酵罐区和酸奶灌装线是车间2的');
    expect(recordedIds(moved.msgs).sort()).toEqual(['form.ws.1.lines', 'form.ws.2.lines']);
    const fixed = await typed(c, 'p-8', '车间1设备总数填错了，是160台套');
    expect(recordedIds(fixed.msgs)).toEqual(['form.ws.1.equipmentTotal']);
    q = fixed.next!;
    expect(q).not.toBeNull();

    const answers = await stored(s);
    expect(answers['form.creditCode']).toBeNull();
    expect(answers['form.rnd.description'], 'no skip sentence reaches the signed form').toBeNull();
    expect([answers['form.address'], answers['form.registeredCapital'], answers['form.capitalNature']]).toEqual(['项城市光明路88号', 5000, '民营']);
    expect(answers['form.project.investment']).toBe(6800);
    expect([answers['form.ws.1.equipmentTotal'], answers['form.ws.1.automatedEquipment'], answers['form.ws.1.networkedEquipment']]).toEqual([160, 120, 110]);
    expect([answers['form.ws.1.lines'], answers['form.ws.2.lines']]).toEqual(['巴氏奶灌装线', '奶粉包装线；UHT灭菌灌装线；发酵罐区；酸奶灌装线']);
    // The correction of the lines changed no interview answer.
    for (const [id, v] of Object.entries(before)) if (!id.startsWith('form.')) expect(answers[id], id).toEqual(v);
    await c.close();
  }, 240_000);
});
