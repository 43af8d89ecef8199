import { describe, expect, it } from 'vitest';
import { assess } from '../../server/engine';
import type { Requirement } from '../../server/knowledge/schemas/engine';
import { Profile, type ProfileInput } from '../../server/schemas/profile';
import { realKb } from './kb';
import { clauseTreeText, quotedPieces } from './quotes';

const kb = realKb();
const tree = clauseTreeText(kb);

/** Every element of 三 with all of its requirements (both branches of 三(一)4). */
const ELEMENTS = Object.entries(kb.elements.categories).flatMap(([category, spec]) =>
  spec.elements.map((el) => ({
    category,
    clause: el.clause,
    reqs: [...(el.requirements ?? []), ...(el.branches?.discrete ?? []), ...(el.branches?.process ?? [])] as Requirement[],
  })),
);

const squash = (s: string) => s.replace(/\s/g, '');

/** Character positions of the clause text that the recorded qualifier wordings cover, by reading. */
function covered(clause: string, reqs: Requirement[], reading?: string): Set<number> {
  const text = tree(clause);
  const out = new Set<number>();
  for (const q of reqs.flatMap((r) => r.qualifiers ?? [])) {
    if (reading && q.reading !== reading) continue;
    const w = squash(q.wording);
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) for (let i = at; i < at + w.length; i++) out.add(i);
  }
  return out;
}

describe('the readings of the notice’s own qualifiers (「等」, 「根据…需要」)', () => {
  it('covers every element clause of 三 exactly once', () => {
    const ids = kb.clauses.filter((c) => /^三\([一二三]\)\d+$/.test(c.id)).map((c) => c.id).sort();
    expect(ELEMENTS.map((e) => e.clause).sort()).toEqual(ids);
  });

  it('quotes the notice verbatim: every requirement text and every qualifier wording is a substring of its clause', () => {
    let n = 0;
    for (const { clause, reqs } of ELEMENTS) {
      for (const r of reqs) {
        for (const piece of r.text.split('……')) {
          expect(tree(clause), `${clause} requirement: ${piece}`).toContain(squash(piece));
          n++;
        }
        for (const q of r.qualifiers ?? []) {
          expect(tree(clause), `${clause} qualifier: ${q.wording}`).toContain(squash(q.wording));
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(80);
  });

  it('records a reading for every 「等」 list in 三', () => {
    let lists = 0;
    for (const { clause, reqs } of ELEMENTS) {
      const text = tree(clause);
      const cover = covered(clause, reqs);
      for (let at = text.indexOf('等'); at >= 0; at = text.indexOf('等', at + 1)) {
        lists++;
        expect(cover.has(at), `${clause}: no reading for 「${text.slice(Math.max(0, at - 24), at + 4)}」`).toBe(true);
      }
    }
    // The count of 「等」 in 三 as the notice has it: a change in the clause text must be looked at again.
    expect(lists).toBe(30);
  });

  it('reads every 「根据…需要」 in 三 as asNeeded', () => {
    let found = 0;
    for (const { clause, reqs } of ELEMENTS) {
      const text = tree(clause);
      const cover = covered(clause, reqs, 'asNeeded');
      for (const m of text.matchAll(/根据[^，。；]{0,12}?需要/g)) {
        found++;
        for (let i = m.index!; i < m.index! + m[0].length; i++) expect(cover.has(i), `${clause}: 「${m[0]}」 is not read as asNeeded`).toBe(true);
      }
    }
    expect(found).toBe(1);
  });

  it('reads the same wording the same way wherever it appears', () => {
    const byWording = new Map<string, Set<string>>();
    for (const q of ELEMENTS.flatMap((e) => e.reqs.flatMap((r) => r.qualifiers ?? []))) {
      byWording.set(q.wording, (byWording.get(q.wording) ?? new Set()).add(q.reading));
    }
    for (const [wording, readings] of byWording) expect([...readings], wording).toHaveLength(1);
  });

  it('never requires together, in one category, capabilities that another of its requirements reads as alternatives', () => {
    for (const [category, spec] of Object.entries(kb.elements.categories)) {
      const reqs = spec.elements.flatMap((el) => [...(el.requirements ?? []), ...(el.branches?.discrete ?? []), ...(el.branches?.process ?? [])]);
      for (const alt of reqs.filter((r) => r.any)) {
        for (const r of reqs.filter((x) => x.all)) {
          const together = alt.any!.filter((id) => r.all!.includes(id));
          expect(together.length, `${category}: ${alt.any!.join('/')} are alternatives, yet “${r.text}” requires ${together.join(', ')}`).toBeLessThan(2);
        }
      }
    }
  });

  it('keeps the qualifier in the advice of an asNeeded requirement, quoted verbatim', () => {
    const asNeeded = ELEMENTS.flatMap((e) => e.reqs.filter((r) => r.qualifiers?.some((q) => q.reading === 'asNeeded')).map((r) => ({ clause: e.clause, r })));
    expect(asNeeded.map((x) => x.clause)).toEqual(['三(一)6']);
    for (const { clause, r } of asNeeded) {
      const wording = r.qualifiers!.find((q) => q.reading === 'asNeeded')!.wording;
      expect(quotedPieces(r.advice!).some((p) => p.includes(wording)), `${clause}: ${r.advice}`).toBe(true);
    }
  });
});

describe('the engine applies the readings', () => {
  const ALL_WORKSHOP = {
    industrialNetwork: true, securityProtection: true, automatedLines: true, flexibleCell: true,
    scada: true, mes: true, erp: true, scadaMesErpIntegration: true, autoId: true, agvRgv: true,
    onlineInspection: true, qualityTraceability: true,
  } as const;
  const profile = (over: Partial<ProfileInput>): Profile =>
    Profile.parse({
      enterprise: {
        name: '测试机械有限公司', province: '河南省', city: '郑州市', industryCode: '34',
        independentLegalPerson: true, groupOrHeadOffice: false, manufacturingMainBusiness: true, operatingWell: true,
        credit: { dishonestExecutee: false, taxViolationBlacklist: false, seriousIllegalDishonest: false },
        priorTitles: [], appliedThisYear: false,
      },
      productionMode: 'discrete',
      selfAssessment: { automationAdvanced: true, networkingAdvanced: true },
      ...over,
    });
  const cond = (p: Profile, clause: string) => assess(kb, p).conditions.find((c) => c.clause === clause)!;

  it('does not make a workshop without AGV/RGV a gap in 三(一)6, and the advice keeps 「根据生产需要」', () => {
    for (const agvRgv of [false, 'partial'] as const) {
      const a = assess(kb, profile({ scope: 'workshop', capabilities: { ...ALL_WORKSHOP, agvRgv } }));
      const c = a.conditions.find((x) => x.clause === '三(一)6')!;
      expect(c.status, String(agvRgv)).toBe('met');
      expect(c.missing).toEqual([]);
      expect(c.advice).toContain('根据生产需要');
      expect(a.verdict).toBe('qualified');
    }
    // With AGV in place there is nothing to explain.
    expect(cond(profile({ scope: 'workshop', capabilities: { ...ALL_WORKSHOP } }), '三(一)6').advice).not.toContain('根据生产需要');
  });

  it('still asks about AGV/RGV: an unanswered 三(一)6 stays unknown', () => {
    const { agvRgv: _a, ...caps } = ALL_WORKSHOP;
    const c = cond(profile({ scope: 'workshop', capabilities: caps }), '三(一)6');
    expect(c.status).toBe('unknown');
    expect(c.unknown).toEqual(['agvRgv']);
  });

  it('requires intelligent transport in the discrete factory’s 三(二)3, which has no 「根据生产需要」', () => {
    const c = cond(profile({ scope: 'factory', capabilities: { agvRgv: false } }), '三(二)3');
    expect(c.status).toBe('unmet');
    expect(c.missing).toContain('agvRgv');
  });
});
