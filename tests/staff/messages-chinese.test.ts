import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Every message an applicant or a staff member sees is Chinese: the staff routes and the answer checks the review queue shows
 * once carried an English gloss after the Chinese (「…的规定 (figure of another subject)」).
 */
const FILES = [
  'server/qa/layer.ts',
  'server/errors.ts',
  'server/app.ts',
  'server/chat/conversation.ts',
  'server/chat/rules.ts',
  'server/forms/phase.ts',
  'server/forms/form-view.ts',
  ...['server/routes', 'server/plugins', 'server/staff', 'server/schemas'].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${dir}/${f}`),
  ),
];
/** A parenthesised English phrase right after Chinese text inside a string literal. */
const GLOSS = /[\u4e00-\u9fff。”）] \([a-z][a-z ,'/.-]*\)(?=['`"]| — )/gu;

describe('staff-facing messages', () => {
  it.each(FILES)('%s has no English gloss in its messages', (file) => {
    expect(readFileSync(file, 'utf8').match(GLOSS) ?? []).toEqual([]);
  });
});
