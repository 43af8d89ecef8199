import { spokenDigits } from './numbers';

/**
 * Personal data an enterprise may type into a question or a reply are masked before the text is
 * logged, and again whenever a logged text is shown: staff need the question, not the caller's phone,
 * ID number or e-mail address. A 统一社会信用代码 is public and stays.
 */
const ID_CARD = /(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const ID_CARD_15 = /(?<![0-9A-Za-z])\d{6}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}[-—－\s]?\d{7,8}(?!\d)/g;
// A mailbox as typed, full-width ＠ included: the local part and a dotted domain of Latin letters, digits and - _ . +.
const EMAIL = /[A-Za-z0-9._%+-]+\s?[@＠]\s?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

const digitsOf = (s: string): string => s.normalize('NFKC').replace(/\D/g, '');

/**
 * Phone numbers in `text` replaced by `mask`, however their digits are written: Arabic, read out in 汉字 one digit at a
 * time (「一三九三七四八二二六五」「幺三八 幺二七二 三四五六」) or a mix of both. spokenDigits writes a digit run as Arabic
 * digits one character for one, so a match in its output covers the same characters of the text as typed; a figure
 * with place words (「一千三百万」) is no digit run and stays.
 */
function maskPhones(text: string, pattern: RegExp, mask: (digits: string) => string | null): string {
  const read = spokenDigits(text);
  let out = '';
  let from = 0;
  for (const m of read.matchAll(new RegExp(pattern.source, 'g'))) {
    out += text.slice(from, m.index) + (mask(m[0]) ?? text.slice(m.index, m.index + m[0].length));
    from = m.index + m[0].length;
  }
  return out + text.slice(from);
}

/**
 * The phone numbers a published text gives (the notice's helpline in 五, 「0371—65507698」), as digits only: they
 * belong to an office, not to the person who typed them, and stay readable wherever they are quoted.
 */
export function publishedNumbers(texts: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const t of texts) for (const m of t.normalize('NFKC').matchAll(new RegExp(`${MOBILE.source}|${LANDLINE.source}`, 'g'))) found.add(digitsOf(m[0]));
  return [...found];
}

/**
 * The text with the asker's phone, ID number and mailbox masked. A number in `published` (publishedNumbers: the
 * notice's own) is no one's personal data and is kept as typed, however it is written (「0371-65507698」「037165507698」).
 */
export function maskPersonalNumbers(text: string, published: readonly string[] = []): string {
  const phone = (mask: string) => (digits: string) => (published.includes(digitsOf(digits)) ? null : mask);
  const others = text.replace(EMAIL, '[邮箱]').replace(ID_CARD, '[身份证号]').replace(ID_CARD_15, '[身份证号]');
  return maskPhones(maskPhones(others, MOBILE, phone('[手机号]')), LANDLINE, phone('[电话]'));
}

const MASKS = /\[(?:身份证号|手机号|电话|邮箱)\]/;

/**
 * A text with its personal data taken out, each with the words that introduce it (「邮箱 li@x.cn」「我手机：138…」),
 * where withoutPersonalStatements keeps a part that holds a number and asks something too. What is left may mean
 * something else than the text did (「这个号码…是谁的」), which the caller must check.
 */
export function withoutPersonalData(text: string, published: readonly string[] = []): string {
  return maskPersonalNumbers(withoutPersonalStatements(text, published), published).replace(LABELLED_MASK, '').trim();
}

/** Whether a text holds personal data, as typed or already masked. */
export function holdsPersonalData(text: string, published: readonly string[] = []): boolean {
  return MASKS.test(maskPersonalNumbers(text.normalize('NFKC'), published));
}
// What surrounds a number someone gives about themselves: "我电话…", "手机号是…", "身份证：…", "邮箱…".
const SELF_LABEL = /[我的是为：:\s]|电话|手机号?|号码|联系方式|身份证号?|电子邮箱|邮箱|邮件|email|e-mail/gi;
// A masked item with the words that introduce it and the break after it: 「我手机：[手机号]，」「邮箱 [邮箱] 」.
const LABELLED_MASK = /(?:我的?|本人)?(?:电话|手机号?|号码|联系方式|身份证号?|电子邮箱|邮箱|邮件|email|e-mail)?[\s:：是为]*\[(?:身份证号|手机号|电话|邮箱)\][\s，,；;。]*/giu;
// A reply that only confirms or denies (「对」「是的」「没有」): an answer to what was asked, never a question of its own.
const CONFIRMATION = /^(?:对|对的|对头|是|是的|嗯+|好|好的|行|可以|中|没有|没|有|有的|无|暂无|不是|不对|不|否|ok|okay|yes|no)$/i;

/**
 * Whether a logged text is a reply rather than a question: nothing but the sender's own phone, ID number or mailbox
 * (「wangjg@yufengchem.com」, 「邮箱：…」), or a bare confirmation (「对」「没有」). Such a text is not a question the
 * helpline should answer again: it is never offered as a frequent question nor queued for review.
 */
export function isReplyOnly(text: string, published: readonly string[] = []): boolean {
  const bare = maskPersonalNumbers(text.normalize('NFKC'), published).replace(/[\p{P}\p{S}\s]+/gu, '');
  if (CONFIRMATION.test(bare)) return true;
  const masked = maskPersonalNumbers(text.normalize('NFKC'), published);
  return MASKS.test(masked) && masked.replace(new RegExp(MASKS.source, 'g'), '').replace(SELF_LABEL, '').replace(/[\p{P}\p{S}\s]/gu, '') === '';
}

/**
 * A part of a question that only states the asker's own phone or ID number is not part of the
 * question: "我电话138…，今天天气怎么样" asks about the weather, not about the helpline's number.
 * Such parts are dropped; a part that asks something about a number keeps it (masked).
 */
export function withoutPersonalStatements(text: string, published: readonly string[] = []): string {
  const masked = maskPersonalNumbers(text, published);
  if (!MASKS.test(masked)) return text;
  return masked
    .split(/(?<=[，,；;。！!？?])/)
    .filter((part) => !(MASKS.test(part) && part.replace(new RegExp(MASKS.source, 'g'), '').replace(SELF_LABEL, '').replace(/[\p{P}]/gu, '') === ''))
    .join('')
    .trim();
}
