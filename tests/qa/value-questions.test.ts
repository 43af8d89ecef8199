import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;

/** Questions that name a value of their own and ask whether it will do: the answer is about that value. */
describe('questions that name a value and ask whether it is OK', () => {
  it('reads a number with a unit as asking about that unit, whatever the number', () => {
    // Not about where the video is uploaded: its size is what the 480M asks.
    expect(lead('MP4文件做了480M，平台收不收')).toMatch(/^不行，480M超过了200M。/);
    expect(lead('视频拍成4K的可以吗')).toMatch(/^可以，4K不低于1080P。/);
    // A number before a Han unit too: seconds ask how long, not what the video must be in general.
    expect(lead('宣传视频剪到20秒行吗')).toMatch(/^20秒明显偏离通知要求的时长1分钟左右，建议剪辑到1分钟左右再提交。/);
  });

  it('reads a bare number the resolution entry knows as a size when a size unit follows it, and 2K as a resolution', () => {
    // 720 and 480 are resolutions alone, sizes with M after them.
    expect(lead('视频720M可以吗')).toMatch(/^不行，720M超过了200M。/);
    expect(lead('视频480M行吗')).toMatch(/^不行，480M超过了200M。/);
    expect(lead('视频做成720p行吗')).toMatch(/^不行，720P低于1080P。/);
    // 2K said for 1080-line video is a value of the asker's, not the notice's bound restated.
    expect(lead('视频2K可以吗')).toMatch(/^可以，2K不低于1080P。/);
    expect(lead('我们视频是2k分辨率的符合要求不')).toMatch(/^可以，2K不低于1080P。/);
    expect(lead('视频要1080P吗')).toMatch(/^不低于1080P。/);
  });

  it('answers 有没有要求 about the video with its requirements, not with whether it must be handed in', () => {
    expect(lead('视频有没有具体要求')).toMatch(/^视频资料要求：/);
    expect(lead('没有视频能申报吗')).toMatch(/^要交。/);
  });

  it('compares a value with the bound the notice sets, and leads with whether it will do', () => {
    expect(lead('导出的视频120兆，能直接上传吗')).toMatch(/^可以，120兆不超过200M。/);
    // A value said in Chinese numerals, as voice input writes it, is the same value.
    expect(lead('视频一百八十兆 行不行')).toMatch(/^可以，180兆不超过200M。/);
    expect(lead('视频三百兆能传吗')).toMatch(/^不行，300兆超过了200M。/);
    expect(lead('照片放了八张够不够')).toMatch(/^不够，照片至少要10张。/);
    expect(lead('视频有0.5G，超不超')).toMatch(/^不行，0.5G超过了200M。/);
    expect(lead('视频是1440p的，清晰度行不行')).toMatch(/^可以，1440P不低于1080P。/);
    expect(lead('清晰度480p的视频能用吗')).toMatch(/^不行，480P低于1080P。/);
    expect(lead('申报书放了6张照片行吗')).toMatch(/^不够，照片至少要10张。/);
    expect(lead('建设成效照片准备了30张，放得下吗')).toMatch(/^可以，30张不少于10张，通知没有规定上限。/);
    // The notice's own number names the rule, and a number after 最多/至少 states a rule to check: neither is the asker's own value.
    expect(lead('视频超过200M怎么办')).toMatch(/^不能超过200M。/);
    // Said as the notice's bound and asked to be confirmed, 300M is corrected before the bound is given.
    expect(lead('视频最多300M对吧')).toMatch(/^不对，通知写的不是300M。不能超过200M。/);
  });

  it('answers each value when one ask follows values said in the units of two things (a video’s length and size, photos and a video)', () => {
    const both = ask('视频拍了两分半钟 一百八十兆 行不行').answer.split('\n依据')[0]!;
    expect(both).toContain('可以，180兆不超过200M');
    expect(both).toContain('1分钟左右');
    const reversed = ask('宣传片剪了九十秒 文件三百兆 中不中').answer.split('\n依据')[0]!;
    expect(reversed).toContain('300兆超过了200M');
    expect(reversed).toContain('1分钟左右');
    const mixed = ask('照片放了8张 视频1分钟 够不够').answer.split('\n依据')[0]!;
    expect(mixed).toContain('不够，照片至少要10张');
    expect(mixed).toContain('1分钟左右');
    // One value, or values in one unit, ask of one thing only: the answer stays that thing's.
    const conclusion = (q: string) => ask(q).answer.split('\n依据')[0]!;
    expect(conclusion('视频一百八十兆 行不行')).toBe(lead('视频一百八十兆 行不行'));
    expect(conclusion('视频一百八十兆 行不行')).not.toContain('1分钟左右');
    expect(conclusion('视频两分钟可以吗')).toMatch(/^2分钟明显偏离通知要求的时长1分钟左右，[^\n]*通知没有规定可以长或短多少[^\n]*$/u);
    expect(conclusion('视频150M 或者180M 哪个好')).not.toContain('1分钟左右');
  });

  it('says narration is required when music is offered in its place, and leaves music alone when both are there', () => {
    expect(lead('视频里不要旁白，光放音乐可以吗')).toMatch(/^不行，要配说明性旁白/);
    expect(lead('视频既有旁白又有背景音乐可以吗')).not.toMatch(/^不行/);
  });

  it('keeps the colour PDF when black and white is asked for to make the file smaller', () => {
    const a = lead('为了压缩大小，申报书PDF能做成黑白的吗');
    expect(a).toMatch(/^不行，要彩色版/);
    expect(a).toContain('通知没有规定申报书PDF的大小');
  });

  it('says the notice does not require 3D design, rather than answering that design software is required', () => {
    expect(lead('做工艺设计只用二维图纸可以吗')).toMatch(/^通知没有规定必须用三维/);
    expect(lead('离散型智能工厂要用三维设计软件吗')).toMatch(/^要（离散型智能工厂）/);
  });

  it('answers a bureau asking whether 初审 is on paper only, and how the 推荐汇总表 is sent', () => {
    const check = ask('县里初审只审核材料就行了吧，还用去企业实地看吗');
    expect(check.answer).toMatch(/^会，不只看材料/);
    expect(check.citations[0]!.clause).toBe('四(三)');
    expect(lead('推荐汇总表要不要邮寄纸质件')).toMatch(/^上传至平台的“推荐库”，不用另寄纸质件/);
  });

  it('says the notice does not fix handwriting, and reads 法定代表人 without a credit word as no credit question', () => {
    expect(lead('申报书可以手填以后再扫描吗')).toMatch(/^通知没有规定申报书要打印还是手写/);
    const sign = lead('法定代表人签字要手写吗');
    expect(sign).not.toContain('失信');
    expect(sign).toMatch(/^通知没有规定签字必须手写/);
    expect(lead('法人代表是失信人员，公司能报吗')).toMatch(/^通知没有规定。二\(四\)只针对申报企业本身/);
  });

  it('refuses another programme’s own requirements, and keeps a programme named as the applicant’s own status', () => {
    expect(ask('单项冠军对研发投入有什么要求').outOfScope).toBe(true);
    expect(lead('我们是专精特新企业，申报智能工厂有规模门槛吗')).toMatch(/^没有规模门槛/);
  });

  it('refuses a loan after the title instead of answering whether the holder may apply again', () => {
    expect(ask('评上智能车间后能拿到银行授信吗').outOfScope).toBe(true);
    const loan = ask('拿了智能工厂称号以后贷款利率能优惠吗');
    expect(loan.outOfScope).toBe(true);
    expect(loan.answer).not.toContain('不得再申报');
    expect(lead('已经评上智能工厂了，今年还能报智能车间吗')).toMatch(/^不能。已获得过智能工厂称号/);
  });
});
