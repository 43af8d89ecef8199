import { describe, expect, it } from 'vitest';
import { assess } from '../../server/engine';
import { fill, labelOf } from '../../server/engine/kb';
import type { Requirement } from '../../server/knowledge/schemas/engine';
import { CAPABILITY_IDS, Profile, type Assessment, type CapabilityId, type Category, type ProfileInput } from '../../server/schemas/profile';
import { PROFILE_FIXTURES } from '../fixtures/profiles';
import { realKb } from './kb';
import { clauseTreeText, nonVerbatim, quotedPieces, unquoted } from './quotes';

const kb = realKb();
const tree = clauseTreeText(kb);

/* ------------------------------------------------------------------ profiles: the twelve fixtures plus seeded random ones */

/** A small seeded generator, so a failure can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const INDUSTRIES = ['13', '17', '26', '27', '29', '30', '34', '36', '38', '39', '42', '43', '51'];

function randomProfile(seed: number): Profile {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const rare = () => r() < 0.08;
  const caps: Partial<Record<CapabilityId, boolean | 'partial'>> = {};
  // Some enterprises have nearly everything, some nearly nothing: both ends must hold the properties.
  const richness = r();
  for (const id of CAPABILITY_IDS) {
    const x = r();
    if (x < 0.15) continue;
    caps[id] = x < 0.15 + richness * 0.75 ? true : x < 0.93 ? false : 'partial';
  }
  const yn = () => (r() < 0.2 ? undefined : r() < 0.75);
  const input: ProfileInput = {
    enterprise: {
      name: `随机企业${seed}`, province: rare() ? '湖北省' : '河南省', city: pick(['郑州市', '洛阳市', '巩义市', '新乡市']),
      industryCode: pick(INDUSTRIES),
      independentLegalPerson: !rare(), groupOrHeadOffice: rare(), manufacturingMainBusiness: !rare(), operatingWell: !rare(),
      credit: { dishonestExecutee: rare(), taxViolationBlacklist: rare(), seriousIllegalDishonest: rare() },
      priorTitles: rare() ? ['smartFactory'] : r() < 0.1 ? ['smartWorkshop'] : [],
      appliedThisYear: rare(),
      greenPriority: r() < 0.2,
    },
    scope: pick(['workshop', 'factory', undefined] as const),
    productionMode: pick(['discrete', 'process', undefined] as const),
    capabilities: caps,
    metrics: { automationRatio: Math.round(r() * 100), networkedRatio: Math.round(r() * 100) },
    selfAssessment: { automationAdvanced: yn(), networkingAdvanced: yn(), dataCollectionAdvanced: yn() },
  };
  return Profile.parse(input);
}

/**
 * The qualified factories (P10, P11) applying as factories with one factory-level capability missing
 * at a time: the case where falling back to 智能车间 is a real question, which random profiles seldom reach.
 */
function knockedOut(): { name: string; profile: Profile }[] {
  const out: { name: string; profile: Profile }[] = [];
  for (const [id, category] of [['P10', 'discreteFactory'], ['P11', 'processFactory']] as const) {
    const fx = PROFILE_FIXTURES.find((f) => f.id === id)!;
    const caps = kb.elements.categories[category].elements
      .filter((el) => el.factoryLevel)
      .flatMap((el) => el.requirements!.flatMap((r) => [...(r.all ?? []), ...(r.any ?? [])]));
    for (const cap of new Set(caps)) {
      out.push({ name: `${id} without ${cap}`, profile: Profile.parse({ ...fx.profile, scope: 'factory', capabilities: { ...fx.profile.capabilities, [cap]: false } }) });
    }
  }
  return out;
}

const PROFILES: { name: string; profile: Profile }[] = [
  ...PROFILE_FIXTURES.map((fx) => ({ name: fx.id, profile: Profile.parse(fx.profile) })),
  ...knockedOut(),
  ...Array.from({ length: 600 }, (_, i) => ({ name: `seed ${i + 1}`, profile: randomProfile(i + 1) })),
];
const RUNS = PROFILES.map((p) => ({ ...p, a: assess(kb, p.profile) }));

/** Every sentence an assessment says, with the clause it names (none for whyNot and unclaused reasons). */
function sentences(a: Assessment): { where: string; clause?: string; text: string }[] {
  return [
    ...a.blocking.flatMap((b) => [
      { where: 'blocking.reason', clause: b.clause, text: b.reason },
      { where: 'blocking.remedy', clause: b.clause, text: b.remedy },
    ]),
    ...a.category.reasons.map((r) => ({ where: 'reason', clause: r.clause, text: r.text })),
    ...a.category.alternatives.map((x) => ({ where: `whyNot ${x.category}`, text: x.whyNot })),
    ...a.conditions.map((c) => ({ where: `advice ${c.clause}`, clause: c.clause, text: c.advice })),
    ...a.notes.map((n) => ({ where: 'note', clause: n.clause, text: n.text })),
  ];
}

/* ------------------------------------------------------------------ every quote is verbatim */

describe('every quote the engine can say is the notice’s own text', () => {
  it('quotes verbatim, under the clause it names, in every template of the engine’s knowledge', () => {
    const t = kb.categoryRules;
    const templates: { where: string; clause?: string; text: string }[] = [];
    for (const [category, spec] of Object.entries(kb.elements.categories)) {
      for (const el of spec.elements) {
        const reqs: Requirement[] = [...(el.requirements ?? []), ...(el.branches?.discrete ?? []), ...(el.branches?.process ?? [])];
        for (const text of [...Object.values(el.advice), ...reqs.flatMap((r) => (r.advice ? [r.advice] : []))]) templates.push({ where: `${category} ${el.clause}`, clause: el.clause, text });
        // The requirement text is quoted as it stands.
        for (const r of reqs) templates.push({ where: `${el.clause} requirement`, clause: el.clause, text: `“${r.text}”` });
      }
    }
    const sa = kb.elements.selfAssessment;
    for (const text of [sa.reported, sa.notReported, sa.noThreshold, sa.unknown, ...Object.values(sa.labels)]) templates.push({ where: 'selfAssessment', clause: '三', text });
    for (const [id, h] of Object.entries(t.hard)) {
      templates.push({ where: `hard.${id}.reason`, clause: h.clause, text: h.reason }, { where: `hard.${id}.remedy`, clause: h.clause, text: h.remedy });
    }
    for (const [key, v] of Object.entries(t.texts)) {
      if (typeof v === 'string') templates.push({ where: `texts.${key}`, text: v });
      else templates.push({ where: `texts.${key}`, clause: v.clause, text: v.text });
    }
    for (const [key, v] of Object.entries(t.notes)) {
      for (const [field, text] of Object.entries(v)) if (field !== 'clause') templates.push({ where: `notes.${key}.${field}`, clause: v.clause, text });
    }
    let quotes = 0;
    for (const { where, clause, text } of templates) {
      // The one quote template is filled only with requirement texts, which are checked as they stand above.
      if (t.texts.quoteItem === text) continue;
      // A placeholder inside quotation marks could put anything there: quotes are fixed notice text.
      for (const piece of quotedPieces(text)) expect(piece, `${where}: a placeholder inside a quote`).not.toMatch(/\{\w+\}/);
      if (!clause) {
        expect(quotedPieces(text), `${where} has no clause, so it may not quote`).toEqual([]);
        continue;
      }
      expect(nonVerbatim(tree, clause, text), `${where} (${clause})`).toEqual([]);
      quotes += quotedPieces(text).length;
    }
    expect(quotes).toBeGreaterThanOrEqual(86);
  });

  it('quotes verbatim in every assessment of the twelve fixtures and 600 random enterprises, and cites only clauses that exist', () => {
    const ids = new Set(kb.clauses.map((c) => c.id));
    let quotes = 0;
    for (const { name, a } of RUNS) {
      for (const s of sentences(a)) {
        if (s.clause) expect(ids.has(s.clause), `${name} ${s.where} cites ${s.clause}`).toBe(true);
        // Clause references inside the prose (……（四(一)）, 三(三)5 系统集成) must name real clauses too.
        for (const m of s.text.matchAll(/[一二三四五][(（][一二三四五六七八九十]+[)）]\d*/g)) {
          expect(ids.has(m[0].replace('（', '(').replace('）', ')')), `${name} ${s.where} refers to ${m[0]}`).toBe(true);
        }
        if (!s.clause) {
          expect(quotedPieces(s.text), `${name} ${s.where} has no clause, so it may not quote`).toEqual([]);
          continue;
        }
        expect(nonVerbatim(tree, s.clause, s.text), `${name} ${s.where} (${s.clause})`).toEqual([]);
        quotes += quotedPieces(s.text).length;
      }
    }
    expect(quotes).toBeGreaterThan(5000);
  });
});

/* ------------------------------------------------------------------ ineligible: nothing recommended */

describe('an ineligible enterprise is recommended nothing', () => {
  const byId = (id: string) => RUNS.find((x) => x.name === id)!.a;

  it('holds for every fixture and random enterprise: blocked means no recommendation, and each block says what would change it', () => {
    let blocked = 0;
    for (const { name, a } of RUNS) {
      if (!a.blocking.length) {
        expect(a.category.ifEligible, name).toBeUndefined();
        continue;
      }
      blocked++;
      expect(a.category.recommended, name).toBeNull();
      expect(a.verdict, name).toBe('ineligible');
      expect(a.category.alternatives, name).toEqual([]);
      for (const b of a.blocking) {
        expect(b.clause, name).toMatch(/^(二|四)\(/);
        expect(b.remedy.length, name).toBeGreaterThan(5);
      }
      // No note invites an application: neither the workshop fallback nor the reviewers' 典型示范意义.
      expect(a.notes.map((n) => n.clause), name).not.toContain(kb.categoryRules.notes.factoryGaps.clause);
      expect(a.notes.map((n) => n.text), name).not.toContain(kb.categoryRules.notes.demonstration.text);
    }
    expect(blocked).toBeGreaterThan(100);
  });

  it('P09, registered outside 河南 as a branch: 二(一) blocks, and a Henan subsidiary with its own legal personality is the way', () => {
    const a = byId('P09');
    expect(a.category.recommended).toBeNull();
    expect(a.blocking.map((b) => b.clause)).toEqual(['二(一)', '二(一)']);
    expect(a.blocking[0].reason).toContain('在河南省境内注册');
    expect(a.blocking.map((b) => b.remedy).join('')).toContain('子公司');
    expect(a.category.reasons[0]).toMatchObject({ clause: '二(一)' });
  });

  it('P03, on the 失信被执行人 list: 二(四) vetoes, and credit repair before the filing date is the way', () => {
    const a = byId('P03');
    expect(a.category.recommended).toBeNull();
    expect(a.category.ifEligible).toBe('processFactory');
    expect(a.blocking).toHaveLength(1);
    expect(a.blocking[0].clause).toBe('二(四)');
    expect(a.blocking[0].reason).toContain('失信被执行人');
    expect(a.blocking[0].remedy).toContain('信用修复');
    expect(a.blocking[0].remedy).toContain('截至申报日');
  });

  it('P01, a group headquarters: 二(一) blocks, and a subsidiary that is its own legal person may apply in its own name', () => {
    const a = byId('P01');
    expect(a.category.recommended).toBeNull();
    expect(a.blocking).toHaveLength(1);
    expect(a.blocking[0].reason).toContain('不支持以集团、总公司名义申报');
    expect(a.blocking[0].remedy).toMatch(/子公司.*独立法人|独立法人.*子公司/);
    expect(a.blocking[0].remedy).toContain('自身名义');
  });

  it('takes the remedy from the knowledge data', () => {
    const changed = structuredClone(kb);
    changed.categoryRules.hard.groupOrHeadOffice.remedy = '测试用的出路';
    expect(assess(changed, PROFILES[0].profile).blocking[0].remedy).toBe('测试用的出路');
  });
});

/* ------------------------------------------------------------------ advice from the enterprise's own conditions and branch */

const failing = (c: Assessment['conditions'][number]) => c.status === 'unmet' || c.status === 'partial';

/** The words that name a capability: its labels, and its Latin abbreviations (DCS, SIS, MES…). */
function namesOf(id: CapabilityId, category: Category | undefined): string[] {
  const cap = kb.capabilities.capabilities.find((c) => c.id === id)!;
  const latin = cap.aliases.filter((w) => /^[A-Za-z]{2,}$/.test(w));
  return [...new Set([labelOf(kb, id, category), cap.label, ...latin])];
}

/** Whether a text names `name`; a Latin abbreviation only as a whole word (CAD is not inside SCADA). */
function mentions(text: string, name: string): boolean {
  if (!/^[A-Za-z]+$/.test(name)) return text.includes(name);
  return new RegExp(`(?<![A-Za-z])${name}(?![A-Za-z])`, 'i').test(text);
}

/** The capabilities one production mode's clauses ask for and the other's never do. */
function branchOnly(): Record<'discrete' | 'process', CapabilityId[]> {
  const seen = { discrete: new Set<CapabilityId>(), process: new Set<CapabilityId>() };
  const add = (mode: 'discrete' | 'process' | 'both', reqs: Requirement[]) => {
    for (const id of reqs.flatMap((r) => [...(r.all ?? []), ...(r.any ?? [])])) {
      if (mode !== 'process') seen.discrete.add(id);
      if (mode !== 'discrete') seen.process.add(id);
    }
  };
  const c = kb.elements.categories;
  for (const el of c.smartWorkshop.elements) {
    if (el.branches) {
      add('discrete', el.branches.discrete);
      add('process', el.branches.process);
    } else add('both', el.requirements!);
  }
  for (const el of c.discreteFactory.elements) add('discrete', el.requirements!);
  for (const el of c.processFactory.elements) add('process', el.requirements!);
  return {
    discrete: [...seen.discrete].filter((id) => !seen.process.has(id)),
    process: [...seen.process].filter((id) => !seen.discrete.has(id)),
  };
}

describe('gap advice comes from the enterprise’s own conditions and its own branch', () => {
  it('never names, in its own words, a capability the enterprise already has', () => {
    let checked = 0;
    for (const { name, profile, a } of RUNS) {
      const category = a.category.recommended ?? a.category.ifEligible;
      const owned = CAPABILITY_IDS.filter((id) => profile.capabilities[id] === true);
      for (const c of a.conditions.filter((x) => x.status !== 'met')) {
        // Quotes are the notice's words and the listed items are this element's own gaps; the rest is the engine's advice.
        let own = unquoted(c.advice);
        // Longest first: a composite's label (SCADA与MES和ERP的集成) goes before the names inside it.
        const listed = [...c.missing, ...c.unknown].flatMap((id) => namesOf(id, category)).sort((x, y) => y.length - x.length);
        for (const n of listed) own = own.split(n).join('');
        for (const id of owned) {
          for (const n of namesOf(id, category)) {
            expect(mentions(own, n), `${name} ${c.clause} names ${id} (${n}), which it has: ${c.advice}`).toBe(false);
          }
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('lists each gap as one item: no label reads as two items of a 「、」 list', () => {
    // 「需补齐：MES、SCADA、MES与ERP集成」 would read as SCADA missing on its own.
    const sep = kb.categoryRules.texts.listSeparator;
    const categories = [undefined, 'smartWorkshop', 'discreteFactory', 'processFactory'] as const;
    // The names another capability goes by: its labels and the abbreviations in them (「SCADA」).
    const namesOfOther = (id: CapabilityId) =>
      new Set(CAPABILITY_IDS.filter((o) => o !== id).flatMap((o) => categories.flatMap((c) => [labelOf(kb, o, c), ...[...labelOf(kb, o, c).matchAll(/（([A-Za-z/]+)/g)].map((m) => m[1]!)])));
    let checked = 0;
    for (const id of CAPABILITY_IDS) {
      const others = namesOfOther(id);
      for (const category of categories) {
        // Words inside brackets are not items of the list the label stands in.
        const pieces = labelOf(kb, id, category).replace(/（[^）]*）/g, '').split(sep);
        if (pieces.length < 2) continue;
        checked++;
        for (const piece of pieces) expect(others.has(piece.trim()), `${id} in ${category ?? 'any'}: 「${piece}」`).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('offers the alternatives of an 「等」 list read as anyOf as alternatives, not as items all needed', () => {
    // 三(三)4: 「仓储管理（WMS）、罐区自动化（TAS）、堆场管理等系统」: one of them suffices.
    const p = PROFILE_FIXTURES.find((f) => f.id === 'P06')!;
    const a = assess(kb, Profile.parse({ ...p.profile, capabilities: { ...p.profile.capabilities, wms: false, tankYard: false } }));
    const advice = a.conditions.find((c) => c.clause === '三(三)4')!.advice;
    const wms = labelOf(kb, 'wms', 'processFactory');
    const tank = labelOf(kb, 'tankYard', 'processFactory');
    expect(advice).not.toContain(`${wms}${kb.categoryRules.texts.listSeparator}${tank}`);
    expect(advice).toContain(fill(kb.categoryRules.texts.anyItem, { items: [wms, tank].join(kb.categoryRules.texts.anySeparator) }));
  });

  it('says a self-assessed shortfall once in an element advice', () => {
    // The gap wording already names the self-assessment that fails; a note repeating it adds nothing.
    let checked = 0;
    for (const { name, a } of RUNS) {
      for (const c of a.conditions.filter((x) => x.status === 'unmet')) {
        for (const key of ['automationAdvanced', 'networkingAdvanced', 'dataCollectionAdvanced'] as const) {
          const label = kb.elements.selfAssessment.labels[key];
          const times = unquoted(c.advice).split(label).length - 1;
          expect(times, `${name} ${c.clause}: ${c.advice}`).toBeLessThanOrEqual(1);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('never tells an enterprise with DCS and SIS to build them', () => {
    const p = PROFILE_FIXTURES.find((f) => f.id === 'P06')!;
    const withBoth = Profile.parse({ ...p.profile, capabilities: { ...p.profile.capabilities, dcs: true, sis: true } });
    const a = assess(kb, withBoth);
    for (const c of a.conditions) expect(unquoted(c.advice), c.clause).not.toMatch(/DCS|SIS|分布式控制系统|安全仪表系统/);
    // Without them, the same enterprise is told so.
    const without = assess(kb, Profile.parse(p.profile));
    expect(without.conditions.find((c) => c.clause === '三(三)3')!.advice).toContain('安全仪表系统');
  });

  it('uses only its own branch’s words once the production mode is known', () => {
    const only = branchOnly();
    expect(only.process).toEqual(expect.arrayContaining(['dcs', 'sis', 'apc', 'tankYard']));
    expect(only.discrete).toEqual(expect.arrayContaining(['andon', 'errorProofing', 'flexibleCell', 'autoWarehouse']));
    let checked = 0;
    for (const { name, profile, a } of RUNS) {
      const mode = profile.productionMode;
      const category = a.category.recommended ?? a.category.ifEligible;
      if (!mode || !category) continue;
      const other = only[mode === 'discrete' ? 'process' : 'discrete'];
      const otherFactory: Category = mode === 'discrete' ? 'processFactory' : 'discreteFactory';
      const ours = CAPABILITY_IDS.map((id) => labelOf(kb, id, category)).sort((x, y) => y.length - x.length);
      for (const c of a.conditions) {
        for (const id of other) for (const n of namesOf(id, category)) expect(mentions(c.advice, n), `${name} (${mode}) ${c.clause} names ${n}: ${c.advice}`).toBe(false);
        // Capabilities worded differently per branch (质量改进 / 配方优化) use this branch's words: once this
        // category's own labels are taken out, none of the other branch's labels is left.
        let rest = c.advice;
        for (const label of ours) rest = rest.split(label).join('');
        for (const cap of kb.capabilities.capabilities) {
          const theirs = cap.labels?.[otherFactory];
          if (theirs) expect(rest.includes(theirs), `${name} ${c.clause}: ${theirs}`).toBe(false);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('words a process factory’s missing AI application as 配方优化, a discrete factory’s as 质量改进', () => {
    const ai = (mode: 'discrete' | 'process') =>
      assess(kb, Profile.parse({ ...PROFILE_FIXTURES[9].profile, scope: 'factory', productionMode: mode, capabilities: { aiApplication: false } }))
        .conditions.find((c) => c.clause.endsWith('6') && c.clause.startsWith('三('))!.advice;
    expect(ai('process')).toContain('配方优化');
    expect(ai('process')).not.toContain('质量改进');
    expect(ai('discrete')).toContain('质量改进');
    expect(ai('discrete')).not.toContain('配方优化');
  });

  it('suggests falling back to 智能车间 only when the workshop elements would pass', () => {
    const n = kb.categoryRules.notes.factoryGaps;
    // Any sentence that invites the fallback (先申报智能车间, 先按智能车间申报).
    const invite = /先(?:按|申报)智能车间/;
    expect(n.workshopReady).toMatch(invite);
    expect(n.workshopGaps).not.toMatch(invite);
    let invited = 0;
    let refused = 0;
    for (const { name, profile, a } of RUNS) {
      const texts = [...a.notes.map((x) => x.text), ...a.conditions.map((c) => c.advice)];
      const asWorkshop = assess(kb, { ...profile, scope: 'workshop' });
      const workshopFails = asWorkshop.conditions.some(failing);
      if (texts.some((t) => invite.test(t))) {
        invited++;
        expect(workshopFails, `${name}: invited to apply as a workshop that fails ${asWorkshop.conditions.filter(failing).map((c) => c.clause)}`).toBe(false);
      }
      if (a.notes.some((x) => x.clause === n.clause && x.text.startsWith(n.workshopGaps.slice(0, 6)) && x.text.includes('改报智能车间也不能解决'))) {
        refused++;
        expect(workshopFails, name).toBe(true);
      }
    }
    // Both sides of the rule occur among the profiles, so neither half of the test is empty.
    expect(invited).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
