import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { webRootOf } from '../plugins/web';
import { labelOf } from '../knowledge/registry';

export interface FallbackOptions {
  webRoot?: string;
}

/*
 * A newcomer who runs `npm start` before the web UI is built still gets a working page:
 * a question box over /api/ask. The script is a separate route because the CSP allows
 * only script-src 'self', and it renders every answer with textContent so nothing the
 * server returns is ever parsed as HTML.
 */
const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The notice is named from the default knowledge version, so a new year's notice needs no code change. */
const page = (noticeTitle: string) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>智造申报助手 · 通知问答</title>
<style>
  body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 760px; margin: 2rem auto; padding: 0 1rem; color: #1f2933; line-height: 1.6; }
  h1 { font-size: 1.4rem; margin-bottom: .2rem; }
  p.sub { color: #52606d; margin-top: 0; }
  form { display: flex; gap: .5rem; margin: 1.2rem 0; }
  textarea { flex: 1; font: inherit; padding: .5rem; min-height: 3rem; }
  button { font: inherit; padding: .4rem 1rem; cursor: pointer; }
  #answer { white-space: pre-wrap; padding: .8rem; background: #f5f7fa; border-radius: 6px; }
  #answer.oos { background: #fff4e5; }
  #answer:empty, #citations:empty { display: none; }
  #citations li { margin: .6rem 0; }
  .cid { font-weight: 600; }
  .quote { color: #3e4c59; display: block; }
  #clause { white-space: pre-wrap; border-left: 3px solid #9aa5b1; padding-left: .8rem; color: #3e4c59; }
  #clause:empty { display: none; }
</style>
</head>
<body>
<h1>智造申报助手</h1>
<p class="sub">依据《${escapeHtml(noticeTitle)}》作答，每个回答都标明出处条款。</p>
<form id="ask">
  <textarea id="question" name="question" maxlength="2000" required placeholder="例如：郑州市能推荐几家？视频有什么要求？"></textarea>
  <button type="submit">提问</button>
</form>
<div id="answer" aria-live="polite"></div>
<ol id="citations"></ol>
<div id="clause"></div>
<script type="module" src="/fallback/ask.js"></script>
</body>
</html>
`;

const SCRIPT = `const form = document.getElementById('ask');
const input = document.getElementById('question');
const answer = document.getElementById('answer');
const list = document.getElementById('citations');
const clause = document.getElementById('clause');

async function showClause(id) {
  clause.textContent = '';
  const res = await fetch('/api/knowledge/clauses/' + encodeURIComponent(id));
  if (!res.ok) return;
  const body = await res.json();
  const parts = [body.clause].concat(body.descendants || []).map((c) => c.text || ('（' + (c.note || '原文缺失') + '）'));
  clause.textContent = body.clause.id + ' ' + body.clause.title + '\\n' + parts.join('\\n');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  answer.textContent = '正在查找……';
  answer.className = '';
  list.textContent = '';
  clause.textContent = '';
  try {
    const res = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });
    const body = await res.json();
    if (!res.ok) {
      answer.textContent = (body.error && body.error.message) || '请求失败';
      return;
    }
    answer.textContent = body.answer;
    if (body.outOfScope) answer.className = 'oos';
    for (const c of body.citations) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = '#';
      link.className = 'cid';
      link.textContent = c.clause + ' ' + c.title;
      link.addEventListener('click', (e) => { e.preventDefault(); void showClause(c.clause); });
      const quote = document.createElement('span');
      quote.className = 'quote';
      quote.textContent = c.quote;
      li.append(link, quote);
      list.append(li);
    }
  } catch {
    answer.textContent = '网络错误，请稍后再试';
  }
});
`;

export default async function fallbackPage(fastify: FastifyInstance, opts: FallbackOptions): Promise<void> {
  if (existsSync(join(opts.webRoot ?? webRootOf(fastify), 'index.html'))) return;
  fastify.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page(labelOf(fastify.kb).shortTitle)));
  fastify.get('/fallback/ask.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(SCRIPT));
}
