import { describe } from 'vitest';
import { serveForFile } from './serve';
import { blindRoundTests, type Measured } from './blind-interview';
import { BLIND_ENTERPRISES_13 } from '../fixtures/blind-enterprises13';

/*
 * The thirteenth blind round, interviewed over the real socket in the enterprises' own typed replies (see the fixture).
 * Measured: replies taken on the first try with the enterprise's value, of the typed replies, and the messages typed while
 * a question waited that were handled as their kind says. The figures are the ones measured after the fixes they led to.
 */
const srv = serveForFile();

/*
 * Before any work on them the first thirteen took 407 of 413 typed replies and handled all six messages typed while a question
 * waited: 「有视觉检测 外观不中自己挑出来」 was stored as no inspection (Henan 不中 read as a no) and 「木有码」 as codes in place
 * (the no running into 有码), which put two verdicts off; 「否」 was not taken as no title held, and 辣条 and 玉雕 named no trade.
 * The last three, written after those fixes, took 84 of 88 and all four messages: 「前年上过税收黑名单，现在还木移出」 was stored as
 * not listed (木 before 移 not read as 没), which made an ineligible plant eligible; 「没有打通。对了刚才说错了，MES还没上」 took the
 * MES correction but not the answer before it; 「不够的自动剔」 read as a no; 脱水蔬菜 named no trade. After the fixes they led to
 * the round takes the figures below (a trade named with the main business is then recorded and not asked).
 */
const MEASURED: Measured = {
  'M1-中牟汽车内饰件车间': { taken: 30, of: 30, missed: [], wrong: [], before: [0, 0] },
  'M2-博爱玻璃瓶工厂': { taken: 36, of: 36, missed: [], wrong: [], before: [1, 1] },
  'M3-长葛卫浴陶瓷车间': { taken: 33, of: 33, missed: [], wrong: [], before: [0, 0] },
  'M4-漯河召陵辣条车间': { taken: 34, of: 34, missed: [], wrong: [], before: [1, 1] },
  'M5-鹤壁淇滨汽车线束工厂': { taken: 40, of: 40, missed: [], wrong: [], before: [0, 0] },
  'M6-卫辉无纺布车间': { taken: 33, of: 33, missed: [], wrong: [], before: [2, 2] },
  'M7-镇平玉雕亏损': { taken: 13, of: 13, missed: [], wrong: [], before: [0, 0] },
  'M8-林州钢板弹簧车间另一车间有称号': { taken: 31, of: 31, missed: [], wrong: [], before: [0, 0] },
  'M9-范县丙烯酸工厂': { taken: 38, of: 38, missed: [], wrong: [], before: [0, 0] },
  'M10-航空港手机结构件工厂': { taken: 40, of: 40, missed: [], wrong: [], before: [0, 0] },
  // By design: 制冷配件 may be 3464 制冷、空调设备 (34) or parts of household refrigerators (38), so the trade is asked again.
  'M11-睢阳制冷配件车间': { taken: 30, of: 31, missed: ['ent.industryCode 「制冷配件」'], wrong: [], before: [0, 0] },
  'M12-荥阳混凝土机械工厂': { taken: 38, of: 38, missed: [], wrong: [], before: [1, 1] },
  'M13-遂平肉制品车间同时报工厂': { taken: 14, of: 14, missed: [], wrong: [], before: [1, 1] },
  'M14-西峡香菇酱车间': { taken: 34, of: 34, missed: [], wrong: [], before: [3, 3] },
  'M15-孟州汽车差速器工厂': { taken: 39, of: 39, missed: [], wrong: [], before: [0, 0] },
  // The trade named with the main business (「做脱水蔬菜哩」) is recorded then, and not asked (of: 14).
  'M16-杞县脱水蔬菜税收黑名单': { taken: 14, of: 14, missed: [], wrong: [], before: [1, 1] },
};

describe('the thirteenth blind round, in the enterprises\' own typed replies', () => {
  blindRoundTests(srv, BLIND_ENTERPRISES_13, MEASURED, {
    title: 'reads 497 of the round\'s 498 typed replies right on the first try, and all ten messages typed while a question waited',
    taken: [497, 498],
    before: [10, 10],
  });
});
