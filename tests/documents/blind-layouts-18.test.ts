import { describe, expect, it } from 'vitest';
import { docs, readPages, scoringApp } from './layouts';
import { ROUND_18_ENTERPRISE, ROUND_18_FILES } from './round-18';
import { partiesOf, sealedByBody, signedBy } from '../../server/documents/extract';

/*
 * The eighteenth blind round (its documents in round-18.ts): nine uploads of one enterprise through the upload route,
 * four of them PDFs. Measured before the branch's fixes (the same documents read by the rules the branch started
 * from), then after. Before: the acceptance report's last table (an expert, the company the expert works for, the day
 * signed) was read as that company's sign-off, so the report was taken for the company's and nothing offered (4
 * missed); the safety attestation sealed by the district's 应急管理局 was read as one with no sign-off (2 missed); the
 * 「…专利证书列表」 title and the scanned profile's first sentence (「…有限公司成立于…」 under 「企 业 简 介」) gave no name
 * (2 missed). The scanned profile's 「成立于２００９年７月」 is offered as the month it prints (foundedOn 2009-07).
 */
const MEASURED_BEFORE: [number, number, number] = [31, 0, 8];
const MEASURED_AFTER: [number, number, number] = [39, 0, 0];

const ENT = '郑州恒通精工机械有限公司';
const OTHER = '河南省机械设计研究院有限公司';
const SUPPLIER = '许昌远航智能装备有限公司';
const report = (...tail: string[]) => [[`${ENT}智能车间建设项目验收报告`, '本项目总投资3200万元，其中智能化软硬件投资2100万元。', '验收组一致同意该项目通过验收。', ...tail].join('\n\n')];

describe('a name beside a date in a table\'s last row is data, not a sign-off', () => {
  it('reads no sign-off from a person, a company and a date as a table\'s cells, as a DOCX or a PDF row prints them', () => {
    for (const tail of [
      // The reported kind: 「负责人 | 张伟 | 2023-05-06」.
      ['职务', '姓名', '日期', '负责人', '张伟', '2023-05-06'],
      ['负责人 张伟 2023-05-06'],
      // An expert and the company the expert works for, as cells and as a PDF's row.
      ['验收专家组', '姓名', '单位', '日期', '张伟', OTHER, '2023-05-06'],
      [`张伟 ${OTHER} 2023-05-06`],
      // The unit that took part, its contact and the day.
      ['验收单位', '负责人', '日期', SUPPLIER, '张伟', '2023-05-06'],
      [`${SUPPLIER} 李红梅 2023年5月6日`],
    ]) {
      expect(signedBy(report(...tail), docs), tail.join('|')).toBeUndefined();
      expect(partiesOf(report(...tail), docs), tail.join('|')).toEqual({ own: [], others: [], between: [] });
      expect(partiesOf(report(...tail), docs, { name: ENT }).issuedBy, tail.join('|')).toBeUndefined();
    }
  });

  it('near misses: a company with its seal or signature wording, or standing alone over the date, still signs', () => {
    for (const tail of [
      [`${SUPPLIER}（盖章）`, '2023年5月6日'],
      ['姓名', '张伟', `${SUPPLIER}`, '（盖章）', '2023年5月6日'],
      [`签章：${SUPPLIER}`, '2023-05-06'],
      ['特此证明', SUPPLIER, '2023年5月6日'],
      ['此致', '敬礼', SUPPLIER, '2023年5月6日'],
      ['申报单位', SUPPLIER, '2023年5月6日'],
    ])
      expect(signedBy(report(...tail), docs), tail.join('|')).toBe(SUPPLIER);
  });
});

describe('a public body\'s seal signs what it attests of a company', () => {
  const attestation = (...tail: string[]) => [['安全生产证明', `兹证明${ENT}（统一社会信用代码：91410100MA44X2P1XU）近三年未发生较大及以上生产安全事故。`, '特此证明。', ...tail].join('\n\n')];

  it('names the body, asks for no copy with a sign-off, and offers the company it attests', () => {
    for (const [tail, body] of [
      [['郑州市金水区应急管理局（盖章）', '2023年4月20日'], '郑州市金水区应急管理局'],
      [['郑州经济技术开发区管理委员会', '（盖章）', '2023年4月20日'], '郑州经济技术开发区管理委员会'],
      [['出具单位：新郑市市场监督管理局', '2023年4月'], '新郑市市场监督管理局'],
    ] as const) {
      const pages = attestation(...tail);
      expect(sealedByBody(pages, docs), body).toBe(body);
      expect(partiesOf(pages, docs).noWriter, body).toBeUndefined();
      expect(readPages(...pages).name, body).toBe(ENT);
    }
  });

  it('near misses: one with no seal, or a body named only in its text, is still no one\'s', () => {
    for (const tail of [['2023年4月20日'], ['经郑州市金水区应急管理局核查。', '2023年4月20日'], ['郑州市金水区应急管理局', '2023年4月20日']]) {
      const pages = attestation(...tail);
      expect(sealedByBody(pages, docs), tail.join('|')).toBeUndefined();
      expect(partiesOf(pages, docs).noWriter, tail.join('|')).toEqual({ kind: '证明' });
    }
  });
});

describe('a profile under a title of no name names its company in its first sentence', () => {
  it('reads the company that opens the first sentence as its subject', () => {
    expect(readPages('企 业 简 介\n南阳宛北电机制造有限公司成立于2009年7月，注册资本3500万元。').name).toBe('南阳宛北电机制造有限公司');
    expect(readPages('公司概况\n河南中原液压有限公司始建于1998年，现有员工300人。').name).toBe('河南中原液压有限公司');
    expect(readPages('公司简介\n新乡华瑞精密制造有限公司位于新乡市高新区，现有员工320人。').name).toBe('新乡华瑞精密制造有限公司');
  });
  it('near misses: a customer or supplier opening the sentence is no subject', () => {
    expect(readPages('企业简介\n宇通客车股份有限公司是我公司的主要客户。').name).toBeUndefined();
    expect(readPages(`企业简介\n${SUPPLIER}为我公司提供配套的立体仓库。`).name).toBeUndefined();
    expect(readPages(`企业简介\n${SUPPLIER}成立于2009年，是公司的长期合作伙伴。`).name).toBeUndefined();
  });
});

describe('a list titled with the company\'s name', () => {
  it('reads the name from 「…专利证书列表」 and other list titles of its own', () => {
    for (const kind of ['专利证书列表', '专利一览表', '知识产权列表'])
      expect(readPages(`${ENT}${kind}\n序号\n专利名称\n1\n一种电机定子自动绕线装置\n张伟\n2022-11-08`).name, kind).toBe(ENT);
  });
});

describe('the eighteenth blind round: nine uploads of one enterprise, through the upload route', () => {
  const upload = scoringApp();
  it('each upload gives what a careful reader takes from it, and the unsigned attestation asks for a sealed copy', async () => {
    expect(ROUND_18_FILES.length).toBe(9);
    const { scores, detail, notices } = await upload(ROUND_18_FILES, { 'form.name': ROUND_18_ENTERPRISE.name });
    const total = Object.values(scores).reduce((t, x) => t.map((n, i) => n + x[i]!), [0, 0, 0]);
    expect(total, detail).toEqual(MEASURED_AFTER);
    expect(MEASURED_AFTER[2], 'fewer missed than before').toBeLessThan(MEASURED_BEFORE[2]);
    expect(notices['安全生产证明（无落款）.pdf']).toBe(docs.messages.noWriter!.replace('{kind}', '证明'));
    expect(notices['安全生产证明.docx']).toBeUndefined();
  }, 900_000);
});
