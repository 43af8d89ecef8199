import { describe, expect, it } from 'vitest';
import { zipEntry } from '../fixtures/zip';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { fillForm } from '../../server/forms/fill';
import { renderDocx } from '../../server/export/docx';
import { DraftProfile } from '../../server/schemas/forms';
import type { Category } from '../../server/schemas/profile';
import { completeFixtures } from '../forms/fixtures';

const ctx = { ...loadKnowledgeData('knowledge', 'henan-2023'), templates: loadTemplates() };


async function documentText(category: Category): Promise<string> {
  const xml = zipEntry(await renderDocx(fillForm(ctx, DraftProfile.parse(completeFixtures[category]), category)), 'word/document.xml').toString('utf8');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** Every `note` anywhere in a form spec: provenance written for developers. */
function notesOf(x: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(x)) x.forEach((v) => notesOf(v, out));
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'note' && typeof v === 'string') out.add(v);
      else notesOf(v, out);
    }
  }
  return out;
}

describe.each(['smartWorkshop', 'discreteFactory', 'processFactory'] as Category[])('the %s DOCX text', (category) => {
  it('prints none of the spec notes nor a computed-value formula, and keeps the form own 推荐意见 sentence', async () => {
    const text = await documentText(category);
    const notes = [...notesOf(ctx.forms[category])];
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(text, n).not.toContain(n);
    expect(text).not.toContain('由系统计算');
    expect(text).not.toContain('通知副本');
    expect(text).toContain('资产负债率');
    expect(text).toContain('经材料初审和现场核查，同意申报。');
  });
});
