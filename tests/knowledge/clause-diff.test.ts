import { describe, expect, it } from 'vitest';
import { diffTokens, tokenDiff } from '../../server/knowledge/ingest/clause-diff';

const shown = (from: string, to: string) =>
  tokenDiff(from, to)
    .map((p) => (p.op === '-' ? `[-${p.text}]` : p.op === '+' ? `[+${p.text}]` : p.text))
    .join('');

describe('the clause diff changes whole figures and words, never single digits', () => {
  it('a date whose month and day both changed', () => {
    expect(shown('于3月15日前，将“推荐汇总表”上传', '于4月10日前，将“推荐汇总表”上传')).toBe('于[-3][+4]月[-15][+10]日前，将“推荐汇总表”上传');
  });

  it('a quota and a year that share digits with the new figure', () => {
    expect(shown('郑州市推荐企业不多于20家', '郑州市推荐企业不多于25家')).toBe('郑州市推荐企业不多于[-20][+25]家');
    expect(shown('开展2023年度河南省智能车间', '开展2024年度河南省智能车间')).toBe('开展[-2023][+2024]年度河南省智能车间');
    expect(shown('每张不超过200M', '每张不超过1200M')).toBe('每张不超过[-200][+1200]M');
  });

  it('Latin words and decimals as units; Han text by character', () => {
    expect(shown('包括ERP系统', '包括MES系统')).toBe('包括[-ERP][+MES]系统');
    expect(shown('比例1.5%', '比例2.5%')).toBe('比例[-1.5][+2.5]%');
    expect(shown('优先支持节能减排企业', '优先支持绿色发展企业')).toBe('优先支持[-节能减排][+绿色发展]企业');
    expect(diffTokens('3月15日 ERP-2')).toEqual(['3', '月', '15', '日', ' ', 'ERP', '-', '2']);
  });

  it('keeps the two texts: the old is the kept and removed runs, the new the kept and added', () => {
    const from = '各县（市）不多于5家，多报无效。2023年3月15日';
    const to = '省直管县（市）不多于6家，其他县（市）不多于4家。2024年4月1日';
    const parts = tokenDiff(from, to);
    expect(parts.filter((p) => p.op !== '+').map((p) => p.text).join('')).toBe(from);
    expect(parts.filter((p) => p.op !== '-').map((p) => p.text).join('')).toBe(to);
  });
});
