import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';
import { evaluate, figures } from '../../server/qa/evaluate';
import fresh46 from '../fixtures/fresh46.json';

const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const body = (q: string) => ask(q).answer.replace(/^（已按“[^”]+”理解。）\n/u, '');

/*
 * Fifteen applicant questions written blind, each one's first sentence and clauses decided from the notice before any
 * was run, on what the other sets ask least: which form a trade uses (电梯, 造纸板, 饲料), a second workshop after a
 * title, who uploads the 推荐汇总表, how the 效益 table's ratio is worked out, who does the 初审 for 航空港区, 关键工序
 * asked as every process, the screenshots' count, two forms at once, the 技术水平 part, a 4K video over 200M.
 * Measured on the first run: 8 of 15 by what each must say; by the evaluator hit@3 86.7, facts 93.3, concluded 93.3,
 * facts in conclusion 80, one in-scope question refused. The seven still wrong are listed below as they stand.
 */
describe('the forty-sixth fresh set, written blind', () => {
  const judged: Record<string, (a: string, cited: string[]) => boolean> = {
    '做电梯的报智能工厂，是按离散型报吧': (a) => a.includes('电梯') && a.includes('离散型'),
    '俺们是造纸板的，工厂申报书用附件几': (a) => a.includes('附件3') && a.includes('通常按流程型'),
    '一车间前年评上省级智能车间了，今年拿二车间再报中不中': (a, c) => a.startsWith('可以。') && a.includes('其他生产性车间') && c.includes('四(一)'),
    '县里的推荐汇总表是自己往平台上传，还是交给市里汇总': (a, c) => a.includes('各县（市）工业和信息化主管部门') && a.includes('推荐库') && c.includes('四(四)'),
    '效益表那个提升降低比例，是建设后减建设前再除以建设前不': (a) => a.startsWith('通知没有') && a.includes('提升/降低比例'),
    '航空港区的企业，材料先给谁初审': (a, c) => a.includes('初审') && a.includes('工业和信息化主管部门') && c.includes('四(三)'),
    '智能车间是不是每道工序都得上自动检测设备': (a, c) => a.startsWith('不') && a.includes('关键工序') && c.includes('三(一)7'),
    '截图放多少张合适，有上限没': (a) => a.includes('数量不限'),
    '离散型工厂车间布局一定要做数字化模型仿真吗': (a, c) => a.startsWith('要') && a.includes('模拟仿真') && c.includes('三(二)2'),
    '一家企业能同时交附件1和附件2吗': (a) => a.startsWith('不能') && a.includes('限报1个'),
    '做饲料的工厂算流程型还是离散型': (a) => a.includes('饲料') && a.includes('通常按流程型'),
    '报工厂的话企业情况概述比报车间多写一块吧': (a) => a.includes('技术水平') && a.includes('只有概况、产品介绍和行业优势三项'),
    '流程型工厂效益表里要填单位产值能耗吗': (a) => a.startsWith('有') && a.includes('吨标准煤/万元'),
    '拍的4K视频能交不，文件有三百多兆': (a) => !a.startsWith('可以') && a.includes('1080P') && a.includes('200M'),
    '初审没过还能直接报到省里不': (a, c) => a.startsWith('不') && a.includes('推荐') && c.includes('四(三)'),
  };

  it('is judged question by question', () => {
    expect(Object.keys(judged)).toEqual(fresh46.map((x) => x.q));
  });

  it('answers 13 of 15 by what each must say, and by the evaluator', () => {
    const wrong = fresh46.filter((x) => !judged[x.q]!(body(x.q), ask(x.q).citations.map((c) => c.clause)));
    // Still wrong: a trade's usual type asked as a guess (电梯) gets the general rule without the trade; the ratio's
    // formula is answered with the table's cells.
    expect(wrong.map((x) => x.q)).toEqual([
      '做电梯的报智能工厂，是按离散型报吧',
      '效益表那个提升降低比例，是建设后减建设前再除以建设前不',
    ]);
    expect(figures(evaluate(kb, fresh46))).toEqual({ hit3: 93.3, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });
});

describe('one category asked of several systems it names none of', () => {
  // The entry on one of them (energy management) would drop the other: each is said, with where the notice writes it.
  it.each([
    ['智能车间要EMS和罐区自动化吗', '能源管理系统（EMS）：智能车间的要素条件（三(一)）没有点名它，写在流程型智能工厂的要素条件里（三(三)4）；罐区自动化：智能车间的要素条件（三(一)）没有点名它，写在流程型智能工厂的要素条件里（三(三)4）。'],
    ['智能车间要能源管理系统和罐区管理吗', '能源管理系统：智能车间的要素条件（三(一)）没有点名它，写在流程型智能工厂的要素条件里（三(三)4）；罐区管理：智能车间的要素条件（三(一)）没有点名它，写在流程型智能工厂的要素条件里（三(三)4）。'],
    ['车间要不要上SIS和TAS', '安全仪表系统（SIS）：智能车间的要素条件（三(一)）没有点名它，写在流程型智能工厂的要素条件里（三(三)3）；罐区自动化（TAS）：智能车间的要素条件（三(一)）没有点名它，写在流程型智能工厂的要素条件里（三(三)4）。'],
    ['离散型工厂要有罐区和能源管理吗', '罐区：离散型智能工厂的要素条件（三(二)）没有点名它，写在流程型智能工厂的要素条件里（三(三)4）；能源管理：离散型智能工厂的要素条件（三(二)）没有点名它，写在流程型智能工厂的要素条件里（三(三)4）。'],
  ])('%s', (q, first) => {
    expect(body(q).split('\n')[0]).toBe(first);
    expect(ask(q).citations.map((c) => c.clause)).toContain('三(三)4');
  });

  it('leaves to its entry a pair the entry names both of, and a single system to its entry (near-misses)', () => {
    expect(body('智能车间要WMS和SCM吗')).toMatch(/^不要求。仓储管理系统（WMS）、供应链管理（SCM）都不在智能车间的要素条件（三\(一\)）里/u);
    expect(body('智能车间要能源管理系统吗')).toMatch(/^不单列要求：/u);
    expect(body('流程型工厂要不要EMS和SIS')).toMatch(/^能源管理系统（EMS）：流程型智能工厂要（三\(三\)4）；安全仪表系统（SIS）：流程型智能工厂要（三\(三\)3）。/u);
  });
});

describe('a system made by a company outside the enterprise', () => {
  const source = /^通知没有规定系统的来源、品牌或部署方式/u;
  it.each(['ERP是外面软件开发公司给做的，能认不', 'WMS是一家科技公司开发的，可以吗', 'LIMS是一家信息公司给开发的，中不中'])('%s asks whether that source counts', (q) => {
    expect(body(q)).toMatch(source);
  });

  it('keeps the system asked alone, a brand, and the trade of the enterprise itself (near-misses)', () => {
    expect(body('离散型工厂要上WMS吗')).toMatch(/^要（离散型智能工厂）。/u);
    expect(body('ERP用金蝶的可以吗')).toMatch(/^通知没有指定ERP的品牌或厂家/u);
    expect(body('我们是软件公司，能报吗')).toMatch(/^不能。软件公司属于/u);
    expect(body('我们厂是做电机的，系统是软件公司开发的，能报吗')).toMatch(/^可以。电机属于制造业/u);
  });
});

describe('a size said beside a resolution is compared with the 200M limit', () => {
  // The resolution's own entry matched the words (4K); the size is tied to the size entry by its unit, and a value
  // over a bound decides whether the video may be handed in, so it is said first.
  it.each([
    ['拍的4K视频能交不，文件有三百多兆', '300多兆超过了200M'],
    ['4K的视频，两百五十兆，行不行', '250兆超过了200M'],
    ['1080P的视频有1.5G能传吗', '1.5G超过了200M'],
    ['视频两百多兆行不行', '200多兆超过了200M'],
  ])('%s', (q, said) => {
    const first = body(q).split('\n')[0]!;
    expect(first).toMatch(/^(?:1\. 视频文件大小有限制吗？)?不行，/u);
    expect(first).toContain(said);
  });

  it('keeps within the limit what is within it, and a resolution alone to its entry (near-misses)', () => {
    expect(body('视频一百五十兆能交吗')).toMatch(/^可以，150兆不超过200M。/u);
    expect(body('视频一百多兆行吗')).toMatch(/^可以，100多兆不超过200M。/u);
    expect(body('视频是4K的，150兆，能交吗').split('\n').slice(0, 2).join('\n')).toBe('1. 视频清晰度要多少？可以，4K不低于1080P。各申报书的相关附件要求视频清晰度不低于1080P。\n2. 视频文件大小有限制吗？可以，150兆不超过200M。四(二)和各申报书附件都规定视频文件大小不超过200M（MP4格式，清晰度不低于1080P）。');
    expect(body('视频720P，一百兆，行吗')).toMatch(/^1\. 视频清晰度要多少？不行，720P低于1080P。/u);
    expect(body('4K视频能交吗')).toMatch(/^可以，4K不低于1080P。/u);
    expect(body('视频200兆行吗')).toMatch(/^不能超过200M。/u);
  });
});

describe('a scope the question widens where the clause narrows it is not confirmed', () => {
  it.each([
    ['智能车间是不是每道工序都得上自动检测设备', '不是每道工序都要，要求的是关键工序。'],
    ['所有工序都要在线检测吗', '不是所有工序都要，要求的是关键工序。'],
    ['质量检测要覆盖全部工序吗', '不是全部工序都要，要求的是关键工序。'],
  ])('%s', (q, first) => {
    expect(body(q).startsWith(first)).toBe(true);
    expect(ask(q).citations.map((c) => c.clause)).toContain('三(一)7');
  });

  it('keeps the verdict of the narrowed scope itself, and of a clause that also names the noun unnarrowed (near-misses)', () => {
    expect(body('关键工序要不要自动检测')).toMatch(/^要看申报哪一类：智能车间要（三\(一\)7）/u);
    expect(body('所有关键工序都要自动检测吗')).toMatch(/^要看申报哪一类：智能车间要（三\(一\)7）/u);
    expect(body('质量检测要自动化吗')).toMatch(/^要。三\(一\)7要求关键工序/u);
    // 三(二)6 names 关键设备 and 生产设备: all equipment is not narrowed to the key ones.
    expect(body('离散型工厂所有设备都要做预测性维护吗')).toMatch(/^要。三\(二\)6/u);
  });
});

describe('a failed 初审 asked whether to go straight to the province', () => {
  // Going around the local 初审 is the bypass question, not who recommends; a failed 初审 is a step of 四(三), not
  // the evaluation's results the notice does not cover.
  it.each(['初审没过还能直接报到省里不', '初审不通过的话可以直接交省厅不', '市里没推荐上，能直接报到省里吗'])('%s', (q) => {
    expect(body(q)).toMatch(/^不能直接报省厅。/u);
    expect(ask(q).citations.map((c) => c.clause)).toContain('四(三)');
  });

  it('keeps who recommends, and the evaluation results out of scope (near-misses)', () => {
    expect(body('最后是谁把企业推荐到省工信厅')).toMatch(/^由企业所在地的工业和信息化主管部门推荐/u);
    expect(body('评审不通过能申诉吗')).toMatch(/^《通知》没有涉及评审结果的申诉或复议/u);
    expect(body('初审没通过怎么办')).toMatch(/^通知没有规定。四\(三\)/u);
  });
});

describe('who does the 初审, asked of a place with a quota of its own', () => {
  // A place named beside 给谁/谁初审 asks who reviews, not how many the place may recommend.
  it.each(['航空港区的企业，材料先给谁初审', '洛阳的企业材料先给谁初审', '县里的企业材料给谁初审', '申报书递给谁审核'])('%s', (q) => {
    expect(body(q)).toMatch(/^由所在地工业和信息化主管部门初审：/u);
    expect(ask(q).citations.map((c) => c.clause)).toContain('四(三)');
  });

  it('keeps the quota asked of the place (near-misses)', () => {
    expect(body('航空港区能推荐几家')).toMatch(/^航空港区属于“其他省辖市、济源示范区、航空港区”这一档，本次申报推荐企业不多于10家/u);
    expect(body('济源示范区能推荐几家')).toMatch(/^济源示范区属于/u);
  });
});

describe('two forms handed in at once', () => {
  // 交 says the applying as 报 does: one form a year, 四(一).
  it.each(['一家企业能同时交附件1和附件2吗', '附件1附件3能同时交吗', '一个企业同时交两个车间的材料行吗', '车间和工厂的材料能一起交吗'])('%s', (q) => {
    expect(body(q)).toMatch(/^不能(?:同时报两个)?。每家企业当年限报1个/u);
    expect(ask(q).citations.map((c) => c.clause)).toContain('四(一)');
  });

  it('leaves what is handed in together to its own entries (near-misses)', () => {
    expect(body('纸质版和电子版要同时交吗')).toMatch(/^通知没有要求报送纸质材料/u);
    expect(body('附件1和附件2有什么区别')).toMatch(/^不一样，按申报方向各用一份/u);
  });
});
