import { describe, expect, it } from 'vitest';
import { realKb } from '../engine/kb';
import { absoluteYears, findQuantities, fuzzySyllable, inUnit, normalise, parseChineseNumber, parseQuantity, yearOf, shownCorrections, Understander, understanderFor, withoutPersonalStatements, withProvinces } from '../../server/understand';
import { loadKnowledgeData } from '../../server/knowledge/load';

const u = understanderFor(realKb());

/** The typo and abbreviation repairs of one text, as from → to pairs. */
function repairs(text: string): string[] {
  return shownCorrections(u.understand(text)).map((c) => `${c.from}→${c.to}`);
}

describe('normalisation', () => {
  it('turns full-width letters, digits and punctuation into half-width and Latin into lower case', () => {
    expect(normalise('ＭＥＳ系统１２３？').text).toBe('mes系统123?');
  });

  it('simplifies traditional characters and reports that it did', () => {
    const r = u.understand('離散型工廠要上MES嗎？');
    expect(r.text).toBe('离散型工厂要上mes吗?');
    expect(r.corrections.some((c) => c.kind === 'traditional')).toBe(true);
  });

  it('writes spoken question words and Henan speech in their written form', () => {
    // A required word such as 「怎么」, 「我们」 or 「行不行」 is then found however the question was typed.
    expect(normalise('俺们厂想报，该咋弄').text).toBe('我们厂想报,该怎么弄');
    expect(normalise('照片不够10张中不中').text).toBe('照片不够10张行不行');
    expect(normalise('有事打电话问谁嘞，要啥材料').text).toBe('有事打电话问谁呢,要什么材料');
  });

  it('reads a month and day typed with a slash, dot or dash, or said in Chinese numerals, as the notice writes a date', () => {
    // The deadline entries name 「3月15日」; a date typed any other way must reach them as that date.
    for (const typed of ['3/15前', '3.15前', '3-15前', '03/15前', '三月十五前', '三月十五号前', '3月15前', '三月十五日前']) expect(normalise(typed).text).toBe('3月15日前');
    expect(normalise('3.15以后还能补交吗').text).toBe('3月15日以后还能补交吗');
    expect(normalise('截止日期也是3.15吗').text).toBe('截止日期也是3月15日吗');
    expect(normalise('十二月三十一号').text).toBe('12月31日');
  });

  it('leaves figures and month names that are no dates as typed', () => {
    // Without a word that makes it a date, 3.15 is a figure and 3-15 a range; a month without a day is no date.
    for (const text of ['占比3.15吗', '3-15人', '三月中旬', '三月份', '版本v2.3.15前', '十五号', '2015-3-15前成立的', '2015/3/15前成立的']) expect(normalise(text).text).toBe(text);
  });

  it('leaves simplified text, including the notice itself, unchanged', () => {
    // Phrase-level conversion would turn 文件 into 文档 and 批次 into 批量; only characters are converted.
    const notice = realKb().clauses.map((c) => c.text).join('\n');
    expect(normalise(notice).text).toBe(notice.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim());
  });
});

describe('typo repair against the domain vocabulary', () => {
  it.each([
    ['营业执找要原件吗', '营业执找→营业执照'],
    ['离散形工厂要上MES吗', '离散形→离散型'],
    ['汇总标什么时候交', '汇总标→汇总表'],
    ['流成型企业怎么报', '流成型→流程型'],
    ['只能车间能报几个', '只能车间→智能车间'],
    ['推荐会总表传到哪里', '推荐会总表→推荐汇总表'],
    ['被列入失信被执形人还能报吗', '失信被执形人→失信被执行人'],
  ])('reads %s as the domain term (%s)', (text, expected) => {
    expect(repairs(text)).toEqual([expected]);
  });

  it.each([
    ['视平文件多大', '视平→视频'],
    ['注册完要审合吗', '审合→审核'],
    ['拿过智能工厂成号的还能报吗', '成号→称号'],
    ['车见人数怎么填', '车见→车间'],
    // Voice input writes 多报 as the commoner 多包; 「多报无效」 is the notice's own wording.
    ['市里推荐的企业多包了会怎样', '多包→多报'],
  ])('reads a same-sounding pair %s as the two-character word of the notice (%s)', (text, expected) => {
    expect(repairs(text)).toEqual([expected]);
  });

  it.each(['洛阳市推荐上线是多少家', '视频时常一分钟吗', '截至申报日', '这样能好一点吗', '审和通过'])(
    'leaves a pair that is a word as typed, or a grammar word, as written: %s',
    (text) => {
      expect(repairs(text)).toEqual([]);
    },
  );

  it.each([
    ['商丘能推即家', '即家→几家'],
    ['商丘能推及家', '及家→几家'],
    ['照片要放机张', '机张→几张'],
    ['审计报告要即年的', '即年→几年'],
    ['纸质版要交即份', '即份→几份'],
    ['视频要多烧兆', '多烧→多少'],
  ])('reads a grammar word or a same-sounding character typed for a question word as the question word: %s', (text, expected) => {
    // The IME offers 即 and 及 before 几; a measure word after them makes no sense unless 几 was meant.
    expect(repairs(text)).toEqual([expected]);
  });

  it.each(['以及家里', '即可上传', '企业及个人', '截图及张数', '报告及份数', '营业执照及年报', '集团及各子公司', '设备机号', '这个机种', '即日起', '及时上传', '多数企业'])(
    'leaves a grammar word that is part of a word, or a count such as 张数, as written: %s',
    (text) => {
      expect(repairs(text)).toEqual([]);
    },
  );

  it.each(['车间设备联网占比得到80%吧', '联网占比要多少', '设备联网占总数的比例'])(
    'does not read a pair across a known word as another word (联网占 is not 联+网站): %s',
    (text) => {
      expect(repairs(text)).toEqual([]);
    },
  );

  it('still repairs a same-sounding pair that cuts no known word', () => {
    // Precision beside the case above: the kept character stands in no known word here.
    expect(repairs('申报平台的网占在哪')).toEqual(['网占→网站']);
  });

  it('uses the IME fuzzy pairs: zh/z, sh/s, ch/c, n/l, in/ing, en/eng, an/ang', () => {
    expect(['zhi', 'shi', 'chi', 'li', 'ling', 'geng', 'zhang'].map(fuzzySyllable)).toEqual(['zi', 'si', 'ci', 'ni', 'nin', 'gen', 'zan']);
  });

  it.each(['车间及工厂都要联网吗', '车间机器人要联网吗', '智能车间和智能工厂有什么区别', '统一社会信用代码怎么填', '我们是零部件企业', '企业在郑州市'])(
    'does not touch correct text: %s',
    (text) => {
      expect(repairs(text)).toEqual([]);
      expect(u.understand(text).text).toBe(normalise(text).text);
    },
  );
});

describe('place names', () => {
  it.each([
    ['落阳能推几家', '落阳→洛阳'],
    ['郑洲能报几家', '郑洲→郑州'],
    ['焦做呢 能推几个', '焦做→焦作'],
    ['俺们是许常的', '许常→许昌'],
    ['驻马点能推几个', '驻马点→驻马店'],
    ['平顶三的企业', '平顶三→平顶山'],
  ])('repairs a same-sounding typo in a 省辖市 name: %s', (text, repair) => {
    expect(repairs(text)).toEqual([repair]);
  });

  it('keeps every county, district and city name as written, and words that sound like one', () => {
    const kb = realKb();
    for (const r of kb.regions.regions) for (const form of [r.name, r.short, ...r.aliases]) expect([form, repairs(`我们在${form}`)]).toEqual([form, []]);
    for (const text of ['信仰', '叫做什么', '南洋', '新相机']) expect(repairs(text)).toEqual([]);
  });

  it('reads a place of another province named alone with its province, and leaves Henan’s places and named provinces as they are', () => {
    const kb = realKb();
    const here = kb.regions.regions.flatMap((r) => [r.name, r.short, ...r.aliases]);
    const read = (t: string) => withProvinces(t, kb.regions.elsewhere, here);
    expect(read('昆山的企业能报吗')).toBe('江苏昆山的企业能报吗');
    expect(read('沛县能推几家')).toBe('江苏沛县能推几家');
    expect(read('义乌的厂子')).toBe('浙江义乌的厂子');
    // Its province or city said just before it: nothing to add.
    expect(read('苏州昆山')).toBe('江苏苏州昆山');
    expect(read('江苏省昆山市的企业')).toBe('江苏省昆山市的企业');
    // A longer name of Henan holds a shorter one of another province (丰县 in 宝丰县), and a province holds a city (北海 in 河北海兴).
    expect(read('宝丰县能推几家')).toBe('宝丰县能推几家');
    expect(read('上海门店')).toBe('上海门店');
    expect(read('河北海兴')).toBe('河北海兴');
    for (const form of here) expect(read(`我们在${form}`)).toBe(`我们在${form}`);
  });

  it('never expands typed initials to a place', () => {
    for (const text of ['zzs', 'lys', 'kfs', 'xxs']) expect(repairs(`${text}能推几家`)).toEqual([]);
  });
});

describe('pinyin-initial abbreviations', () => {
  it('expands initials of a domain term', () => {
    expect(u.understand('zncj要什么条件').text).toBe('智能车间要什么条件');
    expect(repairs('zngc和zncj的区别')).toEqual(['zngc→智能工厂', 'zncj→智能车间']);
  });

  it('keeps real abbreviations, English words and addresses as written', () => {
    for (const text of ['要上mes和erp吗', 'pdf格式', '发到email', 'www.hnznzz.com怎么登录', 'lims要有吗']) expect(repairs(text)).toEqual([]);
  });
});

describe('numbers and amounts', () => {
  it('reads Chinese numerals with their unit and writes them in digits', () => {
    const r = u.understand('我们有两百人，三个车间');
    expect(r.quantities.map((q) => [q.value, q.unit])).toEqual([
      [200, '人'],
      [3, '个'],
    ]);
    expect(r.arabic).toBe('我们有200人,3个车间');
  });

  it('reads 兆 after a number as a file size, as spoken, and writes the number in digits', () => {
    const r = u.understand('视频一百八十兆行不行');
    expect(r.quantities.map((q) => [q.value, q.unit])).toEqual([[180, '兆']]);
    expect(r.arabic).toBe('视频180兆行不行');
  });

  it('reads half a unit said after the unit (两分半钟, 一个半小时) as the number and a half', () => {
    const r = u.understand('视频拍了两分半钟 一百八十兆 行不行');
    expect(r.quantities.map((q) => [q.value, q.unit])).toEqual([
      [2.5, '分钟'],
      [180, '兆'],
    ]);
    expect(r.arabic).toBe('视频拍了2.5分钟 180兆 行不行');
    expect(u.understand('大约一个半小时').quantities.map((q) => [q.value, q.unit, q.approx])).toEqual([[1.5, '小时', true]]);
    expect(u.understand('3分半').quantities.map((q) => [q.value, q.unit])).toEqual([[3.5, '分钟']]);
    // A score of 两分 is no length: without 半 there is no unit, and a Chinese numeral needs one.
    expect(u.understand('这项得了两分').quantities).toEqual([]);
  });

  it('converts amounts between 元, 万元 and 亿 with the unit in mind', () => {
    expect(parseQuantity('营收1.2亿', '万元')).toBe(12000);
    expect(parseQuantity('一点二亿元', '万元')).toBe(12000);
    expect(parseQuantity('3000万元', '万元')).toBe(3000);
    expect(parseQuantity('50000元', '万元')).toBe(5);
    expect(parseQuantity('投资800', '万元')).toBe(800);
  });

  it('reads a measure word before the magnitude as spoken: 两个亿, 1.8个亿, 三个多亿', () => {
    expect(parseQuantity('营业收入两个亿', '万元')).toBe(20000);
    expect(parseQuantity('差不多1.8个亿', '万元')).toBe(18000);
    expect(findQuantities('三个多亿')[0]).toMatchObject({ value: 300000000, approx: true });
    // 个 before anything but a magnitude is the count it always was.
    expect(findQuantities('两个车间')[0]).toMatchObject({ value: 2, unit: '个' });
  });

  it('reads percentages written as %, 百分之, 成 or a fraction of one, and marks hedges', () => {
    const [q] = findQuantities('约85%');
    expect(q).toMatchObject({ value: 85, unit: '%', approx: true });
    expect(parseQuantity('百分之八十五', '%')).toBe(85);
    expect(parseQuantity('八成五', '%')).toBe(85);
    expect(parseQuantity('0.85', '%')).toBe(85);
    expect(findQuantities('90%左右')[0]).toMatchObject({ value: 90, approx: true });
  });

  it('finds a quantity of every form however it opens (a hedge, 百分之, 千分之, a financial numeral), and none in text without a numeral', () => {
    // findQuantities skips a text with no digit or numeral: every form it reads must contain one.
    expect(findQuantities('超过百分之三十').map((q) => q.value)).toEqual([30]);
    expect(findQuantities('千分之五').map((q) => q.value)).toEqual([0.5]);
    expect(findQuantities('大概六七成吧').map((q) => q.value)).toEqual([60]);
    expect(findQuantities('差不多两分半钟').map((q) => q.value)).toEqual([2.5]);
    expect(findQuantities('突破3千5百万元').map((q) => q.value)).toEqual([35_000_000]);
    expect(findQuantities('注册资本叁拾万元').map((q) => q.value)).toEqual([300_000]);
    expect(findQuantities('要多少人才能报，有没有要求')).toEqual([]);
  });

  it('does not read clause numbers, 一下, 统一 or 三维 as quantities', () => {
    expect(findQuantities('四(一)规定的统一要求看一下三维设计')).toEqual([]);
  });

  it('parses compound Chinese numerals', () => {
    expect([parseChineseNumber('八十五'), parseChineseNumber('一百零五'), parseChineseNumber('三万二千'), parseChineseNumber('十二'), parseChineseNumber('八十五点五')]).toEqual([85, 105, 32000, 12, 85.5]);
  });

  it('scales 万 only within its 亿 section, and reads the financial numerals of licences', () => {
    expect([parseChineseNumber('一亿二千万'), parseChineseNumber('两亿零五百万'), parseChineseNumber('壹亿贰仟万'), parseChineseNumber('伍仟万'), parseChineseNumber('叁拾万')]).toEqual([120_000_000, 205_000_000, 120_000_000, 50_000_000, 300_000]);
    // After 亿 without 零 the places are the 万 section's, as 一亿五 is 1.5亿; 零 keeps them where they are.
    expect(['一亿五千', '三亿五千八百', '一亿五千二', '一亿零五千', '一亿零八百'].map((x) => parseChineseNumber(x))).toEqual([150_000_000, 358_000_000, 152_000_000, 100_005_000, 100_000_800]);
    expect(findQuantities('营收一亿二千万元')[0]).toMatchObject({ value: 120_000_000, unit: '元' });
  });

  it('reads a second 万 as scaling the whole figure before it, as 一万二千万 says 12000万', () => {
    expect(['一万二千万', '一万两千万', '两万五千万', '一万零五百万', '1万2千万', '三亿一万二千万', '三亿一万'].map((x) => parseChineseNumber(x))).toEqual([120_000_000, 120_000_000, 250_000_000, 105_000_000, 120_000_000, 420_000_000, 300_010_000]);
    const capital = findQuantities('注册资本一万二千万')[0]!;
    expect(inUnit(capital, '万元')).toBe(12000);
    expect(inUnit(findQuantities('一万二千万元')[0]!, '万元')).toBe(12000);
    // One 万 stays a place of the figure.
    expect(['一万二千', '三千五百万', '一万二', '十二万'].map((x) => parseChineseNumber(x))).toEqual([12000, 35_000_000, 12000, 120000]);
  });

  it('reads the one digit after a unit in the next lower place (三千五 = 3500), but not after 零 or 十', () => {
    const read = (xs: string[]) => xs.map((x) => parseChineseNumber(x));
    expect(read(['三千五', '两百五', '一万二', '两亿三', '三千五万', '一千二百五'])).toEqual([3500, 250, 12000, 230_000_000, 35_000_000, 1250]);
    expect(read(['三千零五', '二十五', '一百零五', '三千五百', '一万零二', '两千零二十二'])).toEqual([3005, 25, 105, 3500, 10002, 2022]);
  });

  it('reads Arabic digits with Chinese place units (3千5百万, 1万2) as one amount', () => {
    expect(parseQuantity('3千5百万', '万元')).toBe(3500);
    // A 万 inside the figure is a place of it, typed in the field's own 万元: 1万2 is 12000 万元, as 一万五千 is 15000.
    expect(parseQuantity('注册资本1万2', '万元')).toBe(12000);
    expect(parseQuantity('注册资本1万2元', '万元')).toBe(1.2);
    expect(parseQuantity('1万2千人', '人')).toBe(12000);
    expect(parseQuantity('3000万', '万元')).toBe(3000);
    expect(parseQuantity('2022年3月', '万元')).toBeUndefined();
  });

  it('never reads a foreign currency as 元, nor per mille as per cent', () => {
    expect(parseQuantity('500万美元', '万元')).toBeUndefined();
    expect(parseQuantity('注册资本2000万港元', '万元')).toBeUndefined();
    expect(findQuantities('500万美元')[0]).toMatchObject({ value: 5_000_000, unit: '美元' });
    expect(parseQuantity('3.2‰', '%')).toBe(0.32);
    expect(parseQuantity('千分之三点二', '%')).toBe(0.32);
    expect(parseQuantity('约千分之五', '%')).toBe(0.5);
  });

  it('refuses a unit that does not fit the question', () => {
    const [q] = findQuantities('200人');
    expect(inUnit(q!, '万元')).toBeUndefined();
    expect(inUnit(q!, '人')).toBe(200);
  });
});

describe('lexicon concepts', () => {
  it('finds a concept by any alias, with ASCII aliases only at word boundaries', () => {
    const ids = u.understand('上了用友和AGV小车，发email').concepts.map((c) => c.id);
    expect(ids).toContain('erp');
    expect(ids).toContain('agv');
    expect(ids).not.toContain('ai');
  });

  it('works from a vocabulary alone, without a knowledge version', () => {
    const small = new Understander({ terms: ['营业执照'], concepts: [{ canonical: '营业执照', aliases: ['执照'] }] });
    const r = small.understand('营业执找');
    expect(r.text).toBe('营业执照');
    expect(r.concepts.map((c) => c.canonical)).toEqual(['营业执照', '营业执照']);
  });
});

describe('personal numbers in a question', () => {
  it('drops a part that only gives the asker\'s phone or ID number, and keeps the question', () => {
    expect(withoutPersonalStatements('我电话13812345678，身份证410305199001011234，今天天气怎么样？')).toBe('今天天气怎么样？');
    expect(withoutPersonalStatements('手机号是13812345678。咨询电话是多少？')).toBe('咨询电话是多少？');
  });
  it('leaves a question without personal numbers unchanged, and masks a number that is part of the question', () => {
    expect(withoutPersonalStatements('郑州市能推荐几家？')).toBe('郑州市能推荐几家？');
    expect(withoutPersonalStatements('13812345678这个号码能打通吗？')).toBe('[手机号]这个号码能打通吗？');
  });
});

describe('years as people type them', () => {
  it('reads four-digit, Chinese-digit and two-digit years; a two-digit year after this one is in the 1900s', () => {
    expect(yearOf('2011年3月', 2026)).toBe(2011);
    expect(yearOf('二〇一一年', 2026)).toBe(2011);
    expect(yearOf('11年', 2026)).toBe(2011);
    expect(yearOf('一六年', 2026)).toBe(2016);
    expect(yearOf('零四年', 2026)).toBe(2004);
    expect(yearOf('98年', 2026)).toBe(1998);
    expect(yearOf('成立好多年了', 2026)).toBeUndefined();
  });
});

describe('years said relative to the notice\'s', () => {
  const words = loadKnowledgeData('knowledge', 'henan-2023').formQuestions.vocabulary.relativeYears;
  it.each([
    ['去年营业收入一点二亿', '2022年营业收入一点二亿'],
    ['上一年营业收入12000万', '2022年营业收入12000万'],
    ['上年度营收1.2亿', '2022年营收1.2亿'],
    ['前年利润八百万', '2021年利润八百万'],
    ['大前年总资产8000万', '2020年总资产8000万'],
    ['今年营收1.5亿', '2023年营收1.5亿'],
  ])('reads 「%s」 as 「%s」 in a 2023 application', (said, read) => {
    expect(absoluteYears(said, 2023, words)).toBe(read);
  });

  it('leaves text with no relative year, and a word that only contains one, as typed', () => {
    for (const t of ['2022年营业收入1.2亿', '营收一点二亿', '过去年份的数据', '年产值三千万']) expect(absoluteYears(t, 2023, words)).toBe(t);
  });
});
