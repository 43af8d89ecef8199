import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { interviewBlind, type BlindCase } from './blind-interview';

/*
 * The fourteenth blind round, interviewed over the real socket in the enterprises' own typed replies (see the fixture's
 * $comment). Measured: replies taken on the first try with the enterprise's value, of the typed replies, and the messages
 * typed while a question waited that were handled as their kind says. The figures are the ones measured after the fixes
 * they led to.
 */
const ROUND = (JSON.parse(readFileSync(resolve(__dirname, '../fixtures/blind-enterprises14.json'), 'utf8')) as { enterprises: BlindCase[] }).enterprises;
const srv = serveForFile();

const MEASURED: Record<string, { taken: number; of: number; missed: string[]; wrong: string[]; before: [number, number] }> = {};

describe('the fourteenth blind round, in the enterprises\' own typed replies', () => {
  for (const e of ROUND) {
    it(`${e.id}: the replies taken on the first try, and the verdict the notice gives`, async () => {
      const run = await interviewBlind(srv.url, srv.http, e);
      console.log(JSON.stringify({ id: e.id, taken: run.taken, of: run.of, missed: run.missed, wrong: run.wrong, before: [run.beforeRight, run.beforeOf], beforeWrong: run.beforeWrong, unanswered: run.unanswered, got: run.got }));
      expect.soft(run.beforeWrong).toEqual([]);
      expect.soft(run.unanswered).toEqual([]);
      expect.soft(run.got).toMatchObject({ ...e.expected, ifEligible: e.expected.ifEligible ?? run.got.ifEligible });
      const m = MEASURED[e.id];
      expect({ taken: run.taken, of: run.of, missed: run.missed, wrong: run.wrong, before: [run.beforeRight, run.beforeOf] }).toEqual(m);
    }, 240_000);
  }
});
