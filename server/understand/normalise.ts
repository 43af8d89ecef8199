import * as OpenCC from 'opencc-js/t2cn';

// Character-level conversion only: the phrase tables (Taiwan/Hong Kong idioms) would rewrite
// simplified text the notice itself uses (文件 → 文档, 批次 → 批量), so they are not applied.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const HAN = /\p{Script=Han}/u;

/**
 * Spoken question words written as typed (「要啥条件」, 「咋填」, and as Henan speaks: 「俺们厂」,
 * 「中不中」, 「问谁嘞」, 「一块儿报」): one form, so a required word such as 「什么条件」, 「怎么填」 or 「我们」
 * is found however the question was written. The notice uses none of these spoken forms.
 */
const COLLOQUIAL: [RegExp, string][] = [
  [/啥/gu, '什么'],
  [/咋/gu, '怎么'],
  [/俺/gu, '我'],
  [/中不中/gu, '行不行'],
  // 「报离散型能中不」「报工厂中不」: 中 closing a question is Henan's 行; inside a word (集中, 其中, 中心) it stays.
  [/(?<![集其心空当之适])(?:能)?中不(?=[？?。！!，,\s]*$)/gu, '行不'],
  [/干嘛/gu, '干什么'],
  [/一块儿/gu, '一起'],
  // Without 儿, 一块 is also a count (一块钱, 一块屏): it means 一起 only before a verb of applying.
  [/一块(?=(?:儿)?(?:报|申报|上报|交|提交|传|上传|推荐|算|弄|做|填))/gu, '一起'],
  [/赶趟/gu, '来得及'],
  // 「要交哪些文件」「得准备什么资料」「要交哪些证明」: what is asked for as what to hand in is the 材料 the notice lists;
  // 文件 or 资料 asked of otherwise (「依据什么文件」, 视频资料) stays.
  [/(?<=(?:交|提交|准备|提供|上传|附|报送|上报|带)(?:些)?(?:哪些|什么|哪几[样份个种])(?:申报|证明|佐证|支撑|相关)?)(?:文件|资料|证明(?!材料|文件|资料))/gu, '材料'],
  // 「能报两回不」「头一回报」: 回 after a count is 次 (as documents write it); in 回复, 回来, 一回事, 一回头 it stays.
  [/(?<=[一二两三四五六七八九十几\d])回(?![复来去到答收款访应执事头家顾归国忆])/gu, '次'],
  // 「去年得了智能车间」「得过智能工厂」: a title 得 is one won, as 获得 writes it; 得 before anything else (得交, 得是) stays.
  [/(?<![获取赢记懂觉值使])得(?:了|过)(?=(?:省级|省里的|省里|河南省|省)?的?(?:智能车间|智能工厂|车间|工厂)(?:的)?(?:称号|荣誉|牌子)?)/gu, '获得过'],
  // 不中 is Henan's 不行: said of a product a check rejects (「外观不中自己挑出来」「尺寸不中的自动剔掉」「不够的自动剔」) it, like
  // 不够 or 不对 there, is 不合格, the subject of the rejection, and no answer of no to the question it describes.
  [/(?:不中|不够|不足|不对|不行|不好)(?=[的哩嘞]?(?:就|都|会|能)?(?:自己|自个儿|自个|自动|机器|马上)?(?:就|都|会|能)?(?:挑|剔|踢|拣|筛|报警|拦|甩|打出|分出|推出))/gu, '不合格'],
  // 没有 as voice input and dialect write it (「莫有」「妹有」「么有」): a bare 有 left after an unknown
  // character would read as yes. Not after the words that make 么 a question word (什么有、怎么有).
  [/(?<![什怎这那多要])(?:莫|妹|么|煤|梅|媒|眉|冒)有/gu, '没有'],
  // 木 is Henan for 没 at the head of a verb phrase (「木评过」「木上」「俺们木弄」); inside a word (实木, 木门, 木材) it stays.
  [/(?<=^|[\s，,。；;！!？?]|我们|我|咱们|咱|都|也|还|就|根本|从来|压根|可)木(?=有|评|得|拿|上|弄|做过|用|装|听|见过|报过|搞|移|撤|退|修复|打通|连|接|建|改)/gu, '没'],
];

/**
 * Henan speech closes a clause with 哩, 嘞, 咧 or 嘛 where written Chinese has 的, 呢 or nothing: 「有哩」「是嘞」
 * 「俺们是流程型哩」「就报这一个嘞」 state, 「问谁嘞」「能报嘛？」 ask. A closing 嘞, 咧 or 嘛 in a clause that asks (a
 * question mark after it, a question word or an A不A in it) is the written 呢 (嘛 the 吗 it is often typed for); 哩
 * closes a question only before a question mark, since it is the 的 of a statement (「能查到是哪批原发做哩」). In a
 * statement a closing particle adds nothing and is dropped, so the statement reads as its written form does.
 */
const DIALECT_CLOSING = /([^，,。；;！!?\s~…]*?)([哩嘞咧嘛]+)(?=[~…]*(?:\s*([，,。；;！!?])|\s|$))/gu;
const ASKING_CLAUSE = /什么|怎么|谁|哪|几[个年月天家条]|多少|吗|是否|如何|为何|(\p{Script=Han})[不没]\1/u;
/** 嘛 after a modal (「能报嘛」「必须要有嘛」) is typed for 吗: in a statement 嘛 follows no modal (「有嘛」「是嘛」). */
const MODAL_BEFORE_MA = /(?:能|可以|必须|需要|要不|得)\p{Script=Han}{0,4}$/u;
function dialectParticles(t: string): string {
  return t.replace(DIALECT_CLOSING, (_m, clause: string, particles: string, mark: string | undefined, offset: number, whole: string) => {
    // The clause a particle closes runs back to the last break before it.
    const start = Math.max(...['，', ',', '。', '；', ';', '！', '!', '?', ' '].map((b) => whole.lastIndexOf(b, offset - 1)));
    const head = whole.slice(start + 1, offset) + clause;
    const ma = particles.endsWith('嘛');
    const asks = mark === '?' || (!particles.endsWith('哩') && (ASKING_CLAUSE.test(head) || (ma && MODAL_BEFORE_MA.test(head))));
    return clause + (asks ? (ma ? '吗' : '呢') : '');
  });
}

/**
 * 「3.15当天」「3/15前」「3-15截止」: a month and day typed with a dot, slash or dash, read as the notice
 * writes a date (「3月15日」). Only before a word that makes it a date (号, 日, 当天, 前, 以后, 截止), or
 * after one that asks for a date (「截止日期也是3.15吗」): elsewhere 3.15 is a figure and 3-15 a range. A
 * date typed after its year (「2015.3.15前成立的」) is left as typed.
 */
const DATE_AFTER = '(?:号|日|(?=当天|当日|那天|那一天|前|之前|以前|以后|之后|截止|截至))';
const DATE_BEFORE = '(?<=(?:截止|截至|日期|期限|最晚|最后一天)(?:也|都|就|还)?(?:是|为|在|到)?)';
const TYPED_DATE = new RegExp(`(?<![\\d./-])(1[0-2]|0?[1-9])[./-](3[01]|[12]\\d|0?[1-9])${DATE_AFTER}`, 'gu');
const ASKED_DATE = new RegExp(`${DATE_BEFORE}(1[0-2]|0?[1-9])[./-](3[01]|[12]\\d|0?[1-9])(?![\\d.])`, 'gu');
const typedDate = (_: string, m: string, d: string) => `${Number(m)}月${Number(d)}日`;
/** 「3月15前」: a day written without 日 before a word that makes it a date is the same date. */
const BARE_DAY = new RegExp(`(?<![\\d.])(1[0-2]|0?[1-9])月(3[01]|[12]\\d|0?[1-9])(?=当天|当日|那天|那一天|前|之前|以前|以后|之后|截止)`, 'gu');
/**
 * 「三月十五」「三月十五号前」: a date said in Chinese numerals is the notice's 「3月15日」, when a day follows
 * the month (「三月中旬」「三月份」 are no dates) and 号, 日 or a word that makes it a date follows the day.
 */
const SPOKEN_DATE = new RegExp(`(?<![一二三四五六七八九十零〇百千万两])(十[一二]?|[一二三四五六七八九])月(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])${DATE_AFTER}`, 'gu');
const HAN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 1 to 31 as the month and day of a date say it: 「十」「十五」「二十」「三十一」. */
function spokenDay(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return HAN_DIGIT[s]!;
  return (ten === 0 ? 1 : HAN_DIGIT[s[0]!]!) * 10 + (HAN_DIGIT[s.slice(ten + 1)] ?? 0);
}
const spokenDate = (_: string, m: string, d: string) => `${spokenDay(m)}月${spokenDay(d)}日`;

/**
 * One written form for every way the same text can be typed: full-width letters, digits and
 * punctuation become half-width (NFKC), Latin letters lower case, traditional characters
 * simplified, spoken question words in their written form, runs of white space one space.
 */
export function normalise(text: string): { text: string; traditional: boolean } {
  if (text.length > MEMO_LENGTH) return normaliseAnew(text);
  let n = memo.get(text);
  if (!n) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, (n = normaliseAnew(text)));
  }
  return { text: n.text, traditional: n.traditional };
}

/**
 * The same question is normalised more than once on its way through a request: the understanding
 * step reads it to answer it, and the question log folds it for search when it logs it (and a
 * helpline question is asked again and again). Normalising is pure, so the texts of question
 * length normalised last are kept and a repeat costs one lookup instead of a few microseconds of
 * conversion; a longer text (a document, an answer) is normalised each time.
 */
const MEMO_LENGTH = 300;
const MEMO_SIZE = 512;
const memo = new Map<string, { text: string; traditional: boolean }>();

function normaliseAnew(text: string): { text: string; traditional: boolean } {
  let t = text.normalize('NFKC').toLowerCase();
  let traditional = false;
  if (HAN.test(t)) {
    const s = toSimplified(t);
    traditional = s !== t;
    t = s;
    for (const [from, to] of COLLOQUIAL) t = t.replace(from, to);
    t = dialectParticles(t);
    t = t.replace(TYPED_DATE, typedDate).replace(ASKED_DATE, typedDate).replace(BARE_DAY, '$1月$2日').replace(SPOKEN_DATE, spokenDate);
  }
  t = t.replace(/\s+/g, ' ').trim();
  return { text: t, traditional };
}

/**
 * A reply typed with a phone's full-width keyboard (「１３８３７１２３４５６」「２０２０年６月」「１．２」「ｓｌｊ＠ｈｅｎｇｎａｉ．ｃｎ」)
 * reads as the same reply typed half-width: full-width digits, Latin letters, the ideographic space and the marks
 * that sit inside a number, a date or an address (．＠－＿／＋％) become half-width. Chinese punctuation (，。：（）)
 * is left as typed, since a stored answer keeps it.
 */
export function halfWidthAlnum(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ．＠－＿／＋％\u3000]/gu, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * 「不是的 我们就一个公司」: a reply typed without punctuation, where a space stands between two Chinese words,
 * is split there as a comma splits it, so a reply reads the same with or without its punctuation. A space
 * beside Latin letters or digits is left as it is (「SAP ERP」「5G 专网」).
 */
export function spacesAsClauseBreaks(text: string): string {
  return text.replace(/(\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu, '$1，');
}
