import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const { phone } = kb.data.facts.contact;

describe('a what-is question about a term the notice never uses', () => {
  it.each(['工业互联网平台是什么意思', '灯塔工厂是什么意思？', '什么是“灯塔工厂”'])('%s is told the notice does not use the term, with the helpline', (q) => {
    const r = ask(q);
    expect(r.outOfScope).toBe(true);
    expect(r.answer).toMatch(/^《通知》没有使用“(工业互联网平台|灯塔工厂)”这一用语/u);
    expect(r.answer).toContain(phone);
    // Not the other-programme refusal, and not the notice's own 智能工厂 definition.
    expect(r.answer).not.toContain('其他项目');
    expect(r.answer).not.toContain('集成优化');
  });

  it.each([
    ['单体企业是什么意思', '独立法人'], // a lexicon synonym of the notice's 单体制造业企业
    ['MES系统是什么意思', '制造执行系统'],
    ['省内行业先进水平是什么意思', '没有给出数值'], // the notice's own wording
    ['智能工厂是什么意思', '集成优化'],
    ['区块链是什么意思', '没有点名'], // an answer-base phrasing names it
  ])('%s is answered from what the product knows', (q, said) => {
    const r = ask(q);
    expect(r.outOfScope).toBe(false);
    expect(r.answer).toContain(said);
  });

  it('does not take a pointer to something said for a term', () => {
    expect(ask('这句话是什么意思').answer).not.toContain('这一用语');
  });
});

describe('questions asked the way callers ask them', () => {
  it('answers who reviews first with the 初审, not with where to submit', () => {
    const r = ask('交了以后，是谁先审');
    expect(r.answer.split('\n')[0]).toMatch(/^由所在地工业和信息化主管部门初审/u);
    expect(r.citations[0]!.clause).toBe('四(三)');
  });

  it('answers whether software counts as investment with yes, from the form cell', () => {
    const r = ask('买的软件能不能算进投资');
    expect(r.answer).toMatch(/^能。/u);
    expect(r.citations.map((c) => c.clause)).toEqual(['附件2.一(二)', '附件3.一(二)']);
    expect(ask('软件投入算不算智能化改造投资').answer).toMatch(/^能。/u);
  });

  it('says the notice leaves buildings open, and who confirms', () => {
    const r = ask('盖厂房的钱能算投资吗');
    expect(r.answer).toMatch(/^通知没有规定。/u);
    expect(r.answer).toContain(phone);
    expect(r.answer.match(new RegExp(phone, 'gu'))).toHaveLength(1);
  });

  it('answers an industry named as context before a short question about that industry', () => {
    const r = ask('我们是做铝型材的，能报哪个');
    expect(r.answer).toContain('第32大类');
    expect(r.answer).toContain('铝型材');
  });

  it('does not make another title a condition of applying', () => {
    for (const q of ['必须是高新技术企业吗', '没有专精特新称号能报吗']) {
      const r = ask(q);
      expect(r.outOfScope, q).toBe(false);
      expect(r.answer, q).toMatch(/^不需要，没有也可以申报：通知的申报条件（二）和要素条件（三）都没有要求/u);
      expect(r.citations[0]!.clause).toBe('二(一)');
    }
    // How to apply for the other title stays outside the notice.
    expect(ask('专精特新怎么申报').outOfScope).toBe(true);
  });

  it('does not answer a photo-detail question with the photo count as a 要', () => {
    const r = ask('照片要不要带水印');
    expect(r.answer).toMatch(/^通知没有规定照片要带水印/u);
    expect(r.answer).toContain('屏幕截图');
  });

  it('answers a seal in place of a signature as open, not with the contact cells', () => {
    const r = ask('企业负责人签字可以用签名章吗');
    expect(r.answer).toMatch(/^通知没有规定。/u);
    expect(r.answer).toContain('法定代表人签字');
  });

  it.each(['附件1和附件2有什么不同', '工厂和车间的申报书有啥区别', '车间的表和工厂的表填法一样吗'])('%s: how the forms differ, with what each is for', (q) => {
    const a = ask(q).answer;
    expect(a).toMatch(/^不一样，按申报方向各用一份：智能车间用附件1/u);
    expect(a).toContain('“技术水平”');
    expect(a).toContain('企业在智能制造方面取得的专利');
  });

  it.each([
    ['济源的名额跟县里一样吗', /^不一样。济源示范区.*不多于10家.*每个县（市）.*不多于5家/u],
    ['济源和县的名额一样吗', /^不一样。济源示范区.*不多于10家.*每个县（市）.*不多于5家/u],
    ['开封和济源名额一样吗', /^一样，都是不多于10家。/u],
    ['兰考县和开封市名额有区别吗', /^不一样。兰考县.*不多于5家.*开封市.*不多于10家/u],
    ['航空港区跟郑州市名额是分开的吗', /^是，通知对航空港区和郑州市分别规定了推荐数量。/u],
    // A 市辖区 beside its own 省辖市 has no quota of its own; a 县 beside its 省辖市 has.
    ['金水区和郑州市的名额是分开算的吗', /^不是分开算的。金水区是郑州市的市辖区：.*在郑州市不多于20家之内。/u],
    ['偃师区跟洛阳市名额单独算吗', /^不是分开算的。偃师区是洛阳市的市辖区：.*在洛阳市不多于15家之内。/u],
    ['兰考和开封的名额是分开算的吗', /^是，通知对兰考县和开封市分别规定了推荐数量。/u],
    // Asked as a choice, the choice is named rather than 是.
    ['长垣市属于新乡的，名额算新乡的还是单独算', /^分开算：通知对长垣市和新乡市分别规定了推荐数量。/u],
    ['兰考的名额是单独的还是算开封的', /^分开算：通知对兰考县和开封市分别规定了推荐数量。/u],
    // Asked whether one's quota is counted in another's: each has its own line, and of a county the notice never says it is counted in its city's.
    ['巩义的名额算郑州的吗', /^不算在一起，各算各的：通知对巩义市和郑州市分别规定了推荐数量.*通知没有写县（市）推荐的企业要计入所在省辖市的名额.*65507698.*巩义市.*不多于5家.*郑州市.*不多于20家/u],
    ['兰考推荐的企业占不占开封的名额', /^不算在一起，各算各的：通知对兰考县和开封市分别规定了推荐数量.*通知没有写县（市）/u],
    ['邓州推荐的算南阳的吗', /^不算在一起，各算各的：通知对邓州市和南阳市分别规定了推荐数量.*不多于15家/u],
    ['长垣推的企业算不算新乡的名额', /^不算在一起，各算各的：通知对长垣市和新乡市/u],
    ['航空港区的名额算郑州的吗', /^不算在一起，各算各的：通知对航空港区和郑州市分别规定了推荐数量，各由本级工业和信息化主管部门初审、现场核查后择优向省工业和信息化厅推荐。航空港区/u],
    // Asked which has more, said with or without a quota word: the larger named, both figures, the difference.
    ['郑州和洛阳谁多', /^郑州市的多：郑州市不多于20家，洛阳市不多于15家，多5家。/u],
    ['郑州跟洛阳哪个名额多', /^郑州市的多：郑州市不多于20家，洛阳市不多于15家，多5家。/u],
    ['新乡和焦作谁能推的多', /^新乡市的多：新乡市不多于15家，焦作市不多于10家，多5家。/u],
    ['洛阳比商丘多几家', /^洛阳市的多：洛阳市不多于15家，商丘市不多于10家，多5家。/u],
    ['航空港区跟兰考比 谁的推荐名额多', /^航空港区的多：航空港区不多于10家，兰考县不多于5家，多5家。/u],
    ['县里跟济源谁少', /^济源示范区的多：济源示范区不多于10家，各县（市）不多于5家，多5家。/u],
  ])('%s compares the quotas it names before stating them', (q, answer) => {
    const a = ask(q).answer;
    expect(a).toMatch(answer);
    // Only a county's quota needs the note that the notice does not say it is counted in its city's.
    if (!/县|兰考|巩义|邓州|长垣/u.test(q)) expect(a).not.toContain('通知没有写县（市）');
    // 「跟县里」 is the counties spoken of, not a county named 「…跟县」.
    expect(a).not.toMatch(/名额跟县|名额和县/u);
  });

  it.each([
    ['我们在新乡，名额几个？推荐要走哪一级', '新乡市'],
    ['我们在新乡 推荐要走哪一级 名额几个', '新乡市'],
    ['推荐要走哪一级？我们在洛阳，能推几家', '洛阳市'],
  ])('%s: the quota part is of the place another part names, and the level part is answered too', (q, city) => {
    const a = ask(q).answer.split('\n依据')[0]!;
    expect(a).toMatch(new RegExp(`${city}属于“洛阳市、新乡市、南阳市”这一档，本次申报推荐企业不多于15家`, 'u'));
    expect(a).toContain('择优向省工业和信息化厅推荐');
    // The whole table is not the answer when a place is named.
    expect(a).not.toContain('各地推荐数量');
  });

  it('leaves a quota part with a subject of its own, and a question naming no place, as they were', () => {
    expect(ask('郑州能推几家？县里呢').answer).toMatch(/2\. 县里能推几家？每个县（市）本次申报推荐企业不多于5家/u);
    expect(ask('名额几个？推荐要走哪一级').answer).toContain('各地推荐数量');
  });

  it('answers what the twenty-fifth set found: a voice-typed 王站, the seal pages said as 要盖章的那几页, what follows a recommendation, scores and leasing', () => {
    expect(ask('俺家厂子在鹤壁做食品的想报智能车间要去哪个王站上传材料').answer).toContain('河南省智能制造服务平台');
    const seals = ask('申报书要盖章的那几页是扫描进去还是拍个照片就中').answer;
    expect(seals).toContain('签字盖章页');
    expect(seals).not.toMatch(/^至少要10张/u);
    expect(ask('推荐到省里以后 企业咋知道评没评上').answer).toMatch(/^通知没有规定省里怎样评审/u);
    expect(ask('被市里推荐上去了 是不是就算评上智能车间了').answer).toMatch(/^通知没有规定省里怎样评审/u);
    for (const q of ['专家打分表里系统集成占几分', '智能装备这一项权重多少', '智能化改造的设备能走融资租赁吗']) expect([q, ask(q).outOfScope]).toEqual([q, true]);
    // Sharing words, asking what the notice says: photos, a preference asked as 加分, a title held.
    expect(ask('申报书里要放多少张照片').answer).toMatch(/^至少要10张/u);
    expect(ask('有专利能加分吗').answer).toMatch(/^通知没有规定评分或加分办法/u);
    expect(ask('推荐单位有哪些').answer).toMatch(/^由企业所在地的工业和信息化主管部门推荐/u);
  });

  it('keeps 一样/不一样 for a comparison that does not ask which is more, and leaves a comparison of other things alone', () => {
    expect(ask('郑州和洛阳名额一样吗').answer).toMatch(/^不一样。郑州市本次申报推荐企业不多于20家/u);
    expect(ask('开封和济源谁多').answer).toMatch(/^一样，都是不多于10家。/u);
    expect(ask('郑州和洛阳各能推几家').answer).not.toMatch(/的多：/u);
    expect(ask('离散型和流程型谁的要求多').answer).not.toMatch(/的多：|不多于\d+家/u);
    // Two categories asked which has the larger quota: the notice gives them none apart.
    expect(ask('车间和工厂哪个名额多').answer).toMatch(/^通知没有分开规定/u);
    // A district asked alone is answered as before, with its city's quota.
    expect(ask('金水区能推几家').answer).toMatch(/^金水区是郑州市的市辖区，通知没有为市辖区单列名额/u);
  });

  it.each(['巩义市算县还是算郑州', '汝州的企业报到哪里'])('%s: which level a county-level city applies through is open, with whom to ask', (q) => {
    const a = ask(q).answer;
    expect(a).toMatch(/^通知没有具体规定企业向哪一级提交/u);
    expect(a).toContain(phone);
  });

  it.each([
    ['推荐汇总表要盖章吗', /^通知没有附推荐汇总表的格式，也没有规定它怎样填写、是否盖章/u],
    ['现场核查要写报告吗', /^通知没有规定现场核查的内容和程序/u],
    ['推荐超了怎么办', /^超出部分无效/u],
    ['推荐库在哪里', /^上传至平台的“推荐库”/u],
    ['初审不通过要告诉企业吗', /^通知没有规定初审结果或是否推荐怎样告知企业/u],
    ['企业什么时候开始可以在平台提交', /^通知没有写明平台开始受理的日期/u],
    ['智能工厂建设什么时候开始算', /^填智能工厂建设的起止日期/u],
  ])('a bureau or timing question gets its own answer: %s', (q, opening) => {
    const r = ask(q);
    expect(r.answer).toMatch(opening);
    // Never the deadline or a bare 会 for a question the notice leaves open.
    expect(r.answer).not.toMatch(/^(会。|3月15日前：)/u);
  });

  it('does not give one factory category a verdict written for the other', () => {
    const sis = ask('安全仪表系统离散型要吗');
    expect(sis.answer).toMatch(/^不要求：离散型智能工厂的要素条件（三\(二\)）没有提到安全仪表系统，这是流程型智能工厂的要求。/u);
    expect(ask('离散型要DCS吗').answer).toMatch(/^不要求：离散型智能工厂的要素条件（三\(二\)）没有提到DCS，/u);
    expect(ask('离散型智能工厂要建在线应急指挥联动系统吗').answer).toMatch(/^不要求：离散型智能工厂的要素条件（三\(二\)）没有提到在线应急指挥联动系统，/u);
    // Asked of something no lexicon concept names, it is only said whose requirement the answer is.
    expect(ask('离散的要不要实时质量预警').answer).toMatch(/^这是流程型智能工厂（三\(三\)）的要求；离散型智能工厂的要求见三\(二\)。/u);
    // A workshop is a category too, and an entry on two other categories' clauses counts.
    expect(ask('智能车间要安全仪表系统吗').answer).toMatch(/^不要求：智能车间的要素条件（三\(一\)）没有提到安全仪表系统，这是流程型智能工厂的要求。/u);
    expect(ask('智能车间要不要数字化设计软件').answer).toMatch(/^不要求：智能车间的要素条件（三\(一\)）没有提到数字化设计软件，/u);
    expect(ask('流程型要质量追溯吗').answer).toMatch(/^不要求：流程型智能工厂的要素条件（三\(三\)）没有提到质量追溯，这是智能车间、离散型智能工厂的要求。/u);
    // 「流程行业的车间」 asks about a workshop in a process industry, which 三(一)4 answers as written.
    expect(ask('流程行业的生产线智能化运行怎么要求').answer).toMatch(/^流程型行业的车间要应用智能仪表/u);
    // Asked of its own category, the verdict stands, and names the category.
    expect(ask('流程型智能工厂要有SIS吗').answer).toMatch(/^是（流程型智能工厂）。/u);
    // Asked of no category, each category's reading comes first.
    expect(ask('能源管理系统是必须的吗').answer).toMatch(/^要看申报哪一类：流程型智能工厂要（三\(三\)4）；智能车间、离散型智能工厂的要素条件（三\(一\)、三\(二\)）没有点名能源管理系统。/u);
  });

  it.each([
    ['车间已经是省级智能车间了，还能用同一个车间报工厂吗', /^可以申报智能工厂。/u, '四(一)'], // not the workshop-only 「不能用同一个车间」
    ['今年报车间明年再报工厂行不行', /^可以。每家企业当年限报1个/u, '四(一)'], // not refused as another year
    ['效益指标要第三方证明吗', /^通知没有规定。效益指标表只要求填建设完成前/u, '附件2.一(二)'], // not the list of indicators
    ['资产负债率超过70%能报吗', /^通知没有专门规定。/u, '二(一)'], // not how to fill the cell
    ['我们是失信被执行人，但已经履行完毕了能报吗', /^以“截至申报日”为准/u, '二(四)'], // not a flat 不能
    ['申报书字数有限制吗', /^通知没有规定申报书的总页数或总字数/u, '附件2.一(一)'],
    ['专利要附原件吗', /^通知没有规定。/u, '附件2.四(三)'], // not the 要 of whether patents are attached
  ])('%s', (q, opening, clause) => {
    const r = ask(q);
    expect(r.outOfScope).toBe(false);
    expect(r.answer).toMatch(opening);
    expect(r.citations.map((c) => c.clause)).toContain(clause);
  });

  it('does not let one system\'s 要 or 不要求 answer whether a situation can apply', () => {
    for (const q of ['我们是做食品的，有ERP有MES，能报工厂吗', '我们车间有MES没有WMS，能报哪个？', '有DCS能报流程型吗']) {
      expect(ask(q).answer, q).toMatch(/^能不能报、报哪一类，要对照二的申报条件和三的全部要素条件逐项判断/u);
    }
    // A missing system keeps its own lead, and a 不强制 answers 「没有AGV能报吗」 itself.
    expect(ask('没有MES能报智能车间吗').answer).toMatch(/^没有的话，不符合这一项要素条件/u);
    expect(ask('智能车间没有AGV能报吗').answer).toMatch(/^不强制。/u);
  });
});

describe('a question that names one row of a table is answered with that row', () => {
  it.each(['我们县能推荐几家', '县里能推荐几家企业', '本县名额', '县级市推荐名额是多少'])('%s gets the county quota alone', (q) => {
    const r = ask(q);
    expect(r.answer.split('\n')[0]).toMatch(/^每个县（市）本次申报推荐企业不多于5家/u);
    expect(r.answer.split('\n')[0]).not.toContain('郑州市');
    expect(r.citations.map((c) => c.clause)).toEqual(['四(三)']);
    expect(r.citations[0]!.quote).toContain('各县（市）不多于5家');
  });

  it('still gives the whole table when a question compares counties and cities', () => {
    expect(ask('县和市各推荐几家').answer).toContain('郑州市不多于20家');
    expect(ask('各地推荐名额是多少').answer).toContain('各县（市）不多于5家');
  });

  it.each([
    ['效益表里运营成本的单位', '按万元/天填：效益指标表写的是“运营成本（万元/天）”。', ['运营成本（万元/天）']],
    ['生产效率这一项按什么单位填', '按万元/人/天填：效益指标表写的是“生产效率（万元/人/天）”。', ['生产效率（万元/人/天）']],
    ['不良品率和单位产值能耗的单位分别是什么', '按%填：效益指标表写的是“产品不良品率（%）”。按吨标准煤/万元填：效益指标表写的是“单位产值能耗（吨标准煤/万元）”。', ['产品不良品率（%）…单位产值能耗（吨标准煤/万元）']], // one clause, cited once
  ])('%s gets the units asked for, each with its own cell quoted', (q, first, quotes) => {
    const r = ask(q);
    expect(r.answer.split('\n')[0]).toBe(first);
    expect(r.citations.map((c) => c.quote)).toEqual(quotes);
  });

  it('gives every unit when the question names none', () => {
    const r = ask('效益表里的单位分别是什么');
    for (const u of ['万元/人/天', '万元/天', '吨标准煤/万元']) expect(r.answer.split('\n')[0]).toContain(u);
  });
});

describe('a question whether another category’s system is allowed', () => {
  it('says the notice neither limits nor requires it, instead of a bare 不要求', () => {
    const r = ask('离散型工厂用DCS可以吗');
    expect(r.answer).toMatch(/^通知没有限制，也不作要求：离散型智能工厂的要素条件（三\(二\)）没有提到DCS/u);
    expect(ask('离散型要DCS吗').answer).toMatch(/^不要求：/u);
  });
});

describe('a choice between categories (「…是车间要求还是工厂要求」)', () => {
  it.each([
    ['安灯系统是车间要求还是工厂要求', '安灯系统是离散型智能工厂的要素条件（三(二)3）；智能车间、流程型智能工厂的要素条件没有提到安灯系统。', ['三(二)3']],
    ['能源管理系统是流程型的要求还是离散型的', '能源管理系统是流程型智能工厂的要素条件（三(三)4）；离散型智能工厂的要素条件没有提到能源管理系统。', ['三(三)4']],
    ['APC是车间的要求还是流程型工厂的', 'APC是智能车间、流程型智能工厂都有的要素条件（三(一)4、三(三)3）。', ['三(一)4', '三(三)3']],
    ['MES是车间要求还是工厂要求', 'MES是智能车间、离散型智能工厂的要素条件（三(一)5、三(二)3、三(二)5）；流程型智能工厂的要素条件没有提到MES。', ['三(一)5', '三(二)3', '三(二)5']],
  ])('%s says whose element condition it is, quoting where it is named', (q, first, clauses) => {
    const r = ask(q);
    expect(r.answer.split('。')[0] + '。').toBe(first);
    expect(r.citations.slice(0, clauses.length).map((c) => c.clause)).toEqual(clauses);
    const term = first.split('是')[0]!;
    const forms = term === 'MES' ? ['MES', '制造执行系统'] : term === 'APC' ? ['APC', '基于模型的先进控制'] : [term];
    for (const c of r.citations.slice(0, clauses.length)) expect(forms.some((f) => c.quote.includes(f))).toBe(true);
  });

  it('leaves a choice that offers no categories, and a yes/no question, as they were', () => {
    expect(ask('视频是mp4还是avi').answer).toMatch(/^要MP4格式/u);
    expect(ask('安全仪表系统离散型要吗').answer).not.toMatch(/要素条件（三\(三\)3）；/u);
    expect(ask('推荐汇总表是企业交还是工信局交').answer).toMatch(/^由地方工业和信息化主管部门上传/u);
  });
});

describe('an enterprise registered in one place and producing in another', () => {
  it.each(['注册在洛阳，厂子在新乡，向哪报', '执照在商丘生产在周口归哪管', '我们在许昌注册的，工厂在平顶山，名额算哪的', '公司注册地是驻马店，生产基地在信阳，在哪申报', '公司注册在巩义，车间在郑州，走哪个渠道'])(
    '%s is told the notice does not settle which place recommends it',
    (q) => {
      const r = ask(q);
      expect(r.answer).toMatch(/^通知没有规定：四\(三\)/u);
      expect(r.answer).toContain('注册地与生产地不在同一地');
      expect(r.citations.map((c) => c.clause)).toEqual(['四(三)']);
    },
  );

  it('leaves questions that name one place, no registration, or a licence beside two sites, as they were', () => {
    expect(ask('营业执照要复印件吗，我们在郑州和开封都有工厂').answer).toMatch(/^复印件/u);
    expect(ask('郑州和洛阳的名额各是多少').answer).toContain('郑州市本次申报推荐企业不多于20家');
    expect(ask('注册在江苏，工厂在郑州，能报吗').answer).toMatch(/^不能以外省注册企业的名义申报/u);
  });

  // 二(一) decides by the place of registration: registered outside Henan is 不能 wherever the
  // factory is, however the registration is said (the licence's place included).
  it.each([
    '我们的厂在郑州但营业执照是北京的',
    '俺们厂营业执照是北京的，厂子在郑州，能报不',
    '我们厂在山西注册，但是工厂在河南安阳，能申报吗',
    '公司注册在江苏，生产基地在许昌，能报吗',
    '执照是深圳的 厂在新乡 可以报不',
    '营业执照是上海的，车间在洛阳，中不中',
  ])('%s is told 不能: registered outside Henan', (q) => {
    const r = ask(q);
    expect(r.answer).toMatch(/^不能以外省注册企业的名义申报/u);
    expect(r.citations.map((c) => c.clause)).toEqual(['二(一)']);
  });

  it.each(['我们在郑州注册的，工厂在山东，能报吗', '河南注册的公司，生产基地在湖北，能申报吗'])('%s (registered in Henan, producing outside) is told the notice sets no rule on the site', (q) => {
    expect(ask(q).answer).toMatch(/^通知没有规定车间、工厂的所在地/u);
  });

  it('reads a place of another province beside no word of registration or production as before', () => {
    expect(ask('营业执照要复印件吗').answer).toMatch(/^复印件/u);
    expect(ask('山东省智能工厂的申报条件').answer).toMatch(/^《通知》没有涉及其他省份的申报政策/u);
    expect(ask('执照是郑州的，厂子在洛阳').answer).toMatch(/^通知没有规定：四\(三\)/u);
  });
});

describe('whether a title or certificate gives an advantage', () => {
  it.each(['高新技术企业能加分吗', '是高新技术企业有优势吗', '专精特新企业能优先吗', '有ISO认证能加分吗'])('%s is answered from 二, not refused as another programme', (q) => {
    const r = ask(q);
    expect(r.outOfScope).toBe(false);
    expect(r.answer).toMatch(/^通知没有这样规定/u);
    expect(r.citations.map((c) => c.clause)).toContain('二(三)');
    expect(r.answer).toContain(phone);
  });

  it('still refuses a question about applying for the other programme itself', () => {
    expect(ask('高新技术企业怎么认定').outOfScope).toBe(true);
  });
});

describe('a third party', () => {
  it.each(['需要第三方检测报告吗', '需要第三方出具评估报告吗', '要不要找第三方做个评估'])('%s: no third-party report is among the attachments', (q) => {
    expect(ask(q).answer).toMatch(/^通知没有要求这类材料/u);
  });

  it('only the predictive-maintenance question gets 「也可由第三方提供远程服务」', () => {
    expect(ask('故障诊断能外包吗').answer).toMatch(/^可以找第三方/u);
    expect(ask('要不要找第三方做个评估').answer).not.toContain('远程服务');
  });
});

describe('which tier a region is in', () => {
  it.each([
    ['巩义市属于哪个档', '不多于5家'],
    ['洛阳属于哪一档', '不多于15家'],
  ])('%s gets the quota tier, not the industry type', (q, said) => {
    const r = ask(q);
    expect(r.answer.split('\n')[0]).toContain(said);
    expect(r.answer).not.toContain('离散型');
  });
});

describe('a partnership or a sole proprietorship', () => {
  it.each(['我们是合伙企业能报吗', '个人独资企业可以申报吗'])('%s: 不能, from 二(一)', (q) => {
    const r = ask(q);
    expect(r.answer).toMatch(/^不能。/u);
    expect(r.citations[0]!.clause).toBe('二(一)');
  });

  it('a wholly foreign-owned company (外商独资) is not a sole proprietorship', () => {
    expect(ask('外商独资企业能报吗').answer).toMatch(/^可以/u);
  });
});

describe('the truncated 附件1 and word counts', () => {
  it('does not answer 有 about a 附件1 cell the stored text does not hold', () => {
    const r = ask('车间申报书有没有近三年经济指标');
    expect(r.answer).not.toMatch(/^有/u);
    expect(r.answer).toContain('无法从所存文本确认');
  });

  it.each(['企业概况写多少字', '智能车间申报书字数有要求吗', '技术水平那部分写多少字'])('%s: the notice gives no count beyond its two 400字 cells', (q) => {
    expect(ask(q).answer).toMatch(/^通知没有规定申报书的总页数或总字数/u);
  });
});

describe('how photos and videos are made', () => {
  it.each(['照片可以用效果图吗', '照片能PS吗'])('%s: the notice is silent, and the on-site check is named', (q) => {
    const r = ask(q);
    expect(r.answer).toMatch(/^通知没有专门规定/u);
    expect(r.citations.map((c) => c.clause)).toContain('四(三)');
  });

  it('an editing app is a making tool the notice does not regulate', () => {
    expect(ask('视频能用剪映做吗').answer).toMatch(/^通知没有规定拍摄设备、剪辑软件/u);
    expect(ask('照片要几张').answer).toMatch(/^至少要10张/u);
  });
});

describe('work still in progress', () => {
  it.each(['智能化改造还没完成能报吗', '系统正在上线中能算吗'])('%s gets the under-construction answer', (q) => {
    expect(ask(q).answer).toMatch(/^通知没有规定须全部建成才能申报/u);
  });

  it.each(['车间必须是独立厂房吗', '需要提供几年的运行数据'])('%s is answered as what the notice does not set', (q) => {
    expect(ask(q).answer).toMatch(/^通知没有规定(车间的面积|建成或运行满多长时间)/u);
  });
});

describe('MES beside ERP', () => {
  it('a comparison gets both systems, each with what the notice asks of it', () => {
    const r = ask('MES和ERP有什么区别');
    expect(r.answer).toMatch(/^通知没有直接比较/u);
    expect(r.answer).toContain('车间作业计划');
    expect(r.answer).toContain('企业经营管理功能');
    expect(r.citations.map((c) => c.clause)).toEqual(expect.arrayContaining(['三(二)3', '三(二)4']));
  });

  it('a comparison typed after the term it compares keeps that term as its subject, shown as typed', () => {
    const a = ask('MES是个啥东西，跟ERP有啥区别？').answer;
    expect(a).toContain('1. MES是个啥东西？');
    expect(a).toContain('2. MES和ERP有什么区别？通知没有直接比较');
    expect(a).not.toContain('mes');
  });

  it('ERP does not answer for MES; whether an ERP module counts is for the reviewers', () => {
    expect(ask('有了ERP还要MES吗').answer).toMatch(/^要（智能车间、离散型智能工厂）/u);
    expect(ask('ERP带生产模块算MES吗').answer).toMatch(/^通知没有规定，要看功能/u);
  });
});

describe('where the enterprise is registered and where its factory stands', () => {
  it.each(['外省企业能报吗', '北京的企业能参加吗', '山东的企业可以申报河南的智能工厂吗', '江苏的公司在河南建的厂能申报吗'])('%s (an enterprise of another province) is told 二(一) asks for registration in Henan', (q) => {
    const r = ask(q);
    expect(r.outOfScope).toBe(false);
    expect(r.answer).toMatch(/^不能以外省注册企业的名义申报/u);
    expect(r.citations.map((c) => c.clause)).toEqual(['二(一)']);
  });

  it.each(['我们厂在新疆 能报吗', '公司在河南注册 工厂在山西 能申报吗', '我们工厂在陕西 能申报吗', '工厂在外省能报吗'])('%s (a factory outside Henan) is told the notice does not say where it must stand, and who decides', (q) => {
    const r = ask(q);
    expect(r.outOfScope).toBe(false);
    expect(r.answer).toMatch(/^通知没有规定车间、工厂的所在地/u);
    expect(r.answer).toContain(phone);
    expect(r.citations.map((c) => c.clause)).toEqual(['二(一)', '四(三)']);
  });

  it.each(['山东省智能工厂的申报条件', '浙江的数字化车间怎么认定', '新疆的智能工厂怎么申报', '河北有没有类似的智能工厂申报'])('%s (another province\'s own programme) is still refused', (q) => {
    const r = ask(q);
    expect(r.outOfScope).toBe(true);
    expect(r.answer).toContain('其他省份的申报政策');
  });
});

describe('a what-is question about the notice\'s own matter in other words', () => {
  it('「节能减排企业优先是啥意思」 is answered from 二(三), whose words make up the term, not refused as a term the notice never uses', () => {
    const r = ask('节能减排企业优先是啥意思');
    expect(r.outOfScope).toBe(false);
    expect(r.answer).toContain('优先支持');
    expect(r.citations.map((c) => c.clause)).toEqual(['二(三)']);
  });

  it.each(['工业互联网平台是什么意思', '灯塔工厂是什么意思？'])('%s (a part the notice never says) is still told the notice does not use it', (q) => {
    expect(ask(q).answer).toMatch(/^《通知》没有使用“/u);
  });

  it.each(['万元/人/天是什么意思', '万元每人每天咋算'])('%s is explained as the unit of 附件1\'s 每人每天产出水平, saying the notice gives no way to count it', (q) => {
    const r = ask(q);
    expect(r.outOfScope).toBe(false);
    expect(r.answer).toMatch(/^是智能车间申报书（附件1）“每人每天产出水平”的单位/u);
    expect(r.answer).toContain('不是通知原文');
    expect(r.citations.map((c) => c.clause)).toEqual(['附件1.一(二)']);
  });
});

describe('questions a helpline hears about sites, new workshops and the factory type', () => {
  it.each([
    ['一个法人两个厂区能分别报车间吗', 'per-year', /^不能同时报两个/u],
    ['车间是去年新建的能报吗', 'running-time', /^通知没有规定建成或运行满多长时间/u],
    ['离散型企业报智能车间要有DCS吗', 'ws-dcs', /^不单独要求/u],
    ['我们是化工企业 想报离散型智能工厂 行吗', 'industry-type', /化工属于国民经济行业分类（GB\/T 4754）第26大类/u],
    ['做食品的想报流程型可以不', 'industry-type', /食品属于国民经济行业分类（GB\/T 4754）第14大类/u],
  ])('%s is answered by %s', (q, entry, first) => {
    const r = ask(q);
    expect(r.entries).toEqual([entry]);
    expect(r.answer.split('\n')[0]).toMatch(first);
  });

  it('a title won last year is still the title question, not how long a system has run', () => {
    expect(ask('去年评上了今年还能再报吗').entries).toEqual(['reapply']);
    expect(ask('离散型工厂要DCS吗').entries).toEqual(['process-dcs']);
  });
});

describe('whether a form has a cell', () => {
  it.each([
    ['附件2要填税金吗', '有，附件2“税金（万元）”。'],
    ['工厂基本信息表里有没有投资额', '有，附件2“工厂建设软硬件投资（万元）”、附件3“智能工厂建设软硬件投资（万元）”。'],
    ['附件2要不要填建设起止日期', '有，附件2“智能工厂建设起止日期”。'],
    ['附件3里有能源管理那一栏吗', '有，附件3“经营管理”栏写明“（请简要说明企业资源计划系统（ERP）、仓储管理系统（WMS）、能源管理系统等企业信息化系统应用情况）”。'],
  ])('%s is answered 有 first, quoting the cell as the form writes it', (q, first) => {
    expect(ask(q).answer.startsWith(first)).toBe(true);
  });

  it.each(['附件2里有没有安全环保这一栏', '附件2要填几年的数据', '企业基本信息要填企业负责人的职称吗'])('%s (a cell the form words otherwise, or a value asked) gets no 有 it cannot quote', (q) => {
    expect(ask(q).answer).not.toMatch(/^有，/u);
  });

  it('「附件2要填几年的数据」 is the three years of 近三年主要经济指标', () => {
    expect(ask('附件2要填几年的数据').answer).toMatch(/^填2020年、2021年、2022年三年/u);
  });
});
