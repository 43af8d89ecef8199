import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerFollowUp, answerQuestion, answerSourceOf } from '../../server/qa/answer';
import { quoteUnits } from '../../server/qa/quote';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
/** What an answer says before its quotes. */
const said = (q: string) => ask(q).answer.split('\n依据')[0]!;
const PHONE = '0371—65507698';

/** Whether every bracket and quotation mark a text opens is closed in it, in order. */
function balanced(text: string): boolean {
  // The notice closes one full-width bracket with a half-width one (「比重（%)」): both widths are one kind.
  const pairs: Record<string, string> = { '）': '（', ')': '（', '》': '《', '”': '“', '】': '【', '」': '「' };
  const open: string[] = [];
  for (const ch of text) {
    if ('（(《“【「'.includes(ch)) open.push(ch === '(' ? '（' : ch);
    else if (pairs[ch]) {
      if (open.pop() !== pairs[ch]) return false;
    }
  }
  return open.length === 0;
}

describe('each asking part of a several-part question is answered', () => {
  it.each([
    ['视频文件多大合适？录个两分钟的行吗', '200M', '1分钟左右'],
    ['视频格式有要求吗？剪成90秒可以不', 'MP4', '1分钟左右'],
    ['视频清晰度多少？时长三分钟可以吗', '1080P', '1分钟左右'],
  ])('%s: the part that leaves out its subject is read with the one before it', (q, first, second) => {
    const a = said(q);
    expect(a, 'both parts are answered').toMatch(/^1\. /u);
    expect(a).toContain(first);
    expect(a).toContain(second);
  });

  it.each(['照片要几张？无人机航拍的算不算'])('%s: a part nothing answers is said to be unsettled, with who to ask, never dropped', (q) => {
    const a = said(q);
    expect(a).toMatch(/^1\. /u);
    expect(a).toContain('通知没有直接规定这一点');
    expect(ask(q).citations.some((c) => c.clause === '五')).toBe(true);
  });

  it('answers the format of photos as a part of its own: the notice sets none, and the helpline is given', () => {
    const a = said('照片要几张？交jpg行不行');
    expect(a).toMatch(/^1\. /u);
    expect(a).toContain('通知没有规定照片、截图的文件格式');
    expect(a).toContain('0371');
  });

  it.each([
    ['视频要多大', '200M'],
    ['县里初审只审核材料就行了吧，还用去企业实地看吗', '会，不只看材料'],
    ['许昌推荐名额几个 南阳呢', '南阳市属于'],
  ])('%s: a question whose answer already speaks to every part gets no unsettled part', (q, text) => {
    const a = said(q);
    expect(a).toContain(text);
    expect(a).not.toContain('通知没有直接规定这一点');
  });
});

describe('a follow-up that only points back', () => {
  it.each(['那这个呢', '这个呢？', '那个怎么办', '这样行吗', '它呢'])('%s, with nothing asked before, asks what is meant', (q) => {
    const a = ask(q);
    expect(a.answer).toMatch(/^您说的“(?:这个|那个|这样|它)”指的是什么/u);
    expect(a.outOfScope).toBe(false);
    expect(a.citations).toEqual([]);
    expect(answerSourceOf(a), 'a question back is not a refusal for review').toBe('clarification');
    expect(a.answer).not.toMatch(/不多于20家|多报无效/u);
  });

  it('after a question, asks what it asks of it, naming that question, instead of asking the question of 「这个」', () => {
    const { response, askedAs } = answerFollowUp(kb, '那这个呢', '洛阳能推荐几家');
    expect(response.answer).toContain('上一个问题是“洛阳能推荐几家”');
    expect(askedAs).toBe('那这个呢');
  });

  it.each([
    ['这个超了咋办', '多报无效'],
    ['这个通知是哪个单位发的', '河南省工业和信息化厅'],
    ['好的', '还有关于申报的问题'],
  ])('%s: says more than a pointer, and is answered as before', (q, text) => {
    expect(ask(q).answer).toContain(text);
    expect(answerSourceOf(ask(q))).not.toBe('clarification');
  });

  it('「县里呢」 after a quota question still takes the previous question', () => {
    expect(answerFollowUp(kb, '县里呢', '洛阳能推荐几家').askedAs).toBe('县里能推荐几家？');
  });
});

describe('places that recommend on their own', () => {
  it.each(['济源是省辖市吗', '航空港区算不算地级市', '济源示范区属于哪个级别', '港区按市算还是按县算'])('%s: answered from 四(三) with its quote, and what the notice leaves to others', (q) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(false);
    expect(a.answer).toMatch(/^通知没有把济源示范区、航空港区归为省辖市或县（市）/u);
    expect(a.answer).toContain('不多于10家');
    expect(a.answer).toContain(PHONE);
    expect(a.citations[0]!.clause).toBe('四(三)');
    expect(a.citations[0]!.quote).toContain('济源示范区、航空港区不多于10家');
  });

  it.each([
    ['济源能推荐几家', /不多于10家/u],
    ['航空港区的企业要经过郑州市推荐吗', /^由本区的工业和信息化主管部门推荐/u],
    ['巩义算不算郑州的', /^不算在一起/u],
  ])('%s: a neighbouring question keeps its own answer', (q, re) => {
    expect(said(q)).toMatch(re);
    expect(said(q)).not.toContain('归为省辖市或县（市）');
  });
});

describe('what the notice does not say is refused', () => {
  it.each(['今年没入选，下一年能再报吗', '被驳回了明年还可以申请吗'])('%s: a later round is that round\'s notice\'s, refused with who to ask', (q) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(true);
    expect(a.answer).toContain('以后年度的申报安排');
    expect(a.answer).toContain(PHONE);
  });

  it.each(['能给推荐个做MES的厂家吗', '麻烦推荐几家WMS供应商', '哪个品牌的DCS比较靠谱', '上ERP找哪家做'])('%s: a request to recommend a vendor is refused, not answered with the requirement', (q) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(true);
    expect(a.answer).toContain('服务商推荐');
    expect(a.answer).not.toMatch(/三\(二\)4要求|应用仓储管理系统/u);
  });

  it.each([
    ['ERP用金蝶的可以吗', '通知没有指定ERP的品牌'],
    ['通知对MES的品牌有要求吗', '通知没有指定MES的品牌'],
    ['离散型智能工厂要有仓储管理系统吗', '仓储管理系统'],
    ['郑州能推荐几家企业', '不多于20家'],
    ['设备厂家能提供远程故障诊断吗', '第三方'],
  ])('%s: naming a brand, a vendor or 推荐 without asking for one is answered as before', (q, text) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(false);
    expect(a.answer).toContain(text);
  });
});

describe('form cells and where a system comes from', () => {
  it.each(['单位产值能耗下降了8%该填在哪一栏', '运营成本降低的比例写在申报书哪里', '生产效率提高了两成在申报书什么位置体现'])('%s: says where the change goes, not only the unit', (q) => {
    const a = said(q);
    expect(a).toContain('智能工厂建设前后主要效益指标情况');
    expect(a).toContain('提升/降低比例');
  });

  it.each([
    ['单位产值能耗用什么单位', '吨标准煤/万元'],
    ['单位产值能耗怎么算', '综合能耗'],
  ])('%s: asking for the unit or the formula is answered as before', (q, text) => {
    expect(said(q)).toContain(text);
    expect(said(q)).not.toContain('提升/降低比例”一栏');
  });

  it.each(['MES是软件公司帮我们实施的，这样算吗', 'WMS由系统集成商上的，能认吗', 'ERP是外部团队实施的可以吗'])('%s: the source of a system is not limited; what counts is the function', (q) => {
    const a = said(q);
    expect(a).toMatch(/^通知没有规定系统的来源/u);
    expect(a).not.toMatch(/^要把智能装备/u);
  });

  it('系统集成要集成哪些系统 is still the integration clause', () => {
    expect(said('系统集成要集成哪些系统')).toMatch(/^要把智能装备/u);
  });
});

describe('a quote never cuts inside brackets', () => {
  it('every quotable unit of every clause closes each bracket and quotation mark it opens', () => {
    const open = kb.data.clauses.flatMap((c) => quoteUnits(c.text).filter((u) => !balanced(u.text)).map((u) => `${c.id}: ${u.text}`));
    expect(open).toEqual([]);
  });

  it('三(二)6\'s third-party sentence is quoted with both its brackets', () => {
    const a = ask('预测性维护可以让设备原厂远程做吗');
    const quote = a.citations.find((c) => c.clause === '三(二)6')!.quote;
    expect(quote).toBe('（可以是企业自建设备故障预测维护系统，也可由第三方提供远程服务。）');
  });

  it.each(['照片要几张', '截图有什么要求', '视频有什么要求', '审计报告要哪年的', '济源算省辖市吗'])('%s: every quote of the answer is balanced', (q) => {
    for (const c of ask(q).citations) expect(balanced(c.quote), `${c.clause}: ${c.quote}`).toBe(true);
  });
});

describe('a which-category question keeps the category its verdict names', () => {
  it.each([
    ['防差错系统是哪一类工厂的要求', /^离散型智能工厂：/u],
    ['SIS是哪种工厂要的', /^流程型智能工厂：/u],
  ])('%s', (q, re) => {
    expect(said(q)).toMatch(re);
  });

  it('「安灯系统有什么要求」 asks what, not which: it opens with the requirement', () => {
    expect(said('安灯系统有什么要求')).toMatch(/^三\(二\)3要求/u);
  });
});
