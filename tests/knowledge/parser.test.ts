import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotice, titleFromHeading } from '../../server/knowledge/parser';
import { ClauseStructure, ClausesFile } from '../../server/knowledge/schemas/clauses';

const dir = 'knowledge/henan-2023';
const source = readFileSync(`${dir}/source/notice.txt`, 'utf8');
const structure = ClauseStructure.parse(JSON.parse(readFileSync(`${dir}/source/structure.json`, 'utf8')));
const clauses = parseNotice(source, structure);
const byId = new Map(clauses.map((c) => [c.id, c]));
const strip = (s: string) => s.replace(/[\s\u3000]+/g, '');

describe('the clause parser', () => {
  it('produces records that pass the clauses schema', () => {
    expect(() => ClausesFile.parse(clauses)).not.toThrow();
  });

  it('keeps every character of the notice, in order, across the clause texts', () => {
    // Only whitespace may change: the concatenated texts must equal the source without whitespace.
    const joined = [...clauses].sort((a, b) => a.order - b.order).map((c) => c.text).join('');
    expect(strip(joined)).toBe(strip(source));
  });

  it('builds IDs from the notice numbering for the body', () => {
    for (const id of ['序', '一', '一(一)', '一(二)', '二(一)', '二(四)', '三(一)1', '三(一)7', '三(二)6', '三(三)6', '四(一)', '四(四)', '五']) {
      expect(byId.has(id), id).toBe(true);
    }
    expect(byId.get('三(二)6')!.title).toBe('人工智能技术应用');
    expect(byId.get('三(二)6')!.parent).toBe('三(二)');
    expect(byId.get('二(一)')!.text).toContain('不支持以集团、总公司名义申报');
    expect(byId.get('五')!.text).toContain('0371—65507698');
    expect(byId.get('序')!.text).toContain('现将有关事项通知如下');
  });

  it('prefixes attachment clauses and follows each attachment own numbering', () => {
    expect(byId.get('附件2.四(五)')!.text).toContain('照片不少于10张');
    expect(byId.get('附件2.四(六)')!.text).toContain('1080P');
    expect(byId.get('附件3.四(六)')!.text).toContain('说明性旁白');
    expect(byId.get('附件2.一(一)')!.text).toContain('近三年主要经济指标');
    expect(byId.get('附件3.一(二)')!.text).toContain('安全环保信息系统应用');
    expect(byId.get('附件2')!.title).toBe('2023年度河南省智能工厂申报书（离散型）');
    expect(byId.get('附件2.二')!.parent).toBe('附件2');
  });

  it('reconstructs the truncated opening of 附件1 and marks it as inferred', () => {
    for (const id of ['附件1', '附件1.一', '附件1.一(一)', '附件1.一(二)']) {
      expect(byId.get(id)!.inferred, id).toBe(true);
      expect(byId.get(id)!.note, id).toBeTruthy();
    }
    // The tail fragments of the workshop table survive verbatim in the reconstructed record.
    expect(byId.get('附件1.一(二)')!.text).toContain('请简要说明产品采用批号/批次/序列号管理的情况');
    expect(byId.get('附件1.一(二)')!.text).toContain('建设完成前车间人数');
  });

  it('keeps what 附件1 does contain as ordinary clauses, with no patents item', () => {
    expect(byId.get('附件1.四(五)')!.text).toContain('智能车间建设成效的视频资料');
    expect(byId.get('附件1.四(五)')!.inferred).toBeUndefined();
    expect(byId.get('附件1.四(三)')!.text).toContain('数字化转型诊断报告');
    expect(byId.has('附件1.四(六)')).toBe(false);
    expect(byId.get('附件1.三(一)')!.text).toContain('智能车间要素条件');
  });

  it('derives a short title from a heading sentence', () => {
    expect(titleFromHeading('信息基础设施安全可靠。采用现场总线')).toBe('信息基础设施安全可靠');
    expect(titleFromHeading('申报单位概况：成立时间')).toBe('申报单位概况');
  });

  it('matches the committed clauses.json, so regenerating changes nothing', () => {
    const committed = JSON.parse(readFileSync(`${dir}/clauses.json`, 'utf8'));
    expect(committed).toEqual(clauses);
  });
});
