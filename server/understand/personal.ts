/**
 * Personal numbers an enterprise may type into a question are masked before the question is
 * logged: staff need the question, not the caller's phone or ID number.
 */
const ID_CARD = /(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const ID_CARD_15 = /(?<![0-9A-Za-z])\d{6}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}[-—－\s]?\d{7,8}(?!\d)/g;

export function maskPersonalNumbers(text: string): string {
  return text
    .replace(ID_CARD, '[身份证号]')
    .replace(ID_CARD_15, '[身份证号]')
    .replace(MOBILE, '[手机号]')
    .replace(LANDLINE, '[电话]');
}

const MASKS = /\[(?:身份证号|手机号|电话)\]/;
// What surrounds a number someone gives about themselves: "我电话…", "手机号是…", "身份证：…".
const SELF_LABEL = /[我的是为：:\s]|电话|手机号?|号码|联系方式|身份证号?/g;

/**
 * A part of a question that only states the asker's own phone or ID number is not part of the
 * question: "我电话138…，今天天气怎么样" asks about the weather, not about the helpline's number.
 * Such parts are dropped; a part that asks something about a number keeps it (masked).
 */
export function withoutPersonalStatements(text: string): string {
  const masked = maskPersonalNumbers(text);
  if (!MASKS.test(masked)) return text;
  return masked
    .split(/(?<=[，,；;。！!？?])/)
    .filter((part) => !(MASKS.test(part) && part.replace(new RegExp(MASKS.source, 'g'), '').replace(SELF_LABEL, '').replace(/[\p{P}]/gu, '') === ''))
    .join('')
    .trim();
}
