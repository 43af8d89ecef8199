import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { partiesOf } from '../../server/documents/extract';
import { docs, docx, listedDocuments, newSession, para, readPages, uploaded } from './layouts';

/*
 * Whose a supplier's letter is. A 供货证明 or 配套证明 written by one company and naming no other may be a supplier's
 * account of itself as well as the enterprise's: until the enterprise is known to be its writer, nothing in it is
 * offered and the user is asked. A letter in which the writer says in its own words that it supplies a company it
 * names (「我公司为…有限公司提供配套件」) states its own trade with that customer: it is read as the writer's own
 * account, and the customer is named in the notice as written of.
 */
const WRITER = '洛阳精工刀具有限公司';
const OTHER = '许昌远东传动轴有限公司';
const CUSTOMER = '郑州宇通客车股份有限公司';

/** A letter of `lines` with the writer's letterhead, its sign-off, or both. */
const letter = (lines: string[], { head = false, sign = true, company = WRITER } = {}) => [
  [...(head ? [company] : []), ...lines, ...(sign ? [`${company}（盖章）`, '2023年5月1日'] : [])].join('\n'),
];

describe('an attestation naming no other company', () => {
  const proofs = [
    // The reported one: a 供货证明 signed at its foot, naming no customer and no 甲方/乙方.
    letter(['供货证明', '我公司自2018年起长期为客户提供数控刀具，产品质量稳定，供货及时。我公司成立于2005年，现有员工320人。', '特此证明。']),
    // A 配套证明 under a letterhead with no sign-off.
    letter(['配套证明', '我公司为多家主机厂配套生产齿轮箱壳体，年供货量10万件。我公司现有员工200人，注册资本3000万元。', '特此证明。'], { head: true, sign: false }),
    // No 证明 in the title, but 兹证明 in its text, headed and signed.
    letter(['关于供货情况', '兹证明我公司为各主机厂稳定供应铸件，我公司注册资本5000万元，现有员工410人。'], { head: true }),
  ];

  it('is not read as the enterprise\'s own before it is named: the writer is asked about', () => {
    for (const pages of proofs) {
      const p = partiesOf(pages, docs);
      expect(p.unsure, pages[0]).toEqual([WRITER]);
      expect(p.writer, pages[0]).toBe(WRITER);
      expect(p.ownWriter).toBeUndefined();
      expect(readPages(...pages), pages[0]).toEqual({});
    }
  });

  it('is another company\'s once the enterprise is recorded as another, and the enterprise\'s own once recorded as the writer', () => {
    for (const pages of proofs) {
      expect(partiesOf(pages, docs, { name: OTHER }).issuedBy?.company, pages[0]).toBe(WRITER);
      const mine = partiesOf(pages, docs, { name: WRITER });
      expect(mine.unsure, pages[0]).toBeUndefined();
      expect(mine.issuedBy, pages[0]).toBeUndefined();
    }
  });

  it('near misses: the enterprise\'s own statement (说明, no 证明) is still read as its own', () => {
    for (const pages of [
      letter(['关于公司基本情况的说明', '我公司成立于2005年，现有员工320人。', '特此说明。']),
      letter(['企业简介', '我公司为客户提供数控刀具，现有员工320人。'], { head: true }),
    ]) {
      expect(partiesOf(pages, docs).unsure, pages[0]).toBeUndefined();
      expect(readPages(...pages), pages[0]).toMatchObject({ employees: 320 });
    }
  });
});

describe('the writer saying it supplies a company it names', () => {
  const own = [
    // The reported one: signed at its foot only.
    letter(['情况说明', `我公司为${CUSTOMER}提供配套件，合作已有十年。我公司成立于2008年，现有员工450人。`], { company: OTHER }),
    // With an adverb before the lead, under a letterhead only.
    letter(['关于配套情况的说明', `我公司长期为${CUSTOMER}提供配套零部件。我公司现有员工450人。`], { company: OTHER, head: true, sign: false }),
    // 「我司…向…供货」, signed at its foot only.
    letter(['关于主要客户的说明', `我司自2016年起向${CUSTOMER}供货，2022年供货额6200万元。我公司现有员工450人。`], { company: OTHER }),
  ];

  it('is the writer\'s own account before the enterprise is named: the customer is named as written of, nothing asked', () => {
    for (const pages of own) {
      const p = partiesOf(pages, docs);
      expect(p.unsure, pages[0]).toBeUndefined();
      expect(p.ownWriter, pages[0]).toEqual({ company: OTHER, others: [CUSTOMER] });
      expect(readPages(...pages), pages[0]).toMatchObject({ employees: 450 });
    }
  });

  it('near misses: a project built or delivered for the company, an attestation, and a letter to 贵司 still ask or give nothing', () => {
    // A supplier of a project (承建, 交付) writes of the company it built for: that company may be the enterprise.
    for (const body of [
      `我司为${CUSTOMER}承建的焊装线已投入使用，我司现有员工80人。`,
      `我公司为${CUSTOMER}提供的数控机床已交付，我公司现有员工80人。`,
      `我公司向${CUSTOMER}供应的焊接机器人已交付调试，我公司现有员工80人。`,
    ]) {
      const p = partiesOf(letter(['项目说明', body]), docs);
      expect(p.unsure, body).toEqual([WRITER, CUSTOMER]);
      expect(p.ownWriter, body).toBeUndefined();
    }
    // An attestation of supply (配套证明) is written of the other company, whoever the writer is.
    expect(partiesOf(letter(['配套证明', `兹证明我公司为${CUSTOMER}提供配套件。`, '特此证明。']), docs).ownWriter).toBeUndefined();
    // The company named as the subject that supplies, not the writer (「…有限公司为我公司配套」).
    expect(partiesOf(letter(['情况说明', `${CUSTOMER}长期为我公司配套供应原材料。我公司现有员工320人。`]), docs).ownWriter).toBeUndefined();
    // Written to its reader (贵司).
    expect(partiesOf(letter(['情况说明', `感谢贵司信任，我公司为${CUSTOMER}提供配套件。`]), docs).ownWriter).toBeUndefined();
  });
});

describe('uploaded, the attestation asks for the enterprise\'s name and is read again once it is given', () => {
  let b: Built;
  beforeAll(async () => {
    b = await build();
  }, 180_000);
  afterAll(async () => b.close());

  const proof = () =>
    docx(['供货证明', '我公司自2018年起长期为客户提供数控刀具，产品质量稳定。我公司成立于2005年，现有员工320人。', '特此证明。', WRITER, '2023年5月1日'].map(para));

  it('offers nothing and names the writer until the enterprise is named as it', async () => {
    const s = await newSession(b.app);
    const first = await uploaded(b.app, s, '供货证明.docx', await proof());
    expect(first.suggestions).toEqual([]);
    expect(first.notice).toContain(`“${WRITER}”出具的证明`);
    expect(first.notice).toContain('重新读取');
    await b.app.store.setAnswers(s.id, { 'form.name': WRITER });
    const [doc] = await listedDocuments(b.app, s);
    expect(Object.fromEntries(doc.suggestions.map((x: { field: string; value: unknown }) => [x.field, x.value]))).toMatchObject({ employees: 320 });
  }, 300_000);

  it('offers nothing once the enterprise is named as another company', async () => {
    const s = await newSession(b.app);
    await uploaded(b.app, s, '供货证明.docx', await proof());
    await b.app.store.setAnswers(s.id, { 'form.name': OTHER });
    const [doc] = await listedDocuments(b.app, s);
    expect(doc.suggestions).toEqual([]);
  }, 300_000);
});
