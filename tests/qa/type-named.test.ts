import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

/*
 * A question that names the type it asks of (智能车间, 离散型 or 流程型智能工厂) is answered from that type's
 * element conditions: its 三 clause is cited first, and another type's 三 clause is cited only where the
 * answer says it is that type's (a comparison, or 「这是…的要求」). Checked over every phrasing of the answer
 * base that names one type, and over phrasings of our own.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const categories = kb.data.intents.answerText.otherCategory.categories;
const under = (id: string, section: string) => id === section || (id.startsWith(section) && /^[\d(]/u.test(id.slice(section.length)));

/** The one type a question names; 「多少车间」「几个车间」 count workshops, they do not name the type. */
function typeNamed(q: string) {
  const t = q.replace(/(?:多少|几个|每个|哪些)车间/gu, '');
  const named = categories.filter((c) => c.words.some((w) => t.includes(w)) && !c.unless?.some((w) => t.includes(w)));
  return named.length === 1 ? named[0]! : undefined;
}

/** What is wrong with the 三 clauses an answer to a type-named question cites; empty when nothing is. */
function misplaced(q: string): string[] {
  const type = typeNamed(q)!;
  const a = answerQuestion(kb, q);
  const three = a.citations.map((c) => c.clause).filter((id) => id.startsWith('三('));
  if (three.length === 0) return [];
  const body = a.answer.split(`\n${kb.data.intents.answerText.basis}`)[0]!;
  const problems: string[] = [];
  // An answer that the asked type has no such requirement can quote only where it stands: another type's clause.
  const absent = /^(?:不要求|不单列|这是)/u.test(body.replace(/^（[^）]*）\n/u, ''));
  if (!under(three[0]!, type.section) && !absent) problems.push(`${q}: first cites ${three[0]}, not ${type.section}`);
  for (const id of three.filter((x) => !under(x, type.section))) {
    const owner = categories.find((c) => under(id, c.section));
    const said = owner && [id, owner.section, owner.name, owner.name.replace('智能工厂', '')].some((w) => body.includes(w));
    if (!said) problems.push(`${q}: cites ${id} without saying it is another type's`);
  }
  return problems;
}

describe('a question naming a type is answered from that type’s element conditions', () => {
  it('holds for every phrasing of the answer base that names one type', () => {
    const phrasings = kb.data.answerBase.entries.flatMap((e) => e.questions).filter((q) => typeNamed(q));
    // Measured at 281; the answer base only grows, so the check covers at least as many phrasings as then.
    expect(phrasings.length).toBeGreaterThanOrEqual(281);
    expect(phrasings.flatMap(misplaced)).toEqual([]);
  });

  it('answers a 流程型 question on the networked-equipment ratio from 三(三)3 only', () => {
    for (const q of ['流程型智能工厂要求设备连网率多少', '流程型工厂设备联网比例要达到多少', '我们报流程型智能工厂，设备联网的比例有没有硬性要求', '流程型的设备联网率怎么算分母']) {
      const a = answerQuestion(kb, q);
      expect(a.entries, q).toEqual(['process-network-rate']);
      expect([...new Set(a.citations.map((c) => c.clause))], q).toEqual(['三(三)3']);
      expect(a.answer, q).toContain('流程型智能工厂没有单列设备联网比例');
      // 「算分母」 asks for a denominator, not a score.
      expect(a.answer, q).not.toContain('加分');
      expect(misplaced(q), q).toEqual([]);
    }
  });

  it('leaves the workshop, the discrete factory and a question naming no type on 三(一)3 and 三(二)3', () => {
    expect(answerQuestion(kb, '设备联网率要多高').citations.map((c) => c.clause)).toEqual(['三(一)3', '三(二)3']);
    expect(answerQuestion(kb, '智能车间设备联网率多少').citations[0]!.clause).toBe('三(一)3');
    expect(answerQuestion(kb, '离散型智能工厂设备联网率要多少').citations[0]!.clause).toBe('三(二)3');
    // A comparison of the types cites each, and says of each what it asks.
    const compared = answerQuestion(kb, '车间设备联网率和工厂设备联网率要求一样吗');
    expect(compared.entries).toEqual(['network-rate-workshop-vs-factory']);
    expect(compared.citations.map((c) => c.clause)).toEqual(['三(一)3', '三(二)3', '三(三)3']);
  });

  it('answers a workshop question on AGVs from 三(一)6 alone', () => {
    for (const q of ['智能车间一定要用AGV吗', '报智能车间的话物料运输必须上AGV小车吗']) {
      expect([...new Set(answerQuestion(kb, q).citations.map((c) => c.clause))], q).toEqual(['三(一)6']);
      expect(misplaced(q), q).toEqual([]);
    }
  });
});
