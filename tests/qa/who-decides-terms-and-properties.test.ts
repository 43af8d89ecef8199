import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerFollowUp, answerQuestion, answerSourceOf } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
/** What an answer says before its quotes. */
const said = (q: string) => ask(q).answer.split('\n依据')[0]!;
const PHONE = '0371—65507698';

describe('who decides is answered from the clauses; only a prediction is refused', () => {
  it.each(['最后谁来定能不能评上，是省里专家评审吗', '到底谁说了算能不能评上', '评不评得上是哪个部门定的', '能不能评上最后是谁拍板', '省里是不是找专家来评审'])(
    '「%s」 says who reviews, checks and recommends (四(三)) and quotes the province’s role verbatim',
    (q) => {
      const a = ask(q);
      expect(a.outOfScope).toBe(false);
      const text = said(q);
      expect(text).toMatch(/^通知没有规定省里怎样评审、最终由谁确定名单/u);
      expect(text).toContain('对企业申报材料进行初审，并到企业现场进行真实性核查，择优向省工业和信息化厅推荐');
      expect(text).toContain('“省工业和信息化厅决定开展2023年度河南省智能车间、智能工厂申报工作”');
      expect(text).toContain(PHONE);
      expect(a.citations.map((c) => c.clause)).toEqual(expect.arrayContaining(['四(三)', '序']));
      // The answer is one, not a part answered and a part refused.
      expect(text).not.toMatch(/^1\. /mu);
    },
  );

  it.each(['我们能评上吗', '俺们这厂子能评上不', '谁能保证我们评上', '这回俺们有把握评上没'])('「%s」 asks for a prediction, and is refused with its topic', (q) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(true);
    expect(a.topic).toBe('nc-guarantee');
  });

  it('still refuses scoring and the experts’ names, which the notice leaves out', () => {
    for (const q of ['评审专家怎么打分', '专家评审看哪些方面', '省里专家怎么打分']) expect([q, ask(q).outOfScope]).toEqual([q, true]);
  });
});

describe('a term the notice uses, asked what it means, points to its clause', () => {
  it('「税收黑名单是啥意思？我们肯定没有」 names the notice’s own words and quotes 二(四)', () => {
    const q = '税收黑名单是啥意思？我们肯定没有';
    const text = said(q);
    expect(text).toMatch(/^《通知》里的说法是“税收违法黑名单”，出自二\(四\)：“截至申报日，企业未被“信用中国”/u);
    expect(text).toContain('《通知》没有对这一用语另作解释');
    expect(text).toContain(PHONE);
    expect(text).not.toContain('没有直接回答');
    expect(ask(q).citations.map((c) => c.clause)).toEqual(['二(四)']);
  });

  it.each([
    ['多报无效是啥意思', '“多报无效”出自《通知》四(三)', '四(三)'],
    ['真实性核查怎么理解', '“真实性核查”出自《通知》四(三)', '四(三)'],
    ['多报无效咋讲', '“多报无效”出自《通知》四(三)', '四(三)'],
  ])('「%s」 opens with the clause the term stands in', (q, lead, clause) => {
    expect(said(q).startsWith(lead), said(q)).toBe(true);
    expect(answerSourceOf(ask(q))).toBe('rule');
    expect(ask(q).citations[0]!.clause).toBe(clause);
  });

  it('「失信被执行人指的是什么」 opens with what 二(四) says, not with a verdict', () => {
    const text = said('失信被执行人指的是什么');
    expect(text).not.toMatch(/^(?:不能|能|可以)[。，]/u);
    expect(text).toContain('失信被执行人');
  });

  it('leaves an entry written for the term, a term the notice never uses, and a question that is no what-is question as they were', () => {
    expect(said('附件指的是啥')).toMatch(/^“附件”在通知里有两层意思/u);
    expect(said('单体制造业企业是啥意思')).toMatch(/^指以自身名义申报的单个制造业企业/u);
    expect(said('灯塔工厂是什么意思')).toMatch(/^《通知》没有使用“灯塔工厂”这一用语/u);
    // 「税收」 and 「黑名单」 far apart in one clause are no term of it.
    expect(said('信用中国在哪查')).not.toMatch(/出自《通知》/u);
    expect(said('税收违法黑名单在哪查')).not.toMatch(/出自《通知》/u);
  });
});

describe('a follow-up asking only a property takes the previous question’s thing', () => {
  it.each([
    ['照片要几张', '啥格式都中吗', /^照片/u, '通知没有规定照片、截图的文件格式'],
    ['照片要几张', '格式呢', /^照片/u, '通知没有规定照片、截图的文件格式'],
    ['照片要几张', '要盖章吗', /^照片/u, '通知没有规定照片、截图要盖章'],
    ['照片最少拍几张', '啥格式都中吗', /^照片啥格式/u, '通知没有规定照片、截图的文件格式'],
    ['视频要多长', '啥格式都中吗', /^视频/u, 'MP4'],
    ['视频最长弄多长时间', '那大小呢', /^视频大小/u, '200M'],
  ])('「%s」 then 「%s」', (previous, next, reading, fact) => {
    const { response, askedAs } = answerFollowUp(kb, next, previous);
    expect(askedAs, askedAs).toMatch(reading);
    expect(response.answer.split('\n依据')[0]).toContain(fact);
  });

  it('leaves a follow-up that names its own thing, or asks something else, as typed', () => {
    // The application form named: its format, not the photos'.
    const form = answerFollowUp(kb, '申报书格式呢', '照片要几张');
    expect(form.response.answer).toMatch(/^要PDF彩色版/u);
    // Another thing named: the video's format.
    expect(answerFollowUp(kb, '视频格式呢', '照片要几张').response.answer).toContain('MP4');
    // No property asked: its own question.
    const weather = answerFollowUp(kb, '今天天气怎么样', '照片要几张');
    expect(weather.askedAs).toBe('今天天气怎么样');
    expect(weather.response.outOfScope).toBe(true);
    // Alone, 「啥格式都中吗」 is the application form's format.
    expect(said('啥格式都中吗')).toMatch(/^要PDF彩色版/u);
  });
});

describe('an enterprise that says it is on none of 二(四)’s lists is told the credit condition is met, never 「不能」', () => {
  it.each(['我们没上税收违法黑名单，能报吗', '俺们没被列入失信被执行人，中不中', '没上黑名单能报不', '公司从没上过严重违法失信名单，可以申报吧'])('「%s」', (q) => {
    const text = said(q);
    expect(text).toMatch(/^信用这一条符合/u);
    expect(text).toContain('还要看二(一)至二(三)的其他条件');
  });

  it.each(['被列入税收违法黑名单能申报吗', '上了失信名单能报吗', '俺们去年上了严重违法失信名单，还能报不'])('「%s」 is still no', (q) => {
    expect(said(q)).toMatch(/^不能/u);
  });
});
