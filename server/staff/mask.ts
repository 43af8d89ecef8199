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
