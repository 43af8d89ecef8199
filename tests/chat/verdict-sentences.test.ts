import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { assess } from '../../server/engine';
import { indexOf } from '../../server/engine/kb';
import { phrases } from '../../server/chat/phrases';
import { Profile } from '../../server/schemas/profile';
import { PROFILE_FIXTURES } from '../fixtures/profiles';
import { NEW_ENTERPRISES } from '../fixtures/new-enterprises';
import { serveForFile } from './serve';
import { ineligible } from './enterprises';
import { said, steer } from './steer';

/*
 * Every sentence of a verdict is said once. The knowledge's reasons quote overlapping clause
 * text, and the remedies of the 二(四) lists share their words, so a verdict that strings them
 * together repeats itself.
 */

const data = loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023');
const labels = indexOf(data).capLabel;
const names = { category: (c: keyof typeof data.elements.categories) => data.elements.categories[c]?.label ?? c, capability: (id: string) => labels.get(id as never) ?? id };

/** The clauses of a text (split at 。；？), without punctuation. */
const clauses = (text: string) =>
  text
    .split(/[。；？]/u)
    .map((c) => c.replace(/[\p{P}\s]/gu, ''))
    .filter((c) => c.length > 0);

/** Clauses said twice, or said again inside a longer one. */
function repeats(text: string): string[] {
  const cs = clauses(text);
  return cs.filter((c, i) => cs.some((d, j) => j !== i && (d === c ? j < i : d.includes(c))));
}

/** Every way the sample enterprises can be blocked at once: its own answers, and every list of 二(四) on top. */
const onAllLists = (p: (typeof PROFILE_FIXTURES)[number]['profile']) => ({
  ...p,
  enterprise: { ...p.enterprise, credit: { dishonestExecutee: true, taxViolationBlacklist: true, seriousIllegalDishonest: true } },
});

describe('the verdict of every sample enterprise', () => {
  for (const f of PROFILE_FIXTURES) {
    it(`${f.id}: says each sentence once, eligible or not`, () => {
      for (const profile of [f.profile, onAllLists(f.profile)]) {
        const a = assess(data, Profile.parse(profile));
        const verdict = phrases.verdict(a, names);
        expect(repeats(verdict), verdict).toEqual([]);
      }
    });
  }

  it('keeps every failing condition when two share their words (two lists of 二(四))', () => {
    const a = assess(data, Profile.parse(onAllLists(PROFILE_FIXTURES[0]!.profile)));
    const verdict = phrases.verdict(a, names);
    for (const list of ['失信被执行人', '税收违法黑名单', '严重违法失信名单']) expect(verdict).toContain(list);
    expect(verdict).toContain('二(一)');
    expect(verdict).toContain('二(四)');
  });
});

const srv = serveForFile();

describe('an enterprise that fails several hard conditions, in the chat', () => {
  it('hears the offer to stop or carry on once, and a verdict with no sentence twice', async () => {
    const e = {
      name: '江苏注册、列入三类名单的分公司',
      facts: {
        ...ineligible.facts,
        'ent.registeredInHenan': false,
        'ent.independentLegalPerson': false,
        'ent.credit.taxViolationBlacklist': true,
        'ent.credit.seriousIllegalDishonest': true,
      },
    };
    const s = await steer(srv.url, e, () => false);
    const texts = said(s.client.received);
    const verdict = texts.find((t) => t.startsWith('评估结果'))!;
    expect(verdict).toBeDefined();
    expect(repeats(verdict), verdict).toEqual([]);
    expect(texts.filter((t) => t.includes('您可以到此为止'))).toHaveLength(1);
    // Each condition was still explained as it failed.
    expect(texts.filter((t) => t.startsWith('请注意：根据通知'))).toHaveLength(5);
    await s.client.close();
  });
});

describe('an element named by one of its own missing capabilities', () => {
  it('says that capability once, first, with the others after it, not inside the element title', () => {
    const named = { ...names, capability: (id: string) => indexOf(data).capLabelIn.get(id as never)?.discreteFactory ?? names.capability(id) };
    // A discrete factory with neither AI nor fault prediction: 三(二)6 misses both.
    const a = assess(data, Profile.parse(NEW_ENTERPRISES.find((e) => e.id.startsWith('N32-'))!.profile));
    const ai = a.conditions.find((c) => c.clause === '三(二)6')!;
    expect(ai.missing).toEqual(expect.arrayContaining(['aiApplication', 'predictiveMaintenance']));
    const verdict = phrases.verdict(a, named);
    expect(verdict).not.toContain(`${ai.title}（${ai.title}`);
    expect(verdict).toContain(`${named.capability('aiApplication')}、${named.capability('predictiveMaintenance')}`);
  });
});

describe('a capability two elements read is named once in the verdict', () => {
  /** Every capability name of the element lists, by how often the verdict says it. */
  const twice = (verdict: string, a: ReturnType<typeof assess>) =>
    [...new Set(a.conditions.flatMap((c) => [...c.missing, ...c.unknown]).map(names.capability))].filter((n) => verdict.split(n).length > 2);
  const base = PROFILE_FIXTURES.find((f) => f.id === 'P11')!.profile;
  const lacking = (caps: Record<string, boolean>) => assess(data, Profile.parse({ ...base, scope: 'factory', capabilities: { ...base.capabilities, ...caps } }));

  // The reported verdict: a process factory without SCADA and 制造管控系统, both read by 生产制造 and 系统集成.
  it('SCADA and 制造管控系统 lacking: named under 生产制造, and 系统集成 refers back to it', () => {
    const a = lacking({ scada: false, manufacturingControl: false });
    expect(a.category.recommended).toBe('processFactory');
    const verdict = phrases.verdict(a, names);
    expect(twice(verdict, a), verdict).toEqual([]);
    expect(verdict).toContain(names.capability('scada'));
    expect(verdict).toContain(names.capability('manufacturingControl'));
    expect(verdict).toContain('系统集成（涉及的各项已在生产制造中列出）');
  });

  // Other pairs two elements read: ERP (经营管理, 系统集成), DCS (生产制造, 系统集成), and the sample enterprises.
  it.each<Record<string, boolean>>([{ erp: false }, { dcs: false }, { scada: false, erp: false }])('%o lacking: each named once', (caps) => {
    const a = lacking(caps);
    const verdict = phrases.verdict(a, names);
    expect(twice(verdict, a), verdict).toEqual([]);
    for (const id of Object.keys(caps)) expect(verdict).toContain(names.capability(id));
  });

  it.each(PROFILE_FIXTURES.map((f) => [f.id, f.profile] as const))('%s: no capability named twice', (_id, profile) => {
    const a = assess(data, Profile.parse(profile));
    const verdict = phrases.verdict(a, names);
    expect(twice(verdict, a), verdict).toEqual([]);
  });

  // The reported verdict: 「…系统集成（…）；其余已在生产制造中列出；人工智能技术应用…」 read as an element of its own. The
  // gap list holds exactly as many elements as it counts, each with its own title or system first.
  it.each<Record<string, boolean>>([
    { scada: false, systemIntegration: false, aiApplication: false },
    { dcs: false, systemIntegration: false, predictiveMaintenance: false },
    { erp: false, systemIntegration: false, scada: false, aiApplication: false },
  ])('%o lacking: the gap list has one element per gap counted', (caps) => {
    const verdict = phrases.verdict(lacking(caps), names);
    const m = /还有 (\d+) 项要素条件未完全满足：(.*?)。/u.exec(verdict)!;
    expect(m, verdict).not.toBeNull();
    const elements = m[2]!.split('；');
    expect(elements, verdict).toHaveLength(Number(m[1]));
    for (const e of elements) expect(e, verdict).not.toMatch(/^其余/u);
  });

  it('an element with a new lack beside one already said names the new one and refers back for the rest', () => {
    const a = lacking({ scada: false });
    const integration = a.conditions.find((c) => c.title === '系统集成')!;
    const verdict = phrases.verdict({ ...a, conditions: a.conditions.map((c) => (c === integration ? { ...c, missing: [...c.missing, 'plm' as never] } : c)) }, names);
    expect(verdict).toContain(`系统集成（${names.capability('plm')}，其余已在生产制造中列出）`);
  });

  // Near miss: a lack only one element reads is named there as before, with no reference.
  it('near miss: a capability one element reads is named in its element, with no reference', () => {
    const a = lacking({ energyManagement: false });
    const verdict = phrases.verdict(a, names);
    expect(verdict).toContain(`经营管理（${names.capability('energyManagement')}）`);
    expect(verdict).not.toContain('中列出');
  });
});
