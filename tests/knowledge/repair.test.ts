import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../server/knowledge/parser';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLooksLikeNotice, extractNotice, IngestError } from '../../server/knowledge/ingest/extract';
import { boundarySpaces, dropBoundarySpaces, normaliseWidth, repairPdfPages, stripPageFurniture, unwrapLines } from '../../server/knowledge/ingest/repair';
import { findCounterpart, findQuote, refigure } from '../../server/knowledge/ingest/reextract';
import { diffClauses, numberChanges } from '../../server/knowledge/ingest/clause-diff';

const EMPTY_STRUCTURE = { titles: {}, reconstructed: [] };

describe('PDF damage repair', () => {
  it('maps Kangxi radicals, compatibility ideographs and fullwidth digits back, and keeps fullwidth punctuation', () => {
    // ⼀ (U+2F00) and ⽇ (U+2F47) are what many PDF fonts emit for 一 and 日.
    expect(normaliseWidth('⼀、申报条件：３⽉１５⽇前（ＭＰ４）')).toBe('一、申报条件：3月15日前（MP4）');
    expect(normaliseWidth('各县\u3000（市）')).toBe('各县 （市）');
  });

  it('drops running headers, footers and page numbers, but not the same words in the body', () => {
    const pages = [
      ['河南省工业和信息化厅办公室', '河南省工业和信息化厅办公室', '关于开展申报工作的通知', '— 1 —'],
      ['河南省工业和信息化厅办公室', '一、申报方向', '正文', '— 2 —'],
      ['河南省工业和信息化厅办公室', '二、申报条件', '第 3 页 共 3 页'],
    ];
    expect(stripPageFurniture(pages)).toEqual([['河南省工业和信息化厅办公室', '关于开展申报工作的通知'], ['一、申报方向', '正文'], ['二、申报条件']]);
  });

  it('joins lines the page width broke and keeps short and heading lines apart', () => {
    const full = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    const lines = ['（一）' + full.slice(3), '续写完的句子。', '（二）短的一行。', '下一段', full.slice(0, 27) + '。', '另起一段。'];
    expect(unwrapLines(lines)).toEqual(['（一）' + full.slice(3) + '续写完的句子。', '（二）短的一行。', '下一段', full.slice(0, 27) + '。', '另起一段。']);
  });

  it('removes the gap a renderer puts between Han characters and digits, unless the reference has a space there', () => {
    expect(dropBoundarySpaces('开展 2023 年度，不多于 20 家')).toBe('开展2023年度，不多于20家');
    const keep = boundarySpaces('省工业和信息化厅数字化与未来产业处  0371—65507698');
    expect(dropBoundarySpaces('省工业和信息化厅数字化与未来产业处 0371—65507698', keep)).toBe('省工业和信息化厅数字化与未来产业处 0371—65507698');
  });

  it('turns table cells separated by tabs into one cell per line', () => {
    expect(repairPdfPages(['企业名称\t\t所属行业\n统一社会信用代码\t成立时间'])).toBe('企业名称\n所属行业\n统一社会信用代码\n成立时间');
  });
});

describe('notice recognition and clause numbering variants', () => {
  it('reads a text file saved as GB18030', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhizao-gbk-'));
    try {
      const file = join(dir, 'notice.txt');
      // 一、申报方向 in GB18030, as Notepad on a Chinese Windows saves it.
      writeFileSync(file, Buffer.from('d2bba1a2c9eab1a8b7bdcff2', 'hex'));
      expect((await extractNotice(file)).text).toBe('一、申报方向');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses text without numbered sections and names what is missing', () => {
    expect(() => checkLooksLikeNotice('会议纪要\n与会人员讨论了有关事项。', 'minutes.txt')).toThrow(IngestError);
    expect(() => checkLooksLikeNotice('会议纪要\n与会人员讨论了有关事项。', 'minutes.txt')).toThrow(/没有找到按.*编号的条款，也没有附件列表/);
    expect(checkLooksLikeNotice('一、方向\n二、条件\n附件：1. 申报书', 'n.txt')).toEqual({ sections: 2, attachments: true });
  });

  it('reads half-width brackets, 1． and 附件 2 headings with the same IDs', () => {
    const text = ['通知', '一、申报条件', '(一)企业条件。', '1．第一项。', '2、第二项。', '二、要求', '附件：1. 申报书甲', '2. 申报书乙', '附件1', '一、基本信息', '附件 2：', '一、基本信息'].join('\n');
    const ids = parseNotice(text, EMPTY_STRUCTURE).map((c) => c.id);
    expect(ids).toEqual(['序', '一', '一(一)', '一(一)1', '一(一)2', '二', '附件', '附件1', '附件1.一', '附件2', '附件2.一']);
  });
});

describe('re-extraction by the previous wording', () => {
  const old = '本次申报郑州市推荐企业不多于20家，洛阳市、新乡市、南阳市不多于15家，其他省辖市不多于10家，各县（市）不多于5家，多报无效。';
  const now = old.replace('不多于20家', '不多于25家').replace('不多于5家', '不多于6家');

  it('finds a figure by the words around it, and not inside a longer number', () => {
    expect(findCounterpart('5家', old, now)!.value).toBe('6家');
    expect(findCounterpart('15家', old, now)!.value).toBe('15家');
    expect(findQuote('本次申报郑州市推荐企业不多于20家', now)).toBe('本次申报郑州市推荐企业不多于25家');
  });

  it('gives up when the wording around a figure changed', () => {
    expect(findQuote('各县（市）不多于5家', old.replace('各县（市）不多于5家', '每个县最多推荐6家'))).toBeNull();
    expect(refigure('上传期限（3月15日前）', '于3月15日前上传', '在4月1日之前上传')).toBeNull();
    expect(refigure('上传期限（3月15日前）', '于3月15日前上传', '于4月1日前上传')).toBe('上传期限（4月1日前）');
  });

  it('pairs changed figures in order with their kind', () => {
    expect(numberChanges('四(二)', '视频不超过200M，照片不少于10张', '视频不超过300M，照片不少于10张').map((n) => [n.kind, n.from, n.to])).toEqual([['大小', '200M', '300M']]);
    const d = diffClauses(
      [{ id: '五', parent: null, title: '联系方式', text: '电话 0371—65507698', order: 0 }],
      [{ id: '五', parent: null, title: '联系方式', text: '电话 0371—65507699', order: 0 }],
    );
    expect(d.changed.map((c) => [c.id, c.numbersOnly])).toEqual([['五', true]]);
    expect(d.numbers.map((n) => [n.from, n.to])).toEqual([['65507698', '65507699']]);
  });
});
