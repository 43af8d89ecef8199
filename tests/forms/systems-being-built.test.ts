import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { fill } from '../../server/engine/kb';
import { DraftProfile } from '../../server/schemas/forms';

/*
 * A system the enterprise said is being built (在建, 在调试, 计划上) is signed for on site: the draft states it as being
 * built and never lists it among the systems in use.
 */
const ctx: FormsContext = { ...loadKnowledgeData('knowledge', 'henan-2023'), templates: loadTemplates() };
const engineCtx: FormsContext = { ...ctx, engine: ctx as unknown as FormsContext['engine'] };

describe('a system being built in the drafted form', () => {
  it('is written as being built in the element it belongs to, not as applied', () => {
    const p = DraftProfile.parse({ enterprise: { name: '某药业', industryCode: '27' }, productionMode: 'process', capabilities: { dcs: true, mes: 'building', manufacturingControl: 'building' } });
    const text = draftSection(engineCtx, p, 'processFactory', 'detail.elements').text;
    const mes = ctx.formDrafting.capabilities.mes!.name;
    // 「公司正在建设制造执行系统（MES）、制造管控系统，尚未投入使用。」: both named, in the knowledge's sentence.
    const both = fill(ctx.formDrafting.buildingSentence, { who: ctx.formDrafting.subjects.processFactory ?? '公司', names: `${mes}、${ctx.formDrafting.capabilities.manufacturingControl!.name}` });
    expect(text).toContain(both);
    // No sentence states it in use: every mention of it is in a sentence that says it is being built.
    for (const sentence of text.split(/[。\n]/u).filter((s) => s.includes(mes))) expect(sentence, sentence).toContain('正在建设');
  });

  it('leaves the summary of systems in use to those in use', () => {
    const p = DraftProfile.parse({ enterprise: { name: '某机械' }, scope: 'factory', productionMode: 'discrete', capabilities: { erp: true, mes: 'building', agvRgv: 'building' } });
    const text = draftSection(engineCtx, p, 'discreteFactory', 'constructionSummary').text;
    const mes = ctx.formDrafting.capabilities.mes!.name;
    for (const sentence of text.split(/[。\n]/u).filter((s) => s.includes(mes))) expect(sentence, sentence).toContain('正在建设');
  });

  it('states the go-live date the enterprise gave for a system being built as its plan, beside the status said once', () => {
    const p = DraftProfile.parse({
      enterprise: { name: '某机械' },
      scope: 'factory',
      productionMode: 'discrete',
      capabilities: { erp: true, mes: 'building' },
      form: { capabilityDetails: { mes: 'MES正在调试，预计2024年6月投用' } },
    });
    const text = draftSection(engineCtx, p, 'discreteFactory', 'detail.elements').text;
    expect(text).toContain('公司正在建设制造执行系统（MES），尚未投入使用。按公司计划，制造执行系统（MES）预计于2024年6月投入使用。');
    expect(text, 'the status is not printed again in the enterprise\'s words').not.toContain('正在调试');
  });
});
