import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { llmConnection, loadConfig } from '../../server/config';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createLlm, type Llm } from '../../server/llm/provider';
import { groundedAnswer, type QaSources } from '../../server/llm/qa';
import { qaSources } from '../../server/llm/sources';
import { answerQuestion, verifiedAnswer } from '../../server/qa/answer';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

/**
 * The words of a model answer are checked against the clauses it cites, not only its citation IDs:
 * quotes, figures, phone numbers and stated rules. Each reply here cites a real, given clause and
 * still says something the clause does not; each must be replaced by the offline answer, and none
 * of its text may reach the user.
 */

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const GROUP = '能以集团公司的名义统一申报吗';
const PAPER = '申报需要提交纸质材料吗';
const QUOTA = '每个市能推荐多少家企业';
const DEADLINE = '申报截止时间是什么时候';
const PHONE = '咨询电话是多少';
/** No answer-base entry matches: the retrieval path. */
const DEVICES = '需要多少台设备才能申报';

describe('grounding the words of a model answer', () => {
  let fake: FakeOpenAI;
  let llm: Llm;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    llm = createLlm(llmConnection(loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'm', LLM_TIMEOUT_MS: '2000', LLM_MAX_RETRIES: '0' }))!);
  });

  async function ask(question: string, reply: string, src: QaSources = qaSources(kb)) {
    fake.enqueue({ kind: 'text', text: reply });
    const deltas: string[] = [];
    const r = await groundedAnswer(llm, src, question, { sessionKey: `s-${Math.random()}`, onDelta: (d) => deltas.push(d) });
    expect(fake.requests).toHaveLength(1);
    return { r, shown: deltas.join('') };
  }

  /** The reply was not used, and no part of what it added was ever shown. */
  async function rejected(question: string, reply: string, check: string, src?: QaSources) {
    const { r, shown } = await ask(question, reply, src);
    expect(r.source, reply).toBe('offline');
    expect(r.failure, reply).toBe('ungrounded');
    expect(r.check, reply).toBe(check);
    expect(r.response).toEqual((src ?? qaSources(kb)).offline(question));
    expect(r.notice).toMatch(/离线答案/);
    const verified = verifiedAnswer(kb, question);
    // At most the verified answer (knowledge text) went out before the checks; never the model's words.
    expect(shown === '' || shown === `${verified?.answer}\n`, shown).toBe(true);
  }

  describe('quotes are verbatim text of the clause cited after them', () => {
    it.each([
      ['a made-up quote', '通知原文为「集团公司可以统一申报」〔二(一)〕。'],
      ['a quote with one character changed', '通知写明“不支持以集团、分公司名义申报”〔二(一)〕。'],
      ['a quote that drops the negation before it', '通知写明“支持以集团、总公司名义申报”〔二(一)〕。'],
      ['a quote from another clause under this ID', '通知规定“每家企业当年限报1个智能车间或智能工厂”〔二(一)〕。'],
    ])('%s is rejected', async (_name, reply) => {
      await rejected(GROUP, reply, 'quote');
    });

    it('a sentence citing one clause in another given clause’s words is rejected', async () => {
      await rejected(GROUP, '每家企业当年限报1个智能车间或智能工厂〔二(一)〕。', 'misattributed');
    });

    it('a verbatim quote of the cited clause, with an elision mark, is kept', async () => {
      const { r, shown } = await ask(GROUP, '子公司申报时，须是“在河南省境内注册，具有独立法人资格的单体制造业企业……”〔二(一)〕。');
      expect(r.source).toBe('llm');
      expect(shown).toBe(r.response.answer);
    });
  });

  describe('with a verified answer, the added text may not change it anywhere', () => {
    it.each([
      ['a yes after 不能, mid-text', GROUP, '补充说明：经市工信局同意后，集团公司也可以统一申报〔二(一)〕。', 'unsupported'],
      ['a paper requirement after 没有要求', PAPER, '另外，还需要报送纸质材料一式三份〔四(二)〕。', 'number'],
      ['a quota moved to another subject', QUOTA, '其他省辖市、济源示范区、航空港区也可推荐不多于15家〔四(三)〕。', 'number'],
      ['a quota in Chinese numerals', QUOTA, '其他省辖市可推荐十五家〔四(三)〕。', 'number'],
      // Worded like 郑州's sentence, but about 洛阳: only the region's name tells them apart.
      ['another region\'s quota in 郑州\'s words', QUOTA, '洛阳市推荐企业不多于20家〔四(三)〕。', 'number'],
      ['a quota after its region and a colon', QUOTA, '郑州市：5家〔四(三)〕。', 'number'],
      ['a county-level city given a city\'s quota', QUOTA, '长垣市可推荐不多于10家〔四(三)〕。', 'number'],
      ['a quota in Chinese numerals with no unit', QUOTA, '其他省辖市最多二十。〔四(三)〕', 'number'],
      ['a date in Chinese numerals', DEADLINE, '推荐汇总表须于三月二十五日前上传〔四(四)〕。', 'number'],
      ['dotted dates', DEADLINE, '推荐汇总表截止日期为3.25，企业须在3.10前向地方提交〔四(四)〕。', 'number'],
      ['a date with 号', DEADLINE, '企业应于3月20号前提交〔四(四)〕。', 'number'],
      ['units the old list did not know', PAPER, '另外申报企业设备须不少于50台，智能化投入不低于500万元〔四(二)〕。', 'number'],
      ['a changed helpline', PHONE, '也可拨打0371-65507699咨询〔五〕。', 'phone'],
      ['another phone number', GROUP, '具体可咨询市工信局，电话0371-12345678〔二(一)〕。', 'phone'],
      ['a helpline said to be out of use', PHONE, '注意：该电话已停用，请勿拨打〔五〕。', 'helpline'],
      // The figure stands in the cited clause, but the notice gives it to another subject.
      ['the bureaus\' deadline given to the enterprise', DEADLINE, '申报企业须于3月15日前在平台提交申报书〔四(四)〕。', 'number'],
      ['the video\'s size limit given to the PDF', PAPER, '申报书PDF文件大小不超过200M〔四(二)〕。', 'number'],
      ['the province office\'s number given to the local bureau', PHONE, '县工信局的电话是0371—65507698〔五〕。', 'phone'],
      ['an invented rule', PAPER, '企业还须在申报前完成等保三级测评〔四(二)〕。', 'unsupported'],
    ])('%s is rejected', async (_name, question, reply, check) => {
      expect(verifiedAnswer(kb, question), question).not.toBeNull();
      await rejected(question, reply, check);
    });

    it.each([
      [QUOTA, '郑州市不多于20家，洛阳市、新乡市、南阳市各不多于15家〔四(三)〕。'],
      [QUOTA, '其他省辖市、济源示范区、航空港区不多于10家，各县（市）不多于5家〔四(三)〕。'],
      [DEADLINE, '推荐汇总表由各地工业和信息化主管部门于3月15日前上传至平台“推荐库”〔四(四)〕。'],
      [PHONE, '如有疑问，可拨打0371—65507698咨询〔五〕。'],
      [PAPER, '视频资料为MP4格式，文件大小不超过200MB〔四(二)〕。'],
    ])('a faithful addition is kept: %s', async (question, reply) => {
      const { r, shown } = await ask(question, reply);
      expect(r.source, reply).toBe('llm');
      expect(r.response.answer).toBe(`${verifiedAnswer(kb, question)!.answer}\n${reply}`);
      expect(shown).toBe(r.response.answer);
    });
  });

  describe('without a verified answer (retrieval), the same checks apply', () => {
    it('the question has no answer-base match', () => {
      expect(verifiedAnswer(kb, DEVICES)).toBeNull();
      expect(answerQuestion(kb, DEVICES).outOfScope).toBe(false);
    });

    it.each([
      ['invented figures', '通知要求智能车间的自动化设备不少于50台，联网率不低于80%〔三(一)2〕。', 'number'],
      ['an invented requirement', '申报企业必须通过两化融合管理体系贯标认证〔三(一)2〕。', 'unsupported'],
      ['a made-up quote', '通知规定「设备台套数须达100台以上」〔三(一)2〕。', 'quote'],
      ['a figure in a sentence whose citation is elsewhere', '达到先进水平即可〔三(一)2〕。一般需要二十台以上设备。', 'number'],
    ])('%s is rejected', async (_name, reply, check) => {
      await rejected(DEVICES, reply, check);
    });

    it('a faithful answer is kept and shown only once checked', async () => {
      const reply = '通知未规定具体台数，只要求自动化、数字化、智能化生产、检测等设备台套数占车间设备台套数比例达到省内行业先进水平〔三(一)2〕。';
      const { r, shown } = await ask(DEVICES, reply);
      expect(r.source).toBe('llm');
      expect(r.response.answer).toBe(reply);
      expect(shown).toBe(reply);
    });
  });

  it('a rejected reply is never streamed: nothing of 「3月25日」 reaches the user', async () => {
    fake.enqueue({ kind: 'text', text: '推荐汇总表须于3月25日前上传〔四(四)〕。' });
    const deltas: string[] = [];
    const r = await groundedAnswer(llm, qaSources(kb), DEADLINE, { sessionKey: 's6', onDelta: (d) => deltas.push(d) });
    expect(r.source).toBe('offline');
    expect(deltas.join('')).not.toContain('25');
    expect(r.response.answer).not.toContain('3月25日');
  });
});
