import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFParse } from 'pdf-parse';
import { build, type Built } from '../helper';
import { findExecutable } from '../../server/documents/exec';
import { evaluate } from '../../server/engine';
import { multipart } from './files';

const run = promisify(execFile);
const ffmpeg = findExecutable(['ffmpeg']);
const ffprobe = findExecutable(['ffprobe']);
const soffice = findExecutable(['soffice', 'libreoffice']);

let b: Built;
let sessionId = '';
let auth: Record<string, string> = {};
beforeAll(async () => {
  b = await build();
  const s = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json();
  sessionId = s.sessionId;
  auth = { authorization: `Bearer ${s.token}` };
  // A process-industry factory with gaps, so the report has a plan to print.
  await b.app.store.setAnswers(sessionId, { 'form.name': '濮阳某化工有限公司', 'cat.scope': 'factory' });
}, 120_000);
afterAll(async () => {
  await b.close();
});

describe('the materials checklist tracks', () => {
  const url = (p = '') => `/api/sessions/${sessionId}/checklist${p}?category=processFactory`;

  it('lists every item of 附件3.四 with its clause, unticked', async () => {
    const r = (await b.app.inject({ method: 'GET', url: url(), headers: auth })).json();
    expect(r.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(['licence', 'audit', 'patents', 'diagnosis', 'photos', 'screenshots', 'video']));
    expect(r.items.every((i: { done: boolean; clause: string }) => !i.done && i.clause)).toBe(true);
  });

  it('keeps a tick and a note, and checks the photo count against 不少于10张', async () => {
    await b.app.inject({ method: 'PUT', url: url('/licence'), headers: auth, payload: { done: true, note: '已扫描，副本在行政部' } });
    const few = (await b.app.inject({ method: 'PUT', url: url('/photos'), headers: auth, payload: { done: true, photoCount: 7 } })).json();
    expect(few.done).toBe(false);
    expect(few.checks[0]).toMatch(/7 张.*少于 10 张.*还需 3 张/);
    const enough = (await b.app.inject({ method: 'PUT', url: url('/photos'), headers: auth, payload: { done: true, photoCount: 12 } })).json();
    expect(enough).toMatchObject({ done: true });
    const r = (await b.app.inject({ method: 'GET', url: url(), headers: auth })).json();
    expect(r.items.find((i: { id: string }) => i.id === 'licence')).toMatchObject({ done: true, note: '已扫描，副本在行政部' });
    expect((await b.app.inject({ method: 'PUT', url: url('/nope'), headers: auth, payload: { done: true } })).statusCode).toBe(404);
    expect((await b.app.inject({ method: 'PUT', url: url('/licence'), headers: auth, payload: { done: 'yes' } })).statusCode).toBe(400);
  });

  it.skipIf(!ffmpeg || !ffprobe)('checks a video with ffprobe: MP4, about a minute, 1080P', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zz-vid-'));
    try {
      const path = join(dir, 'v.mp4');
      await run(ffmpeg!, ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=gray:s=320x240:d=3', '-c:v', 'mpeg4', '-y', path], { timeout: 60_000 });
      const m = multipart('成效视频.mp4', readFileSync(path));
      const r = (await b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/checklist/video`, headers: { ...auth, ...m.headers }, payload: m.payload })).json();
      expect(r.ok).toBe(false);
      const all = r.checks.join('\n');
      expect(all).toContain('MP4 格式');
      expect(all).toMatch(/时长 3 秒/);
      expect(all).toMatch(/320×240，低于 1080P/);
      const notMp4 = multipart('v.mp4', Buffer.from('not a video at all'));
      const bad = (await b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/checklist/video`, headers: { ...auth, ...notMp4.headers }, payload: notMp4.payload })).json();
      expect(bad.ok).toBe(false);
      expect(bad.checks.join('')).toMatch(/无法读取|不是 MP4/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the self-assessment (gap) report', () => {
  it('prints the engine verdict, category reasons, every condition with its clause, the plan in order, and the materials', async () => {
    const r = await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/report.docx?category=processFactory`, headers: auth });
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(r.headers['content-disposition'] as string)![1]!)).toBe('2023年度河南省智能工厂申报书（流程型）-自评报告-濮阳某化工有限公司.docx');
    if (!soffice) return;
    const pdf = await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/report.pdf?category=processFactory`, headers: auth });
    expect(pdf.statusCode).toBe(200);
    const parser = new PDFParse({ data: pdf.rawPayload });
    const text = (await parser.getText()).text.replace(/\s+/g, '');
    await parser.destroy();
    const { assessment } = evaluate(b.app.kb.data, await b.app.store.getAnswers(sessionId));
    const labels = b.app.kb.data.formDrafting.report;
    expect(text).toContain(labels.verdict[assessment.verdict]);
    for (const c of assessment.conditions) {
      expect(text).toContain(c.clause);
      expect(text).toContain(c.title.replace(/\s+/g, ''));
    }
    for (const a of assessment.category.alternatives) expect(text).toContain(a.whyNot.replace(/\s+/g, '').slice(0, 12));
    // The plan follows the notice's element order.
    const gaps = assessment.conditions.filter((c) => c.status !== 'met' && (c.missing.length || c.unknown.length));
    const at = gaps.map((c) => text.indexOf(`${c.title.replace(/\s+/g, '')}（${c.clause}）`));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(text).toContain('照片');
    expect(text).toContain('已扫描，副本在行政部');
  }, 180_000);
});
