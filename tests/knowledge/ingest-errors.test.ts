import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError, ingestNotice } from '../../server/knowledge/ingest/ingest';
import { NOTHING_WRITTEN } from '../../server/knowledge/ingest/extract';
import { imageOnlyPdf } from '../documents/files';

/*
 * Broken files given to the ingest: each is refused with a Chinese message that says what was wrong and what to do,
 * the library's or the system's own words only on a second line, and the knowledge root exactly as it was.
 */
let root: string;
let files: string;
const shipped = () => Object.fromEntries(readdirSync(join(root, 'henan-2023')).filter((n) => n.endsWith('.json')).map((n) => [n, readFileSync(join(root, 'henan-2023', n), 'utf8')]));
let before: Record<string, string>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zhizao-ingest-errors-'));
  cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
  files = mkdtempSync(join(tmpdir(), 'zhizao-broken-'));
  before = shipped();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

const file = (name: string, data: Buffer | string) => {
  const p = join(files, name);
  writeFileSync(p, data);
  return p;
};
const CHINESE = /[\u4e00-\u9fff]/u;

async function refused(path: string): Promise<IngestError> {
  const err = await ingestNotice({ file: path, as: 'henan-2099', root }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(IngestError);
  const e = err as IngestError;
  const [first, ...rest] = e.describe().split('\n');
  // The first line is the operator's: Chinese, and it ends saying that nothing was written.
  expect(first).toMatch(CHINESE);
  expect(first!.endsWith(NOTHING_WRITTEN)).toBe(true);
  // The technical cause, where there is one, is the second line and only there.
  if (e.detail) {
    expect(rest).toEqual([`技术原因：${e.detail}`]);
    expect(first).not.toContain(e.detail);
  } else expect(rest).toEqual([]);
  expect(readdirSync(root), 'a refused ingest leaves no draft or staging directory').toEqual(['henan-2023']);
  expect(shipped(), 'the version already there is unchanged').toEqual(before);
  return e;
}

describe('a broken notice file is refused in Chinese, and nothing is written', () => {
  it('a PNG picture renamed .pdf: not a readable PDF, with pdf.js\'s words as the cause', async () => {
    const e = await refused(file('通知.pdf', readFileSync('docs/screenshots/console-phone-ask.png')));
    expect(e.code).toBe('unreadable');
    expect(e.message).toContain('不是能读取的 PDF 文件');
    expect(e.message).toContain('改用 Word（.docx）或纯文本（.txt）版本');
    expect(e.detail).toMatch(/Invalid PDF structure/);
  });

  it('a PDF cut off in the middle of its download', async () => {
    const whole = imageOnlyPdf();
    const e = await refused(file('半截.pdf', whole.subarray(0, Math.floor(whole.length / 2))));
    expect(e.code).toBe('unreadable');
    expect(e.message).toContain('没有下载完整');
  });

  it('an empty file, whatever its type', async () => {
    for (const name of ['空.pdf', '空.docx', '空.txt']) {
      const e = await refused(file(name, ''));
      expect(e.message).toContain('是空文件（0 字节）');
    }
  });

  it('a scanned PDF with no text layer, pointing to OCR or the Word version', async () => {
    const e = await refused(file('扫描.pdf', imageOnlyPdf()));
    expect(e.code).toBe('no-text');
    expect(e.message).toMatch(/扫描件.*文字识别（OCR）/);
  });

  it('a file over the size limit, before reading it', async () => {
    const p = file('巨大.pdf', '%PDF-1.4\n');
    truncateSync(p, 25 * 1024 * 1024);
    const e = await refused(p);
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('超过 20 MB 的上限');
  });

  it('a .docx that is no zip, a zip that is no Word document, and a truncated one', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', '不是通知');
    const notWord = await zip.generateAsync({ type: 'nodebuffer' });
    for (const [name, data] of [['乱码.docx', Buffer.from('这不是 zip 文件')], ['压缩包.docx', notWord], ['截断.docx', notWord.subarray(0, 30)]] as const) {
      const e = await refused(file(name, data));
      expect(e.code).toBe('unreadable');
      expect(e.message).toContain('不是能读取的 Word（.docx）文件');
      expect(e.detail).toBeTruthy();
    }
  });

  it('a path that does not exist, and a folder', async () => {
    expect((await refused(join(files, '没有这个文件.pdf'))).message).toContain('找不到文件');
    mkdirSync(join(files, '文件夹.pdf'));
    expect((await refused(join(files, '文件夹.pdf'))).message).toContain('是一个文件夹');
  });

  it('an old .doc and an image, by their type', async () => {
    expect((await refused(file('旧版.doc', 'x'))).message).toContain('另存为 .docx');
    expect((await refused(file('照片.png', 'x'))).message).toContain('只能导入 PDF、Word（.docx）或纯文本（.txt）');
  });

  it('a version name that is not allowed', async () => {
    const err = await ingestNotice({ file: file('n.txt', '一、x\n二、y\n'), as: 'Henan 2024', root }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).message).toMatch(/^版本名“Henan 2024”无效/);
  });
});

describe('npm run knowledge:ingest', () => {
  it('prints the Chinese reason first and the technical cause on the next line, and exits 1', async () => {
    const png = file('图片.pdf', readFileSync('docs/screenshots/console-phone-ask.png'));
    const r = await promisify(execFile)(join('node_modules', '.bin', 'tsx'), ['scripts/knowledge-ingest.ts', png, '--as', 'henan-2099', '--root', root], { timeout: 120_000 }).catch((e: any) => e);
    expect(r.code).toBe(1);
    const lines = String(r.stderr).trim().split('\n');
    expect(lines[0]).toMatch(/^knowledge:ingest 失败：.*不是能读取的 PDF 文件.*未写入任何文件/);
    expect(lines[1]).toMatch(/^技术原因：.*Invalid PDF structure/);
    expect(readdirSync(root)).toEqual(['henan-2023']);
    // A child process that loads the whole toolchain: as long as its own timeout allows, not the default.
  }, 150_000);

  it('says in Chinese which version name does not exist when diffing', async () => {
    const r = await promisify(execFile)(join('node_modules', '.bin', 'tsx'), ['scripts/knowledge-diff.ts', 'henan-2023', 'henan-2098', '--root', root], { timeout: 120_000 }).catch((e: any) => e);
    expect(r.code).toBe(1);
    const lines = String(r.stderr).trim().split('\n');
    expect(lines[0]).toBe('knowledge:diff 失败：找不到知识库版本 henan-2098（在 ' + root + ' 下）：请检查版本名是否写对。已有的版本：henan-2023。');
    expect(lines[1]).toMatch(/^技术原因：/);
  }, 150_000);
});
