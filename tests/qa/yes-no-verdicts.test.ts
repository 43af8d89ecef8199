import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

/*
 * Questions asked to be answered yes or no (「…吗」「…行不行」「…中不中」「…够不够」) open with what the notice says of
 * them: a video length far off 1分钟左右 is said to be, one near it gets the length itself, and neither claims a margin the
 * notice does not set; a colour or a format opens with what is asked for. Where the notice says nothing (the province's
 * own site visit), the answer says so and quotes who does visit.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;

describe('the province and the site visit', () => {
  it.each(['县里报上去省里还要来现场看吗', '报到省里以后还有实地核查吗', '市里推荐以后省厅会派人来厂里看吗'])('「%s」: the notice names the local bureaus, not the province', (q) => {
    const a = ask(q);
    expect(lead(q)).not.toMatch(/^会/u);
    expect(lead(q)).toMatch(/通知没有(?:规定|提到)|没有提到省级现场核查/u);
    expect(a.answer).toContain('并到企业现场进行真实性核查');
    expect(a.citations.map((c) => c.clause)).toContain('四(三)');
  });

  it('says 会 where the local visit is asked (regression guard)', () => {
    for (const q of ['县里初审完了还要去厂里看吗', '会到企业现场核查吗']) expect(lead(q), q).toMatch(/^会，不只看材料。/u);
  });
});

describe('the video’s length asked of the asker’s own video', () => {
  it.each([
    ['视频弄了三分钟行不行', '3分钟'],
    ['视频录了5分钟够不够', '5分钟'],
    ['视频两分半钟中不中', '2.5分钟'],
  ])('「%s」 opens by saying it is far off 1分钟左右, and claims no margin', (q, said) => {
    expect(lead(q)).toMatch(new RegExp(`^${said.replace('.', '\\.')}明显偏离通知要求的时长1分钟左右，建议剪辑到1分钟左右再提交。`, 'u'));
    expect(lead(q)).toContain('通知没有规定可以长或短多少');
  });

  it.each([
    ['视频50秒中不中', '50秒'],
    ['视频1分10秒可以吗', '1分10秒'],
  ])('「%s」 near a minute opens with the asker’s own length against it, and leaves the rest to the bureau', (q, said) => {
    expect(lead(q)).toMatch(new RegExp(`^${said}与通知要求的时长1分钟左右相差不大；通知没有规定可以长或短多少，是否认可由初审的主管部门把握。`, 'u'));
  });

  it('answers the length itself where no length is said (regression guard)', () => {
    for (const q of ['视频要多长', '视频时长是多少']) expect(lead(q), q).toMatch(/^1分钟左右。/u);
  });
});

describe('a colour or a format asked yes or no opens with what the notice asks for', () => {
  it.each(['照片要彩色的吗', '截图必须是彩色的吗', '照片用彩色的行不行', '照片黑白的行不行', '照片能用黑白的吗'])('「%s」 opens with 按彩色提交', (q) => {
    expect(lead(q)).toMatch(/^按彩色提交/u);
  });

  it('names the format asked for, and never rules out a tool that makes it (regression guards)', () => {
    expect(lead('视频用MOV格式行不行')).toMatch(/^要MP4格式，MOV/u);
    expect(lead('申报书可以用WPS转PDF吗')).toMatch(/^可以。/u);
    expect(lead('申报材料要快递吗')).toMatch(/^在“河南省智能制造服务平台”/u);
    expect(lead('照片要黑白的还是彩色的')).toMatch(/^按彩色提交/u);
    expect(lead('视频要MP4吗')).toMatch(/^要MP4格式/u);
    expect(lead('软件截图用png可以不')).toMatch(/^通知没有规定照片、截图的文件格式/u);
  });
});
