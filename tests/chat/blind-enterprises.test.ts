import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { interviewBlind, type Got } from './blind-interview';
import { BLIND_ENTERPRISES } from '../fixtures/blind-enterprises';
import { BLIND_ENTERPRISES_2 } from '../fixtures/blind-enterprises-2';
import { BLIND_ENTERPRISES_3 } from '../fixtures/blind-enterprises-3';
import { BLIND_ENTERPRISES_4 } from '../fixtures/blind-enterprises-4';
import { BLIND_ENTERPRISES_5 } from '../fixtures/blind-enterprises-5';
import { BLIND_ENTERPRISES_6 } from '../fixtures/blind-enterprises-6';
import { BLIND_ENTERPRISES_7 } from '../fixtures/blind-enterprises-7';
import { BLIND_ENTERPRISES_8 } from '../fixtures/blind-enterprises-8';
import { BLIND_ENTERPRISES_9 } from '../fixtures/blind-enterprises-9';
import { BLIND_ENTERPRISES_10 } from '../fixtures/blind-enterprises-10';
import { BLIND_ENTERPRISES_12 } from '../fixtures/blind-enterprises12';

/*
 * The blind rounds: enterprises written before any tuning against them, interviewed over the real
 * socket in their own typed replies. A reply that is not taken is followed by the structured answer, so
 * the interview goes on with the enterprise's facts; a reply taken with a wrong value is left as stored,
 * so a misreading shows in the verdict. The figures are the ones measured after the fixes they led to.
 */
const srv = serveForFile();

/**
 * Measured: replies taken on the first try with the enterprise's value, of the typed replies; the replies
 * asked again, and those stored with another value. Left as they are by design: a hedged 「应该没有吧」 and a
 * standing claimed only for a region (「在俺们长垣这一片算先进的」) are asked again rather than read as an answer.
 * A paper or spreadsheet practice described in place of the system (「试验数据还在excel里」) is read as no system.
 * The first round took 218 of 256 before the fixes it led to. The second round took 265 of 289 before any
 * work on it (six values stored wrong, two verdicts wrong), 271 of 289 once an answer beside a question and
 * an answer confined to one line were read (four values wrong; 「化纤，尼龙66」 read as division 66 made one
 * verdict wrong), and the figures below after the fixes it led to.
 * The third round took 232 of 263 before any work on it (21 asked again, ten replies stored with another
 * value, four verdicts wrong) and 243 of 263 after the fixes it led to, with two verdicts still off; the fourth
 * round's fixes brought it to 253 of 264 (制鞋's production mode is asked now), with one value wrong and no
 * verdict off. The fourth round took 234 of 263 before any work on it (15 asked again, 14 replies stored with
 * another value and one more in passing, an instruction recorded as an answer, six of eight verdicts wrong) and
 * the figures below after the fixes it led to (264 typed replies: 皮革鞣制's production mode is asked now).
 * The fifth round took 216 of 247 before any work on it (27 asked again, eight values stored wrong, a figure taken
 * back and a correction of an earlier answer among them, four of eight verdicts off) and the figures below after
 * the fixes it led to; the other rounds' figures did not change with them.
 * The sixth round took 209 of 239 before any work on it (26 asked again, six values stored wrong, four messages typed
 * while a question waited recorded as answers, four of eight verdicts off: 「没有就报这一个」 read as a second application
 * ended one interview at the hard conditions). Its fixes took 「那肯定」 and 「算」 alone in D3 and F5, 「就一个厂」 in D1,
 * 「实时看」 and 「有码」 in D2 and a trace back in F4, and read D6's try at AI as no use.
 * The seventh round took 217 of 236 before any work on it (13 asked again, five values stored wrong, four of seven verdicts
 * off) and the figures below after the fixes it led to. Those fixes also took a practice by hand described in C5, F4, G5
 * and G6, G6's pilot on one mill as no use (its verdict now the notice's), F5's automation figure beside the networked
 * one, and G2's networked figure said in passing with the automation one, which is then not asked (of: 35).
 * The eighth round took 197 of 214 before any work on it (15 asked again, two values stored wrong, no verdict off) and
 * the figures below after the fixes it led to. The trade named with the main business (「我们是搞汽车零部件的」) and the
 * 省辖市 of a 县 named as where the enterprise is (「咱是滑县哩」) are now recorded when said, so in every round one to
 * three fewer questions are asked (a smaller `of`, nothing missed that was taken before). Those fixes also read a reply
 * typed without marks as with them, a yes of a practice on paper (「有，纸质的」) as no system, a fast changeover on one line
 * and a slow one on another as partial (H4's 「印刷线换单快 模切糊盒换型还得半天」), 「不敢说先进」 as a modest no (G5) and two
 * workshops handed in together as a second application (D8).
 * The ninth round took 187 of 195 before any work on it (seven asked again, one value stored wrong and another in passing,
 * 「下面两个分厂」 read as the applicant being a branch; a question about applying in the head office's name stored as the
 * answer; two verdicts off) and the figures below after the fixes it led to. Those fixes read a
 * hedged no with the work described as done by hand as no system (I4's 「应该没有，窑温还是看火工调」 too), no longer take
 * 「独立法人」 as an answer to the group question (so H1's is asked), record a 市辖区's 省辖市 said in passing, record the
 * trade and mode typed while a question answered in words waits (D6's 「有色冶炼」 gives its mode), and take no answer
 * from a question about a way of applying the notice rules out.
 * The tenth round took 197 of 205 before any work on it (eight asked again, 「MES跟ERP还没连一块」 stored as no MES and
 * ERP, two corrections of a credit list naming it while another question waited not taken: three of seven verdicts off,
 * two of them ineligible on a listing corrected) and the figures below after the fixes it led to. Those fixes change an
 * item a reply names with a correction (「对了前面失信被执行人我打错了，应该是没有」), read a hedged no with evidence of good
 * standing as a no (J2's 「应该没有，纳税信用A级」 is taken now), and read systems said not yet joined as in place.
 * The round after (L, in blind-enterprises12) took 246 of 258 before any work on it (eleven asked again: Henan's closing
 * 哩/嘞/咧/嘛 in 「是嘛」「有嘛」「算咧」「就报这一个嘞」, 「木评过」, 「中 按批次能查」, 「一般」 to a self-assessment, 「都连一块了」,
 * 钢卷尺 and 丁腈手套 as trades, an Andon described by its button; 「７成」 stored as 7; no verdict off) and the figures below
 * after the fixes it led to. Those fixes also took D1's 「中，专门做钢丝绳的」, K5's 「中 每批都能查」 and the 「算」 opening
 * F1's and K1's self-assessments, each an answer word that is its reply's whole first clause.
 * Where a value stored wrong changes the outcome, `off`
 * records what the code concludes in place of the notice's expectation, which stays in the fixture; an
 * `off` field must differ from the expectation, so a fix that restores the notice's outcome fails here
 * until the entry is brought up to date.
 */
const MEASURED: Record<string, { taken: number; of: number; missed: string[]; wrong: string[]; off?: Partial<Got> }> = {
  'B1-内黄建筑陶瓷车间': { taken: 32, of: 32, missed: [], wrong: [] },
  'B2-商水印染工厂': { taken: 36, of: 37, missed: ['cap.rto 「RTO没听说过，应该没有吧」'], wrong: [] },
  'B3-武陟中药饮片车间': { taken: 33, of: 33, missed: [], wrong: [] },
  'B4-新乡正极材料工厂': { taken: 38, of: 38, missed: [], wrong: [] },
  'B5-中牟收割机工厂有车间称号': { taken: 39, of: 39, missed: [], wrong: [] },
  'B6-驻马店饲料车间': { taken: 32, of: 32, missed: [], wrong: [] },
  'B7-林州铝型材亏损': { taken: 13, of: 13, missed: [], wrong: [] },
  'B8-焦作轮胎已获智能工厂': { taken: 15, of: 15, missed: [], wrong: [] },
  'C1-汝阳乳品工厂': { taken: 38, of: 38, missed: [], wrong: [] },
  'C2-邓州造纸工厂': { taken: 38, of: 38, missed: [], wrong: [] },
  'C3-濮阳煤化工子公司': { taken: 37, of: 37, missed: [], wrong: [] },
  'C4-长垣起重机车间': { taken: 28, of: 29, missed: ['self.automationAdvanced 「在俺们长垣这一片算先进的」'], wrong: [] },
  'C5-郑州电动自行车工厂': { taken: 39, of: 39, missed: [], wrong: [] },
  'C6-许昌变压器车间': { taken: 31, of: 31, missed: [], wrong: [] },
  'C7-开封流量计车间': { taken: 31, of: 31, missed: [], wrong: [] },
  'C8-周口服装浙江分厂': { taken: 14, of: 14, missed: [], wrong: [] },
  'C9-平顶山尼龙税收黑名单': { taken: 15, of: 15, missed: [], wrong: [] },
  'D1-偃师钢丝绳车间': {
    taken: 29,
    of: 30,
    missed: ['cap.scada 「设备状态、断丝报警都在大屏上看」'],
    wrong: [],
  },
  'D2-漯河啤酒酿造车间': { taken: 33, of: 33, missed: [], wrong: [] },
  'D3-航空港光伏组件工厂': { taken: 42, of: 42, missed: [], wrong: [] },
  'D4-固始医疗器械工厂': {
    taken: 37,
    of: 39,
    missed: [
      'cap.securityPolicy 「制度有个初稿吧，还没正式发」',
      'cap.predictiveMaintenance 「注塑机厂家远程监测，能提前预警」',
    ],
    wrong: [],
  },
  'D5-新乡锂电隔膜子公司': { taken: 39, of: 39, missed: [], wrong: [] },
  // The mode named with the trade (「有色冶炼」) is recorded then, and not asked; 氧化铝 names division 32 since the
  // interview reads the trade names of industries.json.
  'D6-渑池氧化铝工厂': { taken: 38, of: 38, missed: [], wrong: [] },
  'D7-鹤壁电缆集团名义': { taken: 14, of: 14, missed: [], wrong: [] },
  // 制鞋 shares division 19 with 皮革鞣制, a process, so the production mode is asked now (of: 17).
  'D8-睢县制鞋两个车间同报': {
    taken: 14,
    of: 14,
    missed: [],
    wrong: [],
  },
  'E1-孟州皮革鞣制车间': { taken: 32, of: 32, missed: [], wrong: [] },
  'E2-洛阳电解铜箔子公司工厂': {
    taken: 38,
    of: 39,
    missed: [],
    // Without effect on the verdict: 三(三)3 is unmet anyway for want of RTO. The monitoring in place is named by no system word.
    wrong: ['cap.emergencyCommand 「硫酸雾有在线监测，应急指挥系统还在招标」 → "building"'],
  },
  'E3-郑州空压机工厂有车间称号': {
    taken: 39,
    of: 40,
    missed: ['cap.predictiveMaintenance 「俺们卖出去的空压机有远程监测，厂里自己的设备还没弄」'],
    wrong: [],
  },
  'E4-项城味精工厂': { taken: 38, of: 38, missed: [], wrong: [] },
  'E5-济源锻件车间': { taken: 30, of: 30, missed: [], wrong: [] },
  'E6-驻马店专用车工厂': { taken: 39, of: 39, missed: [], wrong: [] },
  'E7-永城面粉失信被执行人': { taken: 14, of: 14, missed: [], wrong: [] },
  'E8-郑州粮油贸易公司': { taken: 16, of: 16, missed: [], wrong: [] },
  'F1-郑州盾构机工厂': { taken: 39, of: 39, missed: [], wrong: [] },
  // A condition set up only in the question after the answer is that question's premise: the answer stands.
  'F2-沈丘PVC管材安徽注册': { taken: 17, of: 17, missed: [], wrong: [] },
  // F3: 尿素 is read as a trade of 26 in passing, so the industry is not asked.
  'F3-浚县尿素工厂': { taken: 37, of: 37, missed: [], wrong: [] },
  'F4-辉县紧固件车间': {
    taken: 24,
    of: 28,
    missed: [
      'cap.securityProtection 「俺不懂这，就电脑上装了个杀毒的」',
      'cap.erp 「进货出货、订单、记账都在一个软件上弄，会计管着」',
      'cap.autoId 「每箱货都贴个小方块码，拿手机一扫啥都知道」',
      'cap.onlineInspection 「每个螺丝过机器拍照，尺寸不中的自个儿就挑出去了」',
    ],
    wrong: [],
  },
  // Its opening paragraph answers basic questions in passing (the three credit lists among them), which are then not asked.
  // The long reply at the automated lines answers them (the lines described in clauses of their own) and records its
  // systems in passing, 「俩系统通了，但是采集的数据还没接进MES」 as MES and ERP joined, the collected data not: partial.
  'F5-沁阳炭素焙烧车间': { taken: 14, of: 14, missed: [], wrong: [] },
  // The answer before the LIMS correction, said in a sentence of its own, is kept beside it.
  'F6-新乡冰箱子公司工厂': {
    taken: 38,
    of: 39,
    missed: ['cap.qualityTraceability 「每台冰箱有条码，能追到压缩机批次」'],
    wrong: [],
  },
  'F7-漯河方便面车间': { taken: 34, of: 34, missed: [], wrong: [] },
  'F8-南阳卫材严重违法失信': { taken: 15, of: 15, missed: [], wrong: [] },
  'G1-汝州玻璃纤维工厂': { taken: 36, of: 36, missed: [], wrong: [] },
  // The networked figure said with the automation one is recorded then, and not asked (of: 35).
  'G2-西峡中成药提取车间': { taken: 32, of: 32, missed: [], wrong: [] },
  'G3-航空港动力电池PACK车间': { taken: 32, of: 32, missed: [], wrong: [] },
  'G4-焦作钛白粉工厂': { taken: 38, of: 38, missed: [], wrong: [] },
  // The automated lines are asked now that the network reply no longer records them missing (of: 32).
  'G5-长葛减速机车间': {
    taken: 28,
    of: 28,
    missed: [],
    wrong: [],
  },
  'G6-洛阳矿山机械工厂': { taken: 40, of: 40, missed: [], wrong: [] },
  'G7-兰考民族乐器车间': { taken: 29, of: 30, missed: ['cap.onlineInspection 「音准是老师傅耳朵听的 调音器也是拿手里测」'], wrong: [] },
  'G8-商丘卷烟厂分公司': { taken: 15, of: 15, missed: [], wrong: [] },
  // 「是独立法人」 no longer answers the group question, which is asked (of: 34).
  'H1-安阳炼钢连铸工厂': { taken: 35, of: 35, missed: [], wrong: [] },
  'H2-新蔡刨花板车间': { taken: 36, of: 36, missed: [], wrong: [] },
  'H3-清丰定制家具工厂': { taken: 38, of: 38, missed: [], wrong: [] },
  'H4-巩义包装印刷车间': { taken: 30, of: 30, missed: [], wrong: [] },
  'H5-平顶山焦化工厂': { taken: 38, of: 38, missed: [], wrong: [] },
  'H6-滑县再生塑料造粒车间': { taken: 32, of: 32, missed: [], wrong: [] },
  'H7-潢川木门车间同一车间再报': { taken: 15, of: 15, missed: [], wrong: [] },
  'I1-许昌发制品车间': { taken: 29, of: 29, missed: [], wrong: [] },
  'I2-西峡汽车零部件工厂': { taken: 35, of: 35, missed: [], wrong: [] },
  'I3-鹿邑白酒酿造车间': { taken: 34, of: 34, missed: [], wrong: [] },
  'I4-新密耐火材料工厂': { taken: 38, of: 38, missed: [], wrong: [] },
  'I5-南阳光学镜片工厂': { taken: 39, of: 39, missed: [], wrong: [] },
  'I6-禹州钧瓷个人独资': { taken: 14, of: 14, missed: [], wrong: [] },
  'I7-罗山茶叶今年已报车间': { taken: 13, of: 13, missed: [], wrong: [] },
  'J1-南阳电机车间': { taken: 31, of: 31, missed: [], wrong: [] },
  'J2-永城水泥工厂': { taken: 37, of: 37, missed: [], wrong: [] },
  'J3-汤阴农药车间': { taken: 32, of: 32, missed: [], wrong: [] },
  'J4-伊川轴承工厂': { taken: 37, of: 37, missed: [], wrong: [] },
  'J5-鹤壁印制电路板车间': { taken: 32, of: 32, missed: [], wrong: [] },
  'J6-开封阀门总公司名义': { taken: 14, of: 14, missed: [], wrong: [] },
  'J7-柘城金刚石微粉停产': { taken: 13, of: 13, missed: [], wrong: [] },
  'K1-济源铅蓄电池组装车间': { taken: 32, of: 32, missed: [], wrong: [] },
  // The correction of the 失信被执行人 answer is taken, so the interview goes on past the hard conditions (of: 31).
  'K2-信阳平桥羽绒制品车间': { taken: 31, of: 31, missed: [], wrong: [] },
  'K3-栾川钼冶炼工厂': { taken: 36, of: 36, missed: [], wrong: [] },
  'K4-尉氏棉纺纱工厂': { taken: 37, of: 37, missed: [], wrong: [] },
  // 「自动化哩」 reads as 「自动化的」, a yes, since a closing 哩 is often the 的 of a statement.
  'K5-灵宝浓缩苹果汁车间': { taken: 32, of: 32, missed: [], wrong: [] },
  'K6-西平编织袋已获工厂报车间': { taken: 15, of: 15, missed: [], wrong: [] },
  // By design: a reply about the warehouse typed while the AGV question waits records the warehouse and asks again.
  'K7-郑州惠济电梯工厂': { taken: 37, of: 38, missed: ['cap.agvRgv 「立体库有的，四层的」'], wrong: [] },
  'L1-新郑速冻水饺车间': { taken: 33, of: 33, missed: [], wrong: [] },
  'L2-洛阳涧西数控机床工厂': { taken: 39, of: 39, missed: [], wrong: [] },
  'L3-新乡血液制品工厂': { taken: 39, of: 39, missed: [], wrong: [] },
  // The trade named with the main business (「专门做钢卷尺」) is recorded then, and not asked (of: 28).
  'L4-虞城钢卷尺车间': { taken: 28, of: 28, missed: [], wrong: [] },
  'L5-太康锅炉工厂': { taken: 38, of: 38, missed: [], wrong: [] },
  'L6-正阳花生油压榨车间': { taken: 33, of: 33, missed: [], wrong: [] },
  'L7-濮阳华龙石油机械车间': { taken: 32, of: 32, missed: [], wrong: [] },
  // The trade named with the main business (「做丁腈手套」) is recorded then, and not asked (of: 14).
  'L8-台前丁腈手套合伙企业': { taken: 14, of: 14, missed: [], wrong: [] },
};

describe('the blind rounds, in the enterprises\' own typed replies', () => {
  for (const e of [...BLIND_ENTERPRISES, ...BLIND_ENTERPRISES_2, ...BLIND_ENTERPRISES_3, ...BLIND_ENTERPRISES_4, ...BLIND_ENTERPRISES_5, ...BLIND_ENTERPRISES_6, ...BLIND_ENTERPRISES_7, ...BLIND_ENTERPRISES_8, ...BLIND_ENTERPRISES_9, ...BLIND_ENTERPRISES_10, ...BLIND_ENTERPRISES_12]) {
    it(`${e.id}: the replies taken on the first try, and the verdict the notice gives`, async () => {
      const run = await interviewBlind(srv.url, srv.http, e);
      const got = run.got;
      // Questions, instructions and hedges typed while a question waits record nothing, and the question waits on.
      expect.soft(run.beforeWrong).toEqual([]);
      expect.soft(run.unanswered).toEqual([]);
      const m = MEASURED[e.id]!;
      // The notice's outcome, or where a stored misreading changes it, the outcome measured (`off`).
      for (const [k, v] of Object.entries(m.off ?? {})) expect(v, `off.${k} repeats the expectation`).not.toEqual(e.expected[k as keyof typeof e.expected]);
      expect.soft(got).toMatchObject({ ...e.expected, ifEligible: e.expected.ifEligible ?? got.ifEligible, ...m.off });
      expect({ taken: run.taken, of: run.of, missed: run.missed, wrong: run.wrong }).toEqual({ taken: m.taken, of: m.of, missed: m.missed, wrong: m.wrong });
    }, 240_000);
  }
});
