import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFParse } from 'pdf-parse';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { fillForm } from '../../server/forms/fill';
import { renderDocx } from '../../server/export/docx';
import { docxToPdf } from '../../server/export/pdf';
import { DraftProfile } from '../../server/schemas/forms';
import { completeFixtures, sparse } from '../forms/fixtures';

const run = promisify(execFile);
const ctx = { ...loadKnowledgeData('knowledge', 'henan-2023'), templates: loadTemplates() };
const haveSoffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].some((p) => existsSync(p));

const docs = {
  discrete: fillForm(ctx, DraftProfile.parse(completeFixtures.discreteFactory), 'discreteFactory'),
  workshop: fillForm(ctx, DraftProfile.parse(completeFixtures.smartWorkshop), 'smartWorkshop'),
  sparse: fillForm(ctx, DraftProfile.parse(sparse), 'processFactory'),
};
type Name = keyof typeof docs;

let dir = '';
const text: Partial<Record<Name, string>> = {};
const pages: Partial<Record<Name, string[]>> = {};

// LibreOffice starts slowly the first time (profile creation); one call converts all files.
describe.skipIf(!haveSoffice)('the exported DOCX rendered by LibreOffice', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhizao-render-'));
    for (const [name, form] of Object.entries(docs)) writeFileSync(join(dir, `${name}.docx`), await renderDocx(form));
    await run(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(docs).map((n) => join(dir, `${n}.docx`))],
      { timeout: 150_000 },
    );
    for (const name of Object.keys(docs) as Name[]) {
      const parser = new PDFParse({ data: readFileSync(join(dir, `${name}.pdf`)) });
      const r = await parser.getText();
      text[name] = r.text;
      pages[name] = r.pages.map((p) => p.text);
      await parser.destroy();
    }
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('puts the cover page alone on page 1 with the title and 河南省工业和信息化厅 编制', () => {
    const p1 = pages.discrete![0]!.replace(/\s+/g, '');
    expect(p1).toContain('2023年度河南省智能工厂申报书');
    expect(p1).toContain('（离散型）');
    expect(p1).toContain('河南省工业和信息化厅');
    expect(p1).toContain('编制');
    expect(p1).toContain('许昌瑞驰汽车零部件有限公司');
    expect(p1).not.toContain('一、企业基本信息');
  });

  it('renders section 一 as the table with its labels and computed values, then sections 二 to 四', () => {
    const all = text.discrete!.replace(/\s+/g, '');
    for (const s of ['一、企业基本信息', '统一社会信用代码', '91411000MA45K7QX2R', '近三年主要经济指标', '资产负债率（%）', '41.6', '提升/降低比例', '44.0', '车间建设', '机加工车间', '申报单位真实性承诺', '二、企业情况概述', '三、智能工厂具体情况介绍', '四、相关附件']) {
      expect(all, s).toContain(s);
    }
    const order = ['一、企业基本信息', '二、企业情况概述', '三、智能工厂具体情况介绍', '四、相关附件'].map((s) => all.indexOf(s));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(pages.discrete!.length).toBeGreaterThanOrEqual(8);
    expect(all).not.toContain('〔请补充');
    // The form the applicant signs ends with 四's list of attachments: no self-check list, reminder or system note after it.
    for (const w of ['申报材料清单', '自查', '提交前删除', '请附：', '系统校验']) expect(all, w).not.toContain(w);
  });

  it('renders the reconstructed 附件1 with its surviving fragments', () => {
    const all = text.workshop!.replace(/\s+/g, '');
    for (const s of ['2023年度河南省智能车间申报书', '车间人数情况', '建设完成前每人每天产出水平', '产品质量提升情况', '三、智能车间具体情况介绍']) expect(all, s).toContain(s);
  });

  it('shows every missing fact of a sparse profile as a visible placeholder', () => {
    const all = text.sparse!.replace(/\s+/g, '');
    expect(all).toContain('〔请补充：统一社会信用代码〕');
    expect(all).toContain('（流程型）');
    expect((all.match(/〔请补充/g) ?? []).length).toBeGreaterThan(20);
  });

  it('exports the same form as PDF through the app path (docxToPdf), readable by pdf-parse', async () => {
    const pdf = await docxToPdf(await renderDocx(docs.discrete));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: pdf });
    const r = await parser.getText();
    await parser.destroy();
    const all = r.text.replace(/\s+/g, '');
    expect(all).toContain('许昌瑞驰汽车零部件有限公司');
    expect(all).toContain('2023年度河南省智能工厂申报书');
    expect(r.pages.length).toBe(pages.discrete!.length);
  }, 180_000);
});
