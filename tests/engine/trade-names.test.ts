import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { industryFromText } from '../../server/engine/plan';
import { tradeOf } from '../../server/qa/answer';
import { realKb } from './kb';

/*
 * A trade's everyday names live in industries.json only: the interview reads a typed industry from them and the Q&A
 * trade lookup tells a question whether that trade is manufacturing from the same list, so the two never put one trade
 * in two divisions.
 */
const data = realKb();
const kb = createKnowledgeBase(data);
const divisions = [...data.industries.divisions, ...(data.industries.otherDivisions ?? [])];

/** The division the Q&A lookup puts a text in: a manufacturing division's code, another division's, or none. */
function answered(text: string): string | undefined {
  const t = tradeOf(kb, text);
  return t?.kind === 'manufacturing' ? t.division.code : t?.kind === 'other' ? t.code : undefined;
}

describe('one list of trade names for the interview and the Q&A', () => {
  it('the interview vocabulary holds no trade names of its own', () => {
    expect(Object.keys(data.interview.vocabulary)).not.toContain('industryAliases');
  });

  it('every trade name, said alone or as 「做…的」, is put in the division it is listed under by both paths', () => {
    const off: string[] = [];
    let n = 0;
    for (const d of divisions) {
      for (const w of d.aliases ?? []) {
        for (const text of [w, `做${w}的`]) {
          n++;
          const engine = industryFromText(data, text);
          const qa = answered(text);
          if (engine !== d.code || qa !== d.code) off.push(`${text}: listed ${d.code}, interview ${engine}, Q&A ${qa}`);
        }
      }
    }
    // Every name is checked, not a sample: the list has several hundred names.
    expect(n).toBeGreaterThan(1000);
    expect(off).toEqual([]);
  });

  it('no trade name is listed under two divisions', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const d of divisions) for (const w of d.aliases ?? []) {
      if (seen.has(w) && seen.get(w) !== d.code) twice.push(`${w}: ${seen.get(w)} and ${d.code}`);
      seen.set(w, d.code);
    }
    expect(twice).toEqual([]);
  });
});

describe('a maker of 原料药 is in 27 医药制造业, which includes 化学药品原料药制造', () => {
  for (const text of ['俺们是搞原料药哩', '化学原料药', '主要生产头孢类原料药', '维生素原料药和制剂都做', '做兽药原料的']) {
    it(`「${text}」 is division 27 in the interview and in the Q&A`, () => {
      expect(industryFromText(data, text)).toBe('27');
      expect(answered(text)).toBe('27');
    });
  }

  // Near misses: a chemical raw material is 26, and the machines for making medicine are 35 专用设备制造业.
  for (const [text, code] of [['化工原料', '26'], ['做化学原料的', '26'], ['原料药设备', '35'], ['制药设备', '35']] as const) {
    it(`「${text}」 stays in ${code}`, () => {
      expect(industryFromText(data, text)).toBe(code);
      expect(answered(text)).toBe(code);
    });
  }
});
