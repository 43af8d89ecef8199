import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

function multipart(filename: string, data: Buffer) {
  const boundary = `----zz${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let fake: FakeOpenAI;
let b: Built;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  b = await build({ LLM_BASE_URL: fake.url, LLM_MODEL: 'm', LLM_TIMEOUT_MS: '2000', LLM_MAX_RETRIES: '0' });
}, 120_000);
afterAll(async () => {
  await b.close();
  await fake.close();
});

describe('documents read by a model, checked by the server', () => {
  it('keeps a model fact whose snippet is in the text and value in the snippet, and drops an invented one', async () => {
    const s = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json();
    // A company profile with no labelled fields the offline rules know; only the model reads it.
    const text = '企业简介\n公司现有员工620人，注册资本1.2亿元。\n公司拥有有效专利58项。';
    const { Document, Packer, Paragraph } = await import('docx');
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').map((t) => new Paragraph(t)) }] })));
    fake.enqueue({
      kind: 'tool',
      name: 'record_document_facts',
      args: JSON.stringify({
        facts: [
          { field: 'registeredCapital', value: 12000, printed: '1.2亿元', snippet: '公司现有员工620人，注册资本1.2亿元。' },
          // Invented: the snippet is not in the document.
          { field: 'finance.2022.revenue', value: 86000, printed: '8.6亿元', snippet: '2022年营业收入8.6亿元。' },
          // Inconsistent: the value is not what the snippet prints.
          { field: 'address', value: '郑州市金水路1号', printed: '郑州市金水路1号', snippet: '公司现有员工620人' },
        ],
      }),
    });
    const m = multipart('企业简介.docx', docx);
    const r = await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/documents`, headers: { ...m.headers, authorization: `Bearer ${s.token}` }, payload: m.payload });
    expect(r.statusCode).toBe(201);
    const sug = r.json().suggestions;
    expect(sug).toEqual([expect.objectContaining({ field: 'registeredCapital', value: 12000, source: { file: '企业简介.docx', page: 1, snippet: '公司现有员工620人，注册资本1.2亿元。' } })]);
    // The document reached the model only inside the delimited data block.
    const sent = fake.requests.at(-1)!.body.messages.map((x) => x.content ?? '').join('\n');
    expect(sent).toContain('材料原文');
    expect(sent).toContain('注册资本1.2亿元');
  }, 120_000);

  it('falls back to the rules when the model fails', async () => {
    const s = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json();
    fake.enqueue({ kind: 'status', status: 500 });
    const { Document, Packer, Paragraph } = await import('docx');
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('营业执照'), new Paragraph('统一社会信用代码：91410300MA9F3R1L6C')] }] })));
    const before = fake.requests.length;
    const m = multipart('营业执照.docx', docx);
    const r = await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/documents`, headers: { ...m.headers, authorization: `Bearer ${s.token}` }, payload: m.payload });
    expect(r.statusCode).toBe(201);
    expect(fake.requests.length).toBe(before + 1);
    expect(r.json().suggestions).toEqual([expect.objectContaining({ field: 'creditCode', value: '91410300MA9F3R1L6C' })]);
  }, 120_000);
});
