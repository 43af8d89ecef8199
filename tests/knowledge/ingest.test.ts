import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { compareVersions } from '../../server/knowledge/ingest/compare';
import { IngestError, ingestNotice, type IngestResult } from '../../server/knowledge/ingest/ingest';
import { acceptItems, publishVersion, PublishError, readReview } from '../../server/knowledge/ingest/review';
import { isPending } from '../../server/knowledge/schemas/review';
import { findSoffice, renderNotice } from './notice-docs';
import { EDITS, REVISED_FILES, reviseAnswers, synthetic2024 } from './synthetic-2024';

const NOTICE = readFileSync('knowledge/henan-2023/source/notice.txt', 'utf8');
const SHIPPED_CLAUSES = readFileSync('knowledge/henan-2023/clauses.json', 'utf8');
const HEADER = '河南省工业和信息化厅办公室文件';
const soffice = findSoffice();

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A knowledge root holding a copy of the shipped version, so nothing is ever written under knowledge/. */
function knowledgeRoot(): string {
  const root = tempDir('zhizao-ingest-root-');
  cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
  return root;
}

/** What a root holds besides the shipped version (a failed ingest must leave nothing, not even a staging directory). */
const extraEntries = (root: string) => readdirSync(root).filter((n) => n !== 'henan-2023');

/**
 * A one-page PDF whose only content is a grey picture, the way a scanner writes a notice:
 * there is no text layer at all.
 */
function imageOnlyPdf(): Buffer {
  const w = 64;
  const h = 64;
  const pixels = Buffer.alloc(w * h, 0x80);
  const content = `q 500 0 0 700 50 70 cm /Im1 Do Q`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    null, // the image, written as binary below
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let size = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(size);
    const chunk =
      body !== null
        ? Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`)
        : Buffer.concat([
            Buffer.from(`${i + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n`),
            pixels,
            Buffer.from('\nendstream\nendobj\n'),
          ]);
    parts.push(chunk);
    size += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const answerIndex = (id: string) =>
  (JSON.parse(readFileSync('knowledge/henan-2023/answer-base.json', 'utf8')).entries as { id: string }[]).findIndex((e) => e.id === id);
const interviewIndex = (id: string) =>
  (JSON.parse(readFileSync('knowledge/henan-2023/interview.json', 'utf8')).questions as { id: string }[]).findIndex((q) => q.id === id);

describe('ingest refuses what is not a notice, and writes nothing', () => {
  it('rejects a scanned, image-only PDF with a message that it needs text', async () => {
    const root = knowledgeRoot();
    const file = join(tempDir('zhizao-scan-'), 'scan.pdf');
    writeFileSync(file, imageOnlyPdf());
    const err = await ingestNotice({ file, as: 'henan-2024', root }).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.code).toBe('no-text');
    expect(err.message).toMatch(/扫描件/);
    expect(err.message).toMatch(/OCR/);
    expect(err.message).toMatch(/Word（\.docx）或纯文本/);
    expect(extraEntries(root), 'nothing may be written for a scan').toEqual([]);
  });

  it('rejects a text without 一、二、… sections or 附件', async () => {
    const root = knowledgeRoot();
    const file = join(tempDir('zhizao-letter-'), 'letter.txt');
    writeFileSync(file, '关于召开智能制造工作会议的函\n\n各有关单位：\n定于下周召开工作会议，请准时参加。\n\n特此函告。\n');
    const err = await ingestNotice({ file, as: 'henan-2024', root }).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.code).toBe('not-a-notice');
    expect(err.message).toMatch(/一、二、/);
    expect(err.message).toMatch(/也没有附件列表/);
    expect(extraEntries(root)).toEqual([]);
  });

  it('never overwrites an existing version directory', async () => {
    const root = knowledgeRoot();
    const before = readFileSync(join(root, 'henan-2023', 'clauses.json'), 'utf8');
    const file = join(tempDir('zhizao-txt-'), 'notice.txt');
    writeFileSync(file, NOTICE);
    const err = await ingestNotice({ file, as: 'henan-2023', root }).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.code).toBe('exists');
    expect(err.message).toMatch(/从不覆盖/);
    expect(readFileSync(join(root, 'henan-2023', 'clauses.json'), 'utf8')).toBe(before);
    expect(extraEntries(root)).toEqual([]);
  });
});

describe('a next-year notice that only moves the years', () => {
  it('re-extracts the year-bearing names and flags the form heads that still say the old year', async () => {
    const root = knowledgeRoot();
    // 2023年度 becomes 2024年度 everywhere, and the three years of the economic-indicator table move on by one.
    const shifted = NOTICE.replace(/2022年/g, '@3').replace(/2021年/g, '@2').replace(/2020年/g, '@1').replace(/2023年/g, '2024年')
      .replace(/@3/g, '2023年').replace(/@2/g, '2022年').replace(/@1/g, '2021年');
    const file = join(tempDir('zhizao-year-'), 'notice.txt');
    writeFileSync(file, shifted);
    const r = await ingestNotice({ file, as: 'henan-2024', root });
    expect(r.diff.added).toEqual([]);
    expect(r.diff.removed).toEqual([]);
    expect(r.diff.changed.every((c) => c.numbersOnly || c.parts.every((p) => p.op === '=')), 'only figures changed').toBe(true);
    expect(new Set(r.diff.numbers.map((n) => n.kind))).toEqual(new Set(['年份']));
    const data = loadKnowledgeData(root, 'henan-2024');
    expect(data.manifest.year).toBe(2024);
    expect(data.manifest.title).toContain('2024年度');
    expect(data.facts.submission.document.forms.map((f) => f.name)).toEqual([
      '《2024年度河南省智能车间申报书》',
      '《2024年度河南省智能工厂申报书（离散型）》',
      '《2024年度河南省智能工厂申报书（流程型）》',
    ]);
    // 附件1's title is reconstructed from the 附件 list and follows it.
    expect(data.clauses.find((c) => c.id === '附件1')!.title).toBe('2024年度河南省智能车间申报书');
    const flagged = r.review.items.filter((i) => i.needsReview).map((i) => i.id).sort();
    expect(flagged).toEqual(
      [
        'forms/discreteFactory.json#/@head',
        'forms/discreteFactory.json#/section1/blocks/4',
        'forms/processFactory.json#/@head',
        'forms/processFactory.json#/section1/blocks/4',
        'forms/smartWorkshop.json#/@head',
        // Answers that name the forms, the financial years or the notice's own year by the old year (who decides quotes
        // the opening's 「决定开展2023年度…申报工作」), and those that give the financial years as a span
        // (「2020—2022年」), with no 年 after the first.
        ...['forms-which', 'attachments-overview', 'industry-form', 'econ-years', 'forms-download', 'notice-date', 'notice-validity', 'new-company', 'econ-audit', 'indicator-basis', 'province-review'].map(
          (id) => `answer-base.json#/entries/${answerIndex(id)}`,
        ),
        // The founding-year question's help quotes 四(二), which names the forms by the old year.
        `interview.json#/questions/${interviewIndex('ent.foundedYear')}`,
      ].sort(),
    );
  });
});

describe.skipIf(!soffice)('the shipped notice, ingested from a PDF and a DOCX made by LibreOffice', () => {
  let root: string;
  const results: Record<'pdf' | 'docx', IngestResult | null> = { pdf: null, docx: null };

  beforeAll(async () => {
    root = knowledgeRoot();
    const docs = renderNotice(soffice!, NOTICE, 'notice-2023', { header: HEADER }, tempDir('zhizao-render-'));
    results.pdf = await ingestNotice({ file: docs.pdf, as: 'again-pdf', root, from: 'henan-2023' });
    results.docx = await ingestNotice({ file: docs.docx, as: 'again-docx', root, from: 'henan-2023' });
  }, 180_000);

  for (const kind of ['pdf', 'docx'] as const) {
    it(`gives clauses identical to the shipped version (${kind})`, () => {
      const r = results[kind]!;
      expect(r.extractedFrom).toBe(kind);
      // Byte for byte: the page header, page numbers and wrapped lines of the PDF leave no trace.
      expect(readFileSync(join(r.dir, 'clauses.json'), 'utf8')).toBe(SHIPPED_CLAUSES);
    });

    it(`reports an empty diff and nothing to review (${kind})`, () => {
      const r = results[kind]!;
      expect(r.diff).toEqual({ added: [], removed: [], changed: [], moved: [], numbers: [] });
      expect(r.review.items.filter((i) => i.needsReview)).toEqual([]);
      expect(r.review.items.length, 'every carried item is listed with its clauses').toBeGreaterThan(400);
      const report = compareVersions(root, 'henan-2023', r.version);
      expect(report.summary).toEqual({ added: 0, removed: 0, changed: 0, moved: 0, numbers: 0, needsReview: 0, accepted: 0 });
    });
  }

  it('writes a draft that loads with the startup schemas and carries the data over unchanged', () => {
    const data = loadKnowledgeData(root, 'again-pdf');
    const shipped = loadKnowledgeData('knowledge', 'henan-2023');
    expect(data.manifest.status).toBe('draft');
    expect(data.manifest.basedOn).toBe('henan-2023');
    expect(data.manifest.title).toBe(shipped.manifest.title);
    expect(data.manifest.year).toBe(shipped.manifest.year);
    // Carried files are the shipped files, byte for byte.
    for (const file of ['regions.json', 'facts.json', 'interview.json', 'elements.json', 'forms/discreteFactory.json', 'intents.json']) {
      expect(readFileSync(join(root, 'again-pdf', file), 'utf8'), file).toBe(readFileSync(join('knowledge/henan-2023', file), 'utf8'));
    }
  });
});

describe.skipIf(!soffice)('a synthetic next-year notice with known edits', () => {
  let root: string;
  let pdf: IngestResult;
  let docx: IngestResult;

  beforeAll(async () => {
    root = knowledgeRoot();
    const docs = renderNotice(soffice!, synthetic2024(NOTICE), 'notice-2024', { header: HEADER }, tempDir('zhizao-render-'));
    pdf = await ingestNotice({ file: docs.pdf, as: 'henan-2024', root });
    docx = await ingestNotice({ file: docs.docx, as: 'henan-2024-docx', root, from: 'henan-2023' });
  }, 180_000);

  it('reads the same clauses from the PDF and from the DOCX', () => {
    expect(readFileSync(join(pdf.dir, 'clauses.json'), 'utf8')).toBe(readFileSync(join(docx.dir, 'clauses.json'), 'utf8'));
  });

  it('reports exactly the edited clauses', () => {
    expect(pdf.diff.added.map((c) => c.id)).toEqual(['二(五)']);
    expect(pdf.diff.added[0]!.text).toBe(EDITS.addedClause);
    expect(pdf.diff.removed).toEqual([]);
    expect(pdf.diff.changed.map((c) => c.id).sort()).toEqual(['三(二)4', '四(三)', '四(四)', '附件2.一(二)'].sort());
    const byId = Object.fromEntries(pdf.diff.changed.map((c) => [c.id, c]));
    const removedText = (id: string) => byId[id]!.parts.filter((p) => p.op === '-').map((p) => p.text).join('');
    const addedText = (id: string) => byId[id]!.parts.filter((p) => p.op === '+').map((p) => p.text).join('');
    expect(removedText('附件2.一(二)')).toBe(`${EDITS.removedCell.join('\n')}\n`);
    expect(addedText('附件2.一(二)')).toBe('');
    expect(byId['三(二)4']!.numbersOnly).toBe(false);
    expect(byId['四(三)']!.numbersOnly).toBe(true);
    // The editorial title quoted the old deadline and follows the new one.
    expect(byId['四(四)']!.title).toEqual({ from: '推荐汇总表上传期限（3月15日前）', to: '推荐汇总表上传期限（3月20日前）' });
  });

  it('reports exactly the changed figures', () => {
    expect(pdf.diff.numbers.map(({ clause, kind, from, to }) => ({ clause, kind, from, to }))).toEqual([
      { clause: '四(三)', kind: '名额/数量', from: '20家', to: '25家' },
      { clause: '四(三)', kind: '名额/数量', from: '5家', to: '6家' },
      { clause: '四(四)', kind: '日期', from: '3月15日', to: '3月20日' },
    ]);
  });

  it('re-extracts the quotas and the deadline from the new text', () => {
    const data = loadKnowledgeData(root, 'henan-2024');
    const max = Object.fromEntries(data.regions.groups.map((g) => [g.id, g.max]));
    expect(max).toEqual({ zhengzhou: 25, big3: 15, other: 10, county: 6 });
    expect(data.regions.groups.find((g) => g.id === 'zhengzhou')!.quote).toBe('本次申报郑州市推荐企业不多于25家');
    expect(data.facts.deadlines[0]).toMatchObject({ date: '3月20日', month: 3, day: 20 });
    const items = Object.fromEntries(pdf.review.items.map((i) => [i.id, i]));
    expect(items['regions.json#/groups/0']!.reextracted).toEqual([{ field: 'max', from: 20, to: 25 }]);
    expect(items['regions.json#/groups/0']!.needsReview, 'a figure found in the same wording needs no review').toBe(false);
    expect(items['regions.json#/groups/1']!.needsReview).toBe(false);
    expect(items['facts.json#/deadlines/0']!.needsReview).toBe(false);
    expect(items['facts.json#/contact']!.needsReview).toBe(false);
  });

  it('marks the items resting on a changed clause for review, and only those', () => {
    const flagged = new Map(pdf.review.items.filter((i) => i.needsReview).map((i) => [i.id, i]));
    const field = (file: string, label: string) => {
      const spec = JSON.parse(readFileSync(join(pdf.dir, file), 'utf8'));
      const blocks: any[] = spec.section1.blocks;
      const b = blocks.findIndex((x) => (x.fields ?? []).some((f: any) => f.label === label));
      const f = blocks[b].fields.findIndex((x: any) => x.label === label);
      return `${file}#/section1/blocks/${b}/fields/${f}`;
    };
    const interview = loadKnowledgeData(root, 'henan-2024').interview.questions;
    const q = (id: string) => `interview.json#/questions/${interview.findIndex((x) => x.id === id)}`;
    const expected = [
      // The reworded element: the rule, the capabilities it names, their questions, the form cell that answers it.
      'elements.json#/categories/discreteFactory/elements/3',
      q('cap.wms'),
      q('cap.autoWarehouse'),
      field('forms/discreteFactory.json', '经营管理'),
      // The removed row of 附件2, in the discrete form spec.
      field('forms/discreteFactory.json', '试验数据管理系统应用'),
      // The quota change reaches the items that quote an old quota.
      'intents.json#/intents/3',
      'category-rules.json#/notes/countyQuota',
      // The new clause of 二 is cited by nothing yet and must be looked at.
      'clauses.json#/' + JSON.parse(readFileSync(join(pdf.dir, 'clauses.json'), 'utf8')).findIndex((c: any) => c.id === '二(五)'),
    ];
    for (const id of expected) expect(flagged.has(id), id).toBe(true);
    // Every flagged item names a changed or added clause it rests on.
    const changed = ['二(五)', '三(二)4', '四(三)', '四(四)', '附件2.一(二)'];
    for (const i of flagged.values()) expect(changed.some((c) => i.reason!.includes(c)), i.id).toBe(true);
    // The process form's identical row and items resting on untouched clauses stay as they were.
    expect(flagged.has(field('forms/processFactory.json', '试验数据管理系统应用'))).toBe(false);
    expect(flagged.has(q('cap.mes'))).toBe(false);
    expect(flagged.has('elements.json#/categories/processFactory/elements/3')).toBe(false);
    expect([...flagged.keys()].some((id) => id.startsWith('forms/smartWorkshop.json'))).toBe(false);
    // Regression guard on how far the edits reach (measured: 94 items, the answer base included): a
    // reworded clause flags the items whose quoted sentence it touched, not every item citing it.
    expect(flagged.size).toBe(94);
  });

  it('writes the diff as Markdown and JSON beside the draft', () => {
    const md = readFileSync(join(pdf.dir, 'diff-henan-2023.md'), 'utf8');
    const json = JSON.parse(readFileSync(join(pdf.dir, 'diff-henan-2023.json'), 'utf8'));
    expect(md).toContain('不多于[-20-]{+25+}家');
    expect(md).toContain('| 四(四) | 日期 | 3月15日 | 3月20日 |');
    expect(md).toContain('## 待复核：申报书表单与起草');
    expect(json.summary).toMatchObject({ added: 1, removed: 0, changed: 4, numbers: 3, needsReview: 94 });
    expect(json.review.forms.length).toBeGreaterThan(0);
  });

  it('publishes only after every flagged item is accepted, then loads as published', () => {
    expect(() => publishVersion(root, 'henan-2024')).toThrow(PublishError);
    expect(() => publishVersion(root, 'henan-2024')).toThrow(/94 item\(s\) still needing review/);
    expect(loadKnowledgeData(root, 'henan-2024').manifest.status).toBe('draft');

    const r1 = acceptItems(root, 'henan-2024', ['forms', 'answers']);
    expect(r1.accepted.length).toBeGreaterThan(0);
    expect(r1.accepted.every((i) => i.edited === false)).toBe(true);
    expect(() => publishVersion(root, 'henan-2024')).toThrow(/still needing review/);

    // An operator edits an item before accepting it; the review records that.
    const path = join(root, 'henan-2024', 'category-rules.json');
    const rules = JSON.parse(readFileSync(path, 'utf8'));
    rules.notes.countyQuota.text = rules.notes.countyQuota.text.replace(/5家/g, '6家');
    writeFileSync(path, JSON.stringify(rules, null, 1));
    const r2 = acceptItems(root, 'henan-2024', ['category-rules.json#/notes/countyQuota']);
    expect(r2.accepted.map((i) => i.edited)).toEqual([true]);

    // 'all' holds what fails the publish checks unedited; naming each by its id is the decision to accept it anyway.
    const bulk = acceptItems(root, 'henan-2024', ['all']);
    expect(bulk.held.length).toBeGreaterThan(0);
    expect(readReview(root, 'henan-2024').items.filter(isPending).map((i) => i.id).sort()).toEqual(bulk.held.map((h) => h.id).sort());
    acceptItems(root, 'henan-2024', bulk.held.map((h) => h.id));
    expect(readReview(root, 'henan-2024').items.filter(isPending)).toEqual([]);
    // Accepted as it was, the answer that quotes the reworded element sentence would quote words the
    // notice no longer has: publishing builds the answer base as startup does, and refuses.
    expect(() => publishVersion(root, 'henan-2024')).toThrow(/answer-base.json/);
    expect(loadKnowledgeData(root, 'henan-2024').manifest.status).toBe('draft');
    // The element requirement and the help texts quoting the reworded sentence are refused the same way.
    expect(() => publishVersion(root, 'henan-2024')).toThrow(/elements\.json discreteFactory 三\(二\)4 requirement/);
    for (const name of REVISED_FILES) {
      const file = join(root, 'henan-2024', name);
      writeFileSync(file, reviseAnswers(readFileSync(file, 'utf8')));
    }
    const published = publishVersion(root, 'henan-2024');
    expect(published.clauses).toBe(95);
    expect(loadKnowledgeData(root, 'henan-2024').manifest.status).toBe('published');
    // The diff now shows the items as accepted instead of pending.
    expect(compareVersions(root, 'henan-2023', 'henan-2024').summary).toMatchObject({ needsReview: 0, accepted: 94 });
  });

  it('refuses a PDF that is not a notice and writes nothing', async () => {
    const before = readdirSync(root).sort();
    const doc = renderNotice(soffice!, '智能制造工作简报\n\n本月全省新增智能工厂建设项目若干，各地进展顺利。\n下月将继续推进有关工作。\n', 'briefing', { header: '工作简报' }, tempDir('zhizao-render-'));
    const err = await ingestNotice({ file: doc.pdf, as: 'henan-2025', root }).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.code).toBe('not-a-notice');
    expect(err.message).toMatch(/看起来不是申报通知/);
    expect(readdirSync(root).sort()).toEqual(before);
    expect(existsSync(join(root, 'henan-2025'))).toBe(false);
  }, 120_000);
});
