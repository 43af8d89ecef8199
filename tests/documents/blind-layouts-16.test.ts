import { describe, expect, it } from 'vitest';
import { docs, docx, para, readPages, scoreOffered, scoringApp } from './layouts';
import { ROUND_16, ROUND_16_ENTERPRISE, ROUND_16_FILES, ROUND_16_SUPPLIER } from './round-16';
import { parseDocument } from '../../server/documents/parse';
import { partiesOf } from '../../server/documents/extract';

/*
 * The sixteenth blind round (its documents in round-16.ts): six documents of one enterprise in mixed colloquial and
 * official wording. Measured before the branch's fixes (the same documents read by the rules the branch started
 * from), then after. Before: the profile's 「我们公司是2008年在焦作注册成立的」 gave neither the founding year nor the
 * capital in its sentence, and 「目前我司在职职工共计467名」 no head count; the equipment list's last maker (a 生产厂家
 * cell before 「是」 and 「合计」) was read as its sign-off, so the list was taken for that maker's; the audit report's
 * 「…审计报告（摘录）」 and the 「…专利清单」 gave no name (6 missed).
 */
const MEASURED_BEFORE: [number, number, number] = [18, 0, 6];
const MEASURED_AFTER: [number, number, number] = [24, 0, 0];

describe('the sixteenth blind round: six documents of one enterprise in colloquial and official wording', () => {
  it('each upload gives the facts it states, and no supplier\'s or maker\'s name or figures', async () => {
    expect(ROUND_16_FILES.length).toBe(6);
    const { total, detail } = await scoreOffered(ROUND_16);
    expect(total, detail).toEqual(MEASURED_AFTER);
    expect(MEASURED_AFTER[2], 'fewer missed than before').toBeLessThan(MEASURED_BEFORE[2]);
  }, 300_000);

  it('the supplier\'s attestation asks whose it is before the enterprise is recorded, and is the supplier\'s after', async () => {
    const make = ROUND_16_FILES.find(([f]) => f === '供货证明.docx')![1];
    const pages = await parseDocument(await make(), 'docx', docs);
    expect(partiesOf(pages, docs)).toMatchObject({ unsure: [ROUND_16_SUPPLIER, ROUND_16_ENTERPRISE.name], writer: ROUND_16_SUPPLIER });
    expect(partiesOf(pages, docs, { name: ROUND_16_ENTERPRISE.name }).issuedBy?.company).toBe(ROUND_16_SUPPLIER);
  }, 60_000);

  it('the equipment list is the enterprise\'s: a maker in its last row is a cell, not a sign-off', async () => {
    const make = ROUND_16_FILES.find(([f]) => f === '设备清单.docx')![1];
    const pages = await parseDocument(await make(), 'docx', docs);
    expect(partiesOf(pages, docs)).toEqual({ own: [], others: [], between: [] });
  }, 60_000);
});

const ENTERPRISE = '新乡华瑞精密制造有限公司';
const CUSTOMER = '宇通客车股份有限公司';
const SUPPLIER = '许昌远航智能装备有限公司';

describe('an attestation or a 说明 that names its writer nowhere', () => {
  const bodies = [
    // The reported kind: a 证明 with neither letterhead nor sign-off.
    ['证明', '兹证明我公司智能化改造项目已于2022年底完成，现有员工320人，注册资本5000万元。', '特此证明。', '2023年3月1日'],
    ['情况说明', '本公司2022年营业收入3.2亿元，在职职工300人。', '2023年3月'],
    ['关于设备联网情况的说明', '我司设备联网率达到92%，我司现有员工320人。', '特此说明。'],
    ['供货证明', `兹证明${CUSTOMER}自2019年起向我公司采购数控机床，我公司现有员工320人。`, '特此证明。'],
    // No title of a letter's kind, but its wording attests.
    ['兹证明我公司2022年度研发投入1200万元，我公司现有员工320人。', '特此证明。'],
  ];

  it('is read as no one\'s, before and after the enterprise is recorded, and says which kind it is', () => {
    for (const b of bodies) {
      const pages = [b.join('\n')];
      // A body among the title lines that attests (「兹证明…」) names the kind as a title would.
      const kind = b[0]!.includes('证明') ? '证明' : '说明';
      expect(partiesOf(pages, docs).noWriter, b[0]).toEqual({ kind });
      expect(partiesOf(pages, docs, { name: ENTERPRISE }).noWriter, b[0]).toEqual({ kind });
    }
  });

  it('near misses: a writer named by letterhead, sign-off, title or label is still told', () => {
    const writerTold = [
      [ENTERPRISE, '关于设备联网情况的说明', '我公司设备联网率达到92%，现有员工320人。', '特此说明。'],
      ['关于设备联网情况的说明', '我公司设备联网率达到92%，现有员工320人。', '特此说明。', `${ENTERPRISE}（盖章）`, '2023年3月1日'],
      [`${ENTERPRISE}关于设备联网情况的说明`, '我公司设备联网率达到92%，现有员工320人。'],
      ['情况说明', `单位名称：${ENTERPRISE}`, '我公司设备联网率达到92%，现有员工320人。'],
      // A profile is no letter: its 「我公司」 is read as before.
      ['企业简介', '我公司成立于2010年，现有员工320人。'],
    ];
    for (const b of writerTold) expect(partiesOf([b.join('\n')], docs).noWriter, b.join('|')).toBeUndefined();
    expect(readPages(writerTold[4]!.join('\n'))).toEqual({ employees: 320, 'ent.foundedYear': '2010' });
  });
});

describe('配套 before 的 describes what is built; 配套 as the goods is the writer\'s trade', () => {
  const letter = (body: string) => [[SUPPLIER, '关于项目情况的说明', body, '特此说明。', `${SUPPLIER}（盖章）`, '2023年2月20日'].join('\n')];

  it('a writer saying it provided a supporting line for a company it names is that company\'s supplier', () => {
    for (const body of [
      // The reported wording, and new ones of the same meaning.
      `我公司为${ENTERPRISE}提供配套的自动化生产线已投入使用，我公司现有员工420人。`,
      `我司为${ENTERPRISE}提供配套的智能仓储系统，已于2022年验收，我司注册资本6000万元。`,
      `我公司主要为${ENTERPRISE}提供配套的焊装线及MES系统，我公司现有员工420人。`,
    ]) {
      const before = partiesOf(letter(body), docs);
      expect(before.unsure, body).toEqual([SUPPLIER, ENTERPRISE]);
      expect(before.ownWriter, body).toBeUndefined();
      expect(partiesOf(letter(body), docs, { name: ENTERPRISE }).issuedBy?.company, body).toBe(SUPPLIER);
    }
  });

  it('near misses: parts or goods it supplies (配套件, 配套的零部件, 配套的…总成) are its own trade with its customer', () => {
    for (const body of [
      `我公司为${ENTERPRISE}提供配套件，我公司现有员工420人。`,
      `我公司为${ENTERPRISE}提供配套的汽车零部件，我公司现有员工420人。`,
      `公司主要为${ENTERPRISE}提供配套的制动系统总成，我公司现有员工420人。`,
    ])
      expect(partiesOf(letter(body), docs).ownWriter, body).toEqual({ company: SUPPLIER, others: [ENTERPRISE] });
  });
});

describe('a head count after the writer\'s own word for itself, a colon or 总人数', () => {
  const count = (s: string) => readPages(`企业简介\n${s}`).employees;

  it('reads the reported phrasings and new ones of the same meaning', () => {
    for (const [s, n] of [
      ['我司现有员工356人。', 356],
      ['本公司在职职工412名，其中研发人员60名。', 412],
      ['公司员工总数：398人。', 398],
      ['公司员工总数398人。', 398],
      ['本单位在职职工共计300人。', 300],
      ['公司员工总人数398人。', 398],
      ['我司现有正式员工356人。', 356],
      ['本公司现有在岗职工412名。', 412],
      ['全司员工356人，其中技术人员40人。', 356],
      ['公司在册职工412名。', 412],
    ] as const)
      expect(count(s), s).toBe(n);
    expect(readPages('企业简介\n我们公司现在有员工300来人。').employees, 'a round figure is offered as round').toBe('≈300');
  });

  it('near misses: a workshop\'s, a customer\'s or a past year\'s staff is no head count', () => {
    for (const s of ['车间员工：40人。', '车间有员工40人。', '用户单位员工300人。', '2021年员工：300人。', '公司于2015年在上海成立子公司，子公司员工：80人。'])
      expect(count(s), s).toBeUndefined();
  });
});

describe('a founding date with the place between it and 成立', () => {
  it('reads 「…年在…注册成立（的）」 and not a subsidiary or centre founded there', () => {
    const year = (s: string) => readPages(`企业简介\n${s}`)['ent.foundedYear'];
    expect(year('我们公司是2008年在焦作注册成立的，注册资本3500万元。')).toBe('2008');
    expect(year('公司于2008年在焦作市注册成立。')).toBe('2008');
    expect(year('公司2008年在焦作市高新区正式成立。')).toBe('2008');
    expect(year('公司于2015年在上海成立子公司。')).toBeUndefined();
    expect(year('公司2019年在郑州成立了研发中心。')).toBeUndefined();
  });
});

describe('the upload of an attestation that names its writer nowhere', () => {
  const upload = scoringApp();
  it('offers nothing and asks for a copy that shows who issued it, before and after the enterprise is recorded', async () => {
    const make = () => docx(['证明', '兹证明我公司智能化改造项目已于2022年底完成，现有员工320人，注册资本5000万元。', '特此证明。', '2023年3月1日'].map(para));
    for (const answers of [{}, { 'form.name': ENTERPRISE }] as Record<string, string>[]) {
      const { shown, notices } = await upload([['证明.docx', make, {}]], answers);
      expect(shown['证明.docx']).toEqual([]);
      expect(notices['证明.docx']).toBe(docs.messages.noWriter!.replace('{kind}', '证明'));
    }
  }, 300_000);
});
