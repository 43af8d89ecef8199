import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatPhrases, phrases } from '../../server/chat/phrases';
import { readValidated } from '../../server/knowledge/load';

/* The assistant's sentences are data (prompts/chat-phrases.json), checked when the conversation module loads. */

const file = join(process.cwd(), 'prompts', 'chat-phrases.json');
const good = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;

function check(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'zz-phrases-'));
  try {
    const f = join(dir, 'chat-phrases.json');
    writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
    try {
      readValidated(f, ChatPhrases);
      return 'ok';
    } catch (err) {
      return (err as Error).message.replace(dir, 'DIR');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('prompts/chat-phrases.json', () => {
  it('is what the conversation says', () => {
    expect(check(good)).toBe('ok');
    expect(phrases.welcome({ shortTitle: '测试通知', year: 2031 })).toContain('《测试通知》');
    expect(phrases.welcome({ shortTitle: '测试通知', year: 2031 })).toContain('2031年度');
    expect(phrases.partlyUnclear(3)).toBe(good.partlyUnclear!.replace('{count}', '3'));
  });

  it('refuses a sentence with a misspelt, a missing or an unknown placeholder, naming the file and the sentence', () => {
    expect(check({ ...good, welcome: good.welcome!.replace('{title}', '{titel}') })).toMatch(/知识库文件 DIR\/chat-phrases\.json：校验失败 — 位置 welcome：未知的占位符 \{titel\}/);
    expect(check({ ...good, unclear: '抱歉。请直接回答：{question}' })).toMatch(/位置 unclear：缺少占位符 \{hint\}/);
    expect(check({ ...good, backTo: '' })).toMatch(/位置 backTo/);
    const { done: _, ...withoutDone } = good;
    expect(check(withoutDone)).toMatch(/位置 done/);
    expect(check({ ...good, extra: '多余' })).toMatch(/extra/);
    expect(check('{ not json')).toMatch(/不是有效的 JSON/);
  });
});
