import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { formalText } from '../../server/forms/formal';

/*
 * Spoken effects around a time word, an effect said beside its own figures, and a task done in a system with the way
 * it is done said after it, in written form.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const written = (said: string) => formalText(data.formDrafting, said);

describe('a time word is no subject of the effect', () => {
  it.each([
    ['现在快多了', '〔请补充：…用时由…缩短至…〕'],
    ['目前方便多了', '〔请补充：…用时由…缩短至…〕'],
    ['这会儿省事多了', '〔请补充：…用时由…缩短至…〕'],
    ['目前比以前快多了', '〔请补充：…用时由…缩短至…〕'],
    ['上了MES以后，现在快多了', 'MES投入使用后，〔请补充：…用时由…缩短至…〕'],
    // The real subject stands before or after the time word.
    ['如今排产快多了', '〔请补充：排产用时由…缩短至…〕'],
    ['对账现在快多了', '〔请补充：对账用时由…缩短至…〕'],
    ['排产现在比以前快多了', '〔请补充：排产用时由…缩短至…〕'],
    ['上了WMS以后，这会儿找料省事多了', 'WMS投入使用后，〔请补充：找料用时由…缩短至…〕'],
    ['现在效率高多了', '〔请补充：效率由…提高至…〕'],
    ['眼下温度稳多了', '〔请补充：温度波动由…降低至…〕'],
    ['这会儿质量稳多了', '〔请补充：质量波动由…降低至…〕'],
    ['现在稳多了', '〔请补充：…波动由…降低至…〕'],
  ])('「%s」 reads 「%s」', (said, text) => {
    expect(written(said)).toBe(text);
  });
});

describe('an effect said beside its figures is the figures, not a request', () => {
  it.each([
    ['排产快多了，由2天缩短到半天', '排产用时由2天缩短至半天'],
    ['排产快多了，从两天缩到半天。', '排产用时由两天缩短至半天。'],
    ['用了APS以后排产快多了，用时由2天缩短到半天', 'APS投入使用后，排产用时由2天缩短至半天'],
    ['现在出入库快多了，从半小时降到5分钟', '出入库用时由半小时缩短至5分钟'],
    ['现在比原来省事多了，由两小时缩短到二十分钟', '用时由两小时缩短至二十分钟'],
    // A faster output is a higher one.
    ['出货快多了，由每天200箱提高到300箱', '出货由每天200箱提高至300箱'],
    ['效率高多了，由每人每天80件提高到120件', '效率由每人每天80件提高至120件'],
    ['能耗低多了，从每吨0.5降到0.42', '能耗由每吨0.5降低至0.42'],
    ['换型时间短多了，由40分钟缩短到15分钟', '换型时间由40分钟缩短至15分钟'],
    // The figures said first.
    ['由2天缩短到半天，排产快多了', '排产用时由2天缩短至半天'],
    ['由3%降到1%，不良品少多了', '不良品由3%降低至1%'],
    ['从每天300件提高到450件，产量高多了', '产量由每天300件提高至450件'],
    ['排产由2天缩短到半天，快多了', '排产由2天缩短到半天'],
  ])('「%s」 reads 「%s」', (said, text) => {
    expect(written(said)).toBe(text);
  });

  it.each([
    // No figure beside it: still asked for; a change with no figure is no figure.
    ['排产快多了，人工也省了', '〔请补充：排产用时由…缩短至…〕，人工也省了'],
    ['排产快多了，由人工变成自动', '〔请补充：排产用时由…缩短至…〕，由人工变成自动'],
    ['找料比以前快多了', '〔请补充：找料用时由…缩短至…〕'],
  ])('near miss: 「%s」 reads 「%s」', (said, text) => {
    expect(written(said)).toBe(text);
  });
});

describe('a task done in a system, with the way it is done said after it, reads once', () => {
  it.each([
    ['出入库都在WMS里，扫码完成', '出入库均通过WMS扫码完成'],
    ['出入库都在WMS里，扫码', '出入库均通过WMS扫码完成'],
    ['领料都走系统，用PDA扫码', '领料均通过系统PDA扫码完成'],
    ['盘点都在WMS上，手机扫码就行', '盘点均通过WMS手机扫码完成'],
    ['入库都走WMS，扫描确认', '入库均通过WMS扫描完成'],
  ])('「%s」 reads 「%s」', (said, text) => {
    expect(written(said)).toBe(text);
  });

  it.each([
    // Another task, or more than the way, after it stays its own clause.
    ['出入库都在WMS里，质检单独完成', '出入库均通过WMS完成，质检单独完成'],
    ['报工都在系统里，扫码报工', '报工均通过系统完成，扫码报工'],
    ['质检都在系统里录，拍照上传', '质检均通过系统完成，拍照上传'],
    ['报工都在系统里', '报工均通过系统完成'],
  ])('near miss: 「%s」 reads 「%s」', (said, text) => {
    expect(written(said)).toBe(text);
  });
});
