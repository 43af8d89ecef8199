/**
 * Writes the README's PNGs of the exported form (cover, section 一, section 一 with requests for
 * missing facts) by rendering the DOCX with LibreOffice and rasterising with pdftoppm. Run by hand
 * (`npx tsx scripts/form-screenshots.ts`); tests never write into the repository.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeData } from '../server/knowledge/load';
import { loadTemplates } from '../server/forms/template';
import { fillForm } from '../server/forms/fill';
import { renderDocx } from '../server/export/docx';
import { docxToPdf } from '../server/export/pdf';
import { DraftProfile } from '../server/schemas/forms';
import { completeFixtures, sparse } from '../tests/forms/fixtures';
import { PROFILE_FIXTURES } from '../tests/fixtures/profiles';
import { assess } from '../server/engine';
import { Profile } from '../server/schemas/profile';
import { buildGapReport, renderGapReport } from '../server/export/report';
import { checklist } from '../server/forms/fill';

const out = 'docs/screenshots';
const ctx = { ...loadKnowledgeData('knowledge', 'henan-2023'), templates: loadTemplates() };
const dir = mkdtempSync(join(tmpdir(), 'zz-shots-'));
try {
  mkdirSync(out, { recursive: true });
  const shots: [string, Parameters<typeof fillForm>[1], Parameters<typeof fillForm>[2], number, string][] = [
    ['discrete', DraftProfile.parse(completeFixtures.discreteFactory), 'discreteFactory', 1, 'form-cover.png'],
    ['discrete', DraftProfile.parse(completeFixtures.discreteFactory), 'discreteFactory', 2, 'form-section1.png'],
    ['sparse', DraftProfile.parse(sparse), 'processFactory', 2, 'form-section1-placeholders.png'],
  ];
  for (const [name, profile, category, page, file] of shots) {
    const pdf = join(dir, `${name}.pdf`);
    if (!existsSync(pdf)) writeFileSync(pdf, await docxToPdf(await renderDocx(fillForm(ctx, profile, category))));
    const prefix = join(dir, `${name}-p${page}`);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
    copyFileSync(`${prefix}.png`, join(out, file));
    console.log(`wrote ${join(out, file)}`);
  }
  // The self-assessment report of a chemical plant with gaps (sample enterprise P06).
  const fx = PROFILE_FIXTURES.find((f) => f.id === 'P06')!;
  const assessment = assess(ctx, Profile.parse(fx.profile));
  const spec = ctx.forms[assessment.category.recommended ?? 'processFactory']!;
  const report = buildGapReport(ctx.formDrafting, spec, assessment, { company: fx.profile.enterprise?.name, checklist: checklist(spec) });
  const pdf = join(dir, 'report.pdf');
  writeFileSync(pdf, await docxToPdf(await renderGapReport(report)));
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'report')]);
  copyFileSync(join(dir, 'report.png'), join(out, 'gap-report.png'));
  console.log(`wrote ${join(out, 'gap-report.png')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
