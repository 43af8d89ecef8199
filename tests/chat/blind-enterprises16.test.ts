import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { blindRoundTests, type BlindCase, type Measured } from './blind-interview';

/*
 * The sixteenth blind round, two enterprises interviewed over the real socket in their own typed replies (see the fixture's
 * $comment): a 离散 workshop that holds the 智能车间 title and applies with another one, and a 流程 factory. Measured:
 * replies taken on the first try with the enterprise's value, of the typed replies, and the messages typed while a
 * question waited that were handled as their kind says.
 *
 * Run once, with the fixes for the titled workshop named beside the applying one and a newly built workshop applying
 * already made: all 71 typed replies were taken with the enterprise's value, the four messages typed while a question
 * waited were handled as their kind says, and both verdicts were the notice's. The workshop's production mode is not
 * asked: a reply before it recorded it.
 */
const ROUND = (JSON.parse(readFileSync(resolve(__dirname, '../fixtures/blind-enterprises16.json'), 'utf8')) as { enterprises: BlindCase[] }).enterprises;
const srv = serveForFile();

const MEASURED: Measured = {
  'Q1-鹤壁汽车线束压接车间': { taken: 33, of: 33, missed: [], wrong: [], before: [2, 2] },
  'Q2-商丘永城面粉工厂': { taken: 38, of: 38, missed: [], wrong: [], before: [2, 2] },
};

describe('the sixteenth blind round, in the enterprises\' own typed replies', () => {
  blindRoundTests(srv, ROUND, MEASURED, {
    title: 'reads 71 of the round\'s 71 typed replies right on the first try, and the four messages typed while a question waited',
    taken: [71, 71],
    before: [4, 4],
  });

  it('holds a 离散 workshop and a 流程 factory', () => {
    expect(ROUND.map((e) => [e.facts['cat.scope'], e.facts['cat.productionMode']])).toEqual([
      ['workshop', 'discrete'],
      ['factory', 'process'],
    ]);
  });
});
