import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { checkEntry, EntryRejected } from '../../server/qa/layer';

const kb = createKnowledgeBase(loadKnowledgeData(resolve(__dirname, '../../knowledge'), 'henan-2023'));
const shipped = kb.data.answerBase.entries;
const contact = shipped.find((e) => e.id === 'contact')!;

/** A staff entry answering the quota question, proved by the county quota's words. */
const QUOTA = {
  id: 'staff-zhengzhou-quota',
  questions: ['郑州市可以推荐几家', '郑州推荐名额是多少'],
  conclusion: 'value',
  clauses: ['四(三)'],
  quotes: [{ clause: '四(三)', find: '各县（市）不多于5家' }],
};

function rejection(candidate: unknown): EntryRejected {
  try {
    checkEntry(kb, candidate);
  } catch (err) {
    if (err instanceof EntryRejected) return err;
    throw err;
  }
  throw new Error('the entry was accepted');
}

describe('the figures of a staff answer', () => {
  it('refuses a phone number that is not the helpline of 五, naming the number and the one allowed', () => {
    const err = rejection({ ...contact, answer: '可咨询{unit}，电话0371-12345678。' });
    expect(err.details[0]!.field).toBe('entry.answer');
    expect(err.message).toContain('0371-12345678');
    // The message names the clause and the number an answer may give, and how to write it.
    expect(err.message).toContain('五');
    expect(err.message).toContain('0371—65507698');
    expect(err.message).toContain('{phone}');
  });

  it('refuses a quota the cited clause does not state, naming the figure and the clause', () => {
    const err = rejection({ ...QUOTA, answer: '郑州市可推荐50家。' });
    expect(err.message).toContain('50家');
    expect(err.message).toContain('四(三)');
  });

  it('holds a quota to the words of 四(三) about the region it names, not to any figure of the clause', () => {
    // Each figure stands somewhere in 四(三), but about another region: the answer would misstate that region's quota.
    const wrong: [string, string][] = [
      ['郑州市不多于5家。', '本次申报郑州市推荐企业不多于20家'],
      ['郑州的名额为5家。', '本次申报郑州市推荐企业不多于20家'],
      ['郑州市：五家。', '本次申报郑州市推荐企业不多于20家'],
      ['洛阳市推荐企业不多于20家。', '洛阳市、新乡市、南阳市不多于15家'],
      ['开封可推荐15家。', '其他省辖市、济源示范区、航空港区不多于10家'],
      ['航空港区最多20家。', '其他省辖市、济源示范区、航空港区不多于10家'],
      ['长垣市（县级市）不多于10家。', '各县（市）不多于5家'],
      ['县里推荐不多于15家。', '各县（市）不多于5家'],
      ['金水区的企业由所在省辖市推荐，不多于5家。', '本次申报郑州市推荐企业不多于20家'],
    ];
    for (const [answer, stated] of wrong) {
      const err = rejection({ ...QUOTA, answer });
      // The message quotes what the clause does say about that region, so the writer can fix it.
      expect(err.message, answer).toContain(stated);
      expect(err.message, answer).toContain('四(三)');
    }
    const right = [
      '郑州市不多于20家。',
      '郑州：20家。',
      '新乡市可推荐不多于15家。',
      '开封市、济源示范区各不多于10家。',
      '汤阴县不多于5家，多报无效。',
      '郑州市不多于20家，洛阳市、新乡市、南阳市不多于15家，其他省辖市、济源示范区、航空港区不多于10家，各县（市）不多于5家。',
    ];
    for (const answer of right) expect(() => checkEntry(kb, { ...QUOTA, answer }), answer).not.toThrow();
  });

  it('binds a figure to a region or subject named after it as well as before, in its own part or a next part that is only a name', () => {
    const wrong: [string, string][] = [
      ['名额5家的是郑州市。', '本次申报郑州市推荐企业不多于20家'],
      ['名额5个的是洛阳。', '洛阳市、新乡市、南阳市不多于15家'],
      ['洛阳名额5个。', '洛阳市、新乡市、南阳市不多于15家'],
      ['不多于20家的是开封市。', '其他省辖市、济源示范区、航空港区不多于10家'],
      ['5家，郑州市。', '本次申报郑州市推荐企业不多于20家'],
      ['最多15家：航空港区。', '其他省辖市、济源示范区、航空港区不多于10家'],
    ];
    for (const [answer, stated] of wrong) expect(rejection({ ...QUOTA, answer }).message, answer).toContain(stated);
    const right = ['不多于20家的是郑州市。', '名额15个的是洛阳。', '洛阳名额15个。', '20家，郑州市。', '不多于5家的是各县（市），多报无效。', '每家企业可报一个车间。'];
    for (const answer of right) expect(() => checkEntry(kb, { ...QUOTA, answer }), answer).not.toThrow();

    const on = (clauses: string[], find: string) => ({ ...QUOTA, clauses, quotes: [{ clause: clauses[0]!, find }] });
    const subjects: [object, string, string][] = [
      [{ ...on(['四(二)', '附件1.四(五)'], 'MP4格式'), answer: '不超过200M的是申报书PDF。' }, '视频资料', '申报企业'],
      [{ ...on(['四(四)'], '推荐汇总表'), answer: '3月15日前提交的是申报企业。' }, '主管部门', '申报企业'],
      [{ ...on(['附件1.四(四)'], '照片'), answer: '不少于10张的是软件截图。' }, '照片', '屏幕截图'],
    ];
    for (const [entry, owner, named] of subjects) {
      const err = rejection(entry);
      expect(err.message, (entry as { answer: string }).answer).toContain(owner);
      expect(err.message, (entry as { answer: string }).answer).toContain(named);
    }
    // A long part after the figure begins what someone else does: it names no subject of the figure.
    expect(() => checkEntry(kb, { ...on(['四(二)', '附件1.四(五)'], 'MP4格式'), answer: '视频可剪辑到1分钟左右，是否认可由初审的主管部门把握。' })).not.toThrow();
    expect(() => checkEntry(kb, { ...on(['四(二)', '附件1.四(五)'], 'MP4格式'), answer: '不超过200M的是视频资料。' })).not.toThrow();
  });

  it('holds an item of a list answer to the entry\'s clauses and its own quote, not to another item\'s', () => {
    const entry = {
      id: 'staff-video-and-photos',
      questions: ['视频和照片有什么要求', '视频多大'],
      answer: '视频资料和照片的要求见四(二)和附件1.四(四)。',
      conclusion: 'open',
      clauses: ['四(二)'],
      quotes: [{ clause: '四(二)', find: 'MP4格式' }],
      items: [
        { words: ['视频'], answer: '视频资料为MP4格式，不超过200M。', quote: { clause: '四(二)', find: '文件大小不超过200M' } },
        { words: ['照片'], answer: '照片不少于10张。', quote: { clause: '附件1.四(四)', find: '照片' } },
      ],
    };
    expect(() => checkEntry(kb, entry)).not.toThrow();
    // 10张 is 附件1.四(四)'s: the video item does not rest on that clause.
    const err = rejection({ ...entry, items: [{ ...entry.items[0]!, answer: '视频资料为MP4格式，拍摄不少于10张照片。' }, entry.items[1]!] });
    expect(err.details[0]!.field).toBe('entry.items.0.answer');
    expect(err.message).toContain('10张');
  });

  it('refuses a date, a size and a count the cited clauses do not hold', () => {
    expect(rejection({ ...QUOTA, answer: '推荐汇总表须于3月20日前上传。', clauses: ['四(四)'], quotes: [{ clause: '四(四)', find: '推荐汇总表' }] }).message).toContain('20日');
    expect(rejection({ ...QUOTA, answer: '视频不超过500M。', clauses: ['四(二)'], quotes: [{ clause: '四(二)', find: 'PDF彩色版格式' }] }).message).toContain('500');
    expect(rejection({ ...QUOTA, answer: '郑州市可推荐二十五家。' }).message).toContain('二十五家');
  });

  it('accepts figures the cited clause states and values filled from the facts the answer names', () => {
    expect(() => checkEntry(kb, { ...QUOTA, answer: '郑州市推荐企业不多于20家，多报无效。' })).not.toThrow();
    // {phone} and {deadline} are filled from facts.json: their figures are the facts', whatever clause is cited.
    expect(() => checkEntry(kb, { ...contact, answer: '可咨询{unit}，电话{phone}。' })).not.toThrow();
    expect(() => checkEntry(kb, { ...contact, answer: '可咨询{unit}，电话{phone}，推荐汇总表于{deadline}前上传。' })).not.toThrow();
    // The helpline written out in full is the number of 五, so it passes too.
    expect(() => checkEntry(kb, { ...contact, answer: '可咨询{unit}，电话0371—65507698。' })).not.toThrow();
  });

  it('holds a deadline, a count, a video limit and the helpline to the subject the notice gives them to', () => {
    const on = (clauses: string[], find: string) => ({ ...QUOTA, clauses, quotes: [{ clause: clauses[0]!, find }] });
    const deadline = on(['四(四)'], '推荐汇总表');
    const video = on(['四(二)', '附件1.四(五)'], 'MP4格式');
    const photos = on(['附件1.四(四)'], '照片');
    // Each figure stands in a cited clause, but of another subject: the answer would tell the caller a wrong rule.
    const wrong: [object, string, string, string][] = [
      [{ ...deadline, answer: '企业须于3月15日前在平台提交申报书。' }, '3月', '主管部门', '申报企业'],
      [{ ...deadline, answer: '申报企业的截止时间是{deadline}。' }, '3月', '主管部门', '申报企业'],
      [{ ...deadline, answer: '公司的申报材料请于3月15日前交到平台。' }, '3月', '主管部门', '申报企业'],
      [{ ...video, answer: '申报书PDF文件大小不超过200M。' }, '200M', '视频资料', '申报企业'],
      [{ ...video, answer: '申报书PDF不超过{videoMaxMB}M。' }, '200M', '视频资料', '申报企业'],
      [{ ...video, answer: '申报书的篇幅控制在1分钟左右。' }, '1分钟', '视频资料', '申报企业'],
      [{ ...photos, answer: '软件截图不少于10张。' }, '10张', '照片', '屏幕截图'],
    ];
    for (const [entry, figure, owner, named] of wrong) {
      const err = rejection(entry);
      const answer = (entry as { answer: string }).answer;
      expect(err.message.toLowerCase(), answer).toContain(figure.toLowerCase());
      // The message says whose figure it is and whose the answer made it, so the writer can fix it.
      expect(err.message, answer).toContain(owner);
      expect(err.message, answer).toContain(named);
    }
    // The helpline is the province office's (五): given to the local bureau or the platform it sends callers to the wrong desk.
    for (const answer of ['请咨询所在地工业和信息化主管部门（电话{phone}）。', '县工信局的电话是0371—65507698。', '平台技术支持电话：{phone}。']) {
      const err = rejection({ ...contact, answer });
      expect(err.message, answer).toContain('数字化与未来产业处');
      expect(err.message, answer).toContain('{unit}');
    }
    const right = [
      { ...deadline, answer: '各地工业和信息化主管部门须于3月15日前将推荐汇总表上传至平台推荐库；企业的截止时间以当地通知为准。' },
      { ...deadline, answer: '推荐汇总表于{deadline}前上传。' },
      { ...deadline, answer: '3月15日前，由主管部门上传推荐汇总表，不是企业。' },
      { ...video, answer: '视频资料为MP4格式，文件大小不超过200M，清晰度不低于1080P。' },
      { ...video, answer: '申报书里的视频不超过{videoMaxMB}M。' },
      { ...photos, answer: '照片不少于10张，软件截图数量不限。' },
      { ...contact, answer: '请咨询所在地工业和信息化主管部门，或{unit}（电话{phone}）。' },
      { ...contact, answer: '电话{phone}。' },
    ];
    for (const entry of right) expect(() => checkEntry(kb, entry), entry.answer).not.toThrow();
  });

  it('holds a number of copies and a paper form to what the cited clauses say of the submission', () => {
    // 四(二) asks for the 申报书's 电子版 (PDF) through the platform and says nothing of copies or paper.
    const submission = { ...QUOTA, id: 'staff-copies', questions: ['申报书交几份', '要交纸质版吗'], clauses: ['四(二)'], quotes: [{ clause: '四(二)', find: 'PDF彩色版格式' }] };
    const wrong: [string, string][] = [
      ['3份，纸质版。', '3份'],
      ['申报书需提交3份。', '3份'],
      ['请提交三份纸质版申报书。', '三份'],
      ['申报书一份，纸质版。', '纸质版'],
      ['申报书打印后装订成册，报送当地工信局。', '装订'],
      ['请邮寄纸质材料。', '纸质材料'],
    ];
    for (const [answer, said] of wrong) {
      const err = rejection({ ...submission, answer });
      expect(err.message, answer).toContain(said);
      expect(err.details[0]!.field, answer).toBe('entry.answer');
    }
    // The paper form's message says what the clause asks for instead.
    expect(rejection({ ...submission, answer: '3份，纸质版。' }).message).toMatch(/3份|纸质版/);
    expect(rejection({ ...submission, answer: '申报书一份，纸质版。' }).message).toContain('电子版');
    const right = [
      '申报书通过网络平台提交电子版（PDF彩色版格式），不需要纸质版。',
      '无需提交纸质材料，上传PDF即可。',
      '一份申报书对应一个车间。',
      '每家企业可报三个车间。',
    ];
    for (const answer of right) expect(() => checkEntry(kb, { ...submission, answer }), answer).not.toThrow();
  });

  it('passes every shipped entry of the answer base, as they are served', () => {
    const failed = shipped.flatMap((e) => {
      try {
        checkEntry(kb, e);
        return [];
      } catch (err) {
        return [`${e.id}: ${(err as Error).message}`];
      }
    });
    expect(failed, 'a shipped entry the staff check would refuse: the check and the release disagree').toEqual([]);
  });
});
