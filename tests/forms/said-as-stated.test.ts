import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { applyFormAnswer, formFactsFromAnswers, formView, interpretForm, parseProducts } from '../../server/forms/phase';
import { DraftProfile } from '../../server/schemas/forms';
import { NEW_ENTERPRISES } from '../fixtures/new-enterprises';
import { completeFixtures } from './fixtures';
import type { Category } from '../../server/schemas/profile';

/*
 * The drafted form says what the enterprise said, once: a claim is made in one section of 二 and once within a
 * section; products said as a sentence are read into products with their shares or asked back; a question at a
 * field about its ratio is answered about that field.
 */
const kb = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...kb, templates: loadTemplates(), engine: kb };

/** The claim sentences of a draft (requests, headings and bare requests removed). */
function claims(text: string): string[] {
  return text
    .replace(/〔请补充：[^〕]*〕/g, '')
    .split(/(?<=[。；])|\n/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 4 && !/^【/.test(s));
}

const profiles: [string, DraftProfile, Category][] = [
  ...(Object.entries(completeFixtures) as [Category, Parameters<typeof DraftProfile.parse>[0]][]).map(([c, p]) => [c, DraftProfile.parse(p), c] as [string, DraftProfile, Category]),
  ...NEW_ENTERPRISES.map((e) => [e.id, DraftProfile.parse({ enterprise: e.profile.enterprise, scope: e.profile.scope, productionMode: e.profile.productionMode, capabilities: e.profile.capabilities, metrics: e.profile.metrics, form: e.form }), e.expected.drafted] as [string, DraftProfile, Category]),
];

describe('one claim, said once', () => {
  it('no claim sentence appears twice across the sections of 二, nor twice within one section of the drafted form', () => {
    const twice: string[] = [];
    for (const [id, p, c] of profiles) {
      const form = fillForm(ctx, p, c);
      const overview = Object.entries(form.drafts).filter(([s]) => s.startsWith('overview.')).flatMap(([, d]) => claims(d.text));
      for (const s of new Set(overview)) if (overview.filter((x) => x === s).length > 1) twice.push(`${id} 二: ${s}`);
      for (const [sec, d] of Object.entries(form.drafts)) {
        const own = claims(d.text);
        for (const s of new Set(own)) if (own.filter((x) => x === s).length > 1) twice.push(`${id} ${sec}: ${s}`);
      }
    }
    expect(profiles.length).toBeGreaterThan(20);
    expect(twice).toEqual([]);
  });

  it('the business and the marketing are said in 二(一), not again in 二(二)', () => {
    for (const [id, p, c] of profiles) {
      const form = fillForm(ctx, p, c);
      const products = form.drafts['overview.products']!.text;
      for (const f of [p.form.business, p.form.marketing]) if (f) expect(products, id).not.toContain(f.slice(0, 12));
    }
  });

  it('a capability of two cells of one element of 三 (the factory network cell and each workshop\'s) is stated once there', () => {
    for (const [id, p, c] of profiles) {
      const els = fillForm(ctx, p, c).drafts['detail.elements']!.text.split(/【/u);
      for (const el of els) {
        const said = claims(el).join('');
        for (const cap of ['工业信息安全技术防护体系', '工业信息安全管理制度']) expect((said.match(new RegExp(cap, 'g')) ?? []).length, `${id} ${cap}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('near miss: a capability answered yes in the factory cell and another in the workshop cell are both stated', () => {
    const p = DraftProfile.parse({ enterprise: { name: '某化工', industryCode: '26' }, productionMode: 'process', capabilities: { factoryNetwork: true, industrialNetwork: true, securityProtection: true, securityPolicy: true } });
    const infra = /【信息基础设施】([^【]*)/u.exec(fillForm(ctx, p, 'processFactory').drafts['detail.elements']!.text)![1]!;
    for (const w of ['覆盖工厂的工业通信网络', '车间级工业通信网络', '工业信息安全技术防护体系', '工业信息安全管理制度']) expect(infra, w).toContain(w);
  });
});

describe('products said as a sentence', () => {
  const read = (t: string) => {
    const r = applyFormAnswer(ctx, {}, 'form.products', t);
    return r.ok ? { ok: true as const, products: formFactsFromAnswers(ctx, r.answers).products } : { ok: false as const, error: r.error };
  };
  const phrasings: [string, { name: string; share?: number }[]][] = [
    ['主要是水性涂料和醋酸丁酯，分别占55%和38%', [{ name: '水性涂料', share: 55 }, { name: '醋酸丁酯', share: 38 }]],
    ['主营产品有环氧地坪漆、聚氨酯面漆，分别占营收的六成和三成', [{ name: '环氧地坪漆', share: 60 }, { name: '聚氨酯面漆', share: 30 }]],
    ['主要是钢帘线占55%，胶管钢丝占38%', [{ name: '钢帘线', share: 55 }, { name: '胶管钢丝', share: 38 }]],
    ['减速机、电机两种，前者占70%，后者占20%', [{ name: '减速机', share: 70 }, { name: '电机', share: 20 }]],
    ['包括钢丝绳、钢绞线，分别为50%、40%', [{ name: '钢丝绳', share: 50 }, { name: '钢绞线', share: 40 }]],
    ['和面机、压面机、醒发箱三类，分别占50%、30%、10%', [{ name: '和面机', share: 50 }, { name: '压面机', share: 30 }, { name: '醒发箱', share: 10 }]],
  ];
  for (const [t, want] of phrasings)
    it(`「${t}」 is read into each product with its share, and drafted without a garbled item`, () => {
      const r = read(t);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(r.ok && r.products).toEqual(want);
      const p = DraftProfile.parse({ enterprise: { name: '某公司' }, form: { name: '某公司', products: want } });
      const text = fillForm(ctx, p, 'discreteFactory').drafts['overview.products']!.text;
      expect(text).not.toMatch(/分别|前者|后者|和。|、。/u);
      for (const x of want) expect(text).toContain(`${x.name}（占营业收入${x.share}%）`);
    });

  for (const t of ['水性涂料、醋酸丁酯和稀释剂，分别占55%和38%', '涂料和稀释剂，分别占一半多', '甲产品、乙产品，前者占六成'])
    it(`「${t}」, whose names and shares do not pair one to one, is asked back and nothing is stored`, () => {
      const r = read(t);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toContain('逐项写出产品');
    });

  it('near misses: a product name holding 和 or 有, and the usual lists, are read as before', () => {
    expect(parseProducts('和面机和压面机，分别占60%和30%')).toEqual([{ name: '和面机', share: 60 }, { name: '压面机', share: 30 }]);
    expect(parseProducts('和面机 60%；压面机 30%')).toEqual([{ name: '和面机', share: 60 }, { name: '压面机', share: 30 }]);
    expect(parseProducts('有机肥 60%；复合肥 30%')).toEqual([{ name: '有机肥', share: 60 }, { name: '复合肥', share: 30 }]);
    expect(parseProducts('制动盘 60%；轮毂（30%）')).toEqual([{ name: '制动盘', share: 60 }, { name: '轮毂', share: 30 }]);
    expect(parseProducts('无刷电机，占71.3%')).toEqual([{ name: '无刷电机', share: 71.3 }]);
    expect(parseProducts('花生油、芝麻油')).toEqual([{ name: '花生油' }, { name: '芝麻油' }]);
  });
});

describe('a question at a field about its ratio', () => {
  const ask = (id: string, t: string) => interpretForm(ctx, t, formView(ctx, id, 'discreteFactory'));
  const how = (id: string) => ctx.formQuestions.questions.find((q) => q.id === id)!.how!;

  for (const t of ['这个比例怎么算', '占比咋算的', '比例怎么计算？', '这个百分比是怎么来的'])
    it(`「${t}」 at 主营产品 is answered about the products' share of 营业收入`, () => {
      const r = ask('form.products', t);
      expect(r).toMatchObject({ kind: 'unclear', reason: 'fieldHelp' });
      const said = (r as { choices: string[] }).choices[0]!;
      expect(said).toContain(how('form.products'));
      expect(said).toContain('营业收入');
      expect(said).not.toMatch(/建设后 − 建设前|变化比例|不良品/u);
    });

  for (const id of ['form.ind.defectRate.before', 'form.ind.defectRate.after', 'form.ind.productivity.before', 'form.ind.productivity.after'])
    it(`every field of a rate or a share answers 「这个怎么算」 with its own figure: ${id}`, () => {
      const r = ask(id, id.includes('defect') ? '这个比例怎么算' : '这个怎么算');
      expect(r).toMatchObject({ kind: 'unclear', reason: 'fieldHelp' });
      expect((r as { choices: string[] }).choices[0]).toContain(how(id));
    });

  it('near misses: an answer with its share is stored, and a field of no ratio is not given another field\'s formula', () => {
    expect(ask('form.products', '制动盘 60%；轮毂 30%')).not.toMatchObject({ reason: 'fieldHelp' });
    const r = ask('form.employees', '这个比例怎么算');
    expect(JSON.stringify(r)).not.toMatch(/营业收入 × 100%|不良品数量/u);
    // 「这个怎么填」 at a field with a formula still says what the field means.
    expect((ask('form.products', '这个怎么填') as { choices: string[] }).choices[0]).toContain('主营产品');
  });
});
