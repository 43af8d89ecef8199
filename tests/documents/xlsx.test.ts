import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { build, type Built } from '../helper';
import { docs, newSession, postDocument, type Session } from './layouts';
import { auditDocx } from './files';

/*
 * An Excel workbook (.xlsx) is read as a DOCX's tables are: each sheet a page, each cell on a line of its own, so that
 * the same rules read a 建设前/建设后 table, a table of years, or a particulars table. A workbook saved with a password,
 * a broken one, an old .xls under the new name and one over the size limit are refused, each with a Chinese message
 * that says what to do, and nothing already uploaded is touched.
 */

const NAME = '漯河银鸽纸品有限公司';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('企业基本情况');
  a.addRows([
    ['企业名称', NAME],
    ['成立日期', new Date(Date.UTC(2009, 7, 26))],
    ['注册资本', '3000万元'],
  ]);
  const b = wb.addWorksheet('Sheet2');
  b.addRows([
    ['单位：万元'],
    ['指标', '2021年', '2022年'],
    ['营业收入', 15230.5, { formula: 'B3*1.1', result: 16753.55 }],
  ]);
  const c = wb.addWorksheet('成型车间设备');
  c.addRows([['成型车间设备情况'], ['指标', '建设前', '建设后'], ['设备总数（台套）', 30, 52], ['联网设备（台套）', 8, 47]]);
  c.mergeCells('A1:C1');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * An Office file saved with a password, as Word and Excel write it: not a ZIP but an OLE compound file (its signature,
 * a FAT sector, a directory sector) whose directory names the EncryptionInfo and EncryptedPackage streams.
 */
function passwordProtected(): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // the directory starts at sector 1
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76); // the FAT is sector 0
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const dir = Buffer.alloc(sector);
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
    const at = i * 128;
    dir.write(name, at, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, at + 64);
    dir.writeUInt8(i === 0 ? 5 : 2, at + 66);
  });
  return Buffer.concat([header, fat, dir]);
}

let b: Built;
let s: Session;
beforeAll(async () => {
  b = await build();
  s = await newSession(b.app);
}, 180_000);
afterAll(async () => b.close());

describe('an XLSX upload', () => {
  it('is read sheet by sheet as tables: particulars, a table of years and a 建设前/建设后 table', async () => {
    const r = await postDocument(b.app, s, '企业数据.xlsx', await workbook());
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json() as { kind: string; pages: number; suggestions: { field: string; value: unknown; source: { page: number } }[] };
    expect(body.kind).toBe('xlsx');
    expect(body.pages, 'one page per sheet').toBe(3);
    const by = Object.fromEntries(body.suggestions.map((x) => [x.field, x]));
    expect(Object.fromEntries(body.suggestions.map((x) => [x.field, x.value]))).toEqual({
      name: NAME,
      // A date cell is read as the day it holds, as a licence prints it.
      foundedOn: '2009-08-26',
      registeredCapital: 3000,
      'finance.2021.revenue': 15230.5,
      // A formula's cell is its result.
      'finance.2022.revenue': 16753.55,
      // The 建设后 column is the workshop as it is; 建设前 is not offered.
      'ws.1.equipmentTotal': 52,
      'ws.1.networkedEquipment': 47,
    });
    expect(by.name!.source.page, 'the sheet it is on').toBe(1);
    expect(by['finance.2022.revenue']!.source.page).toBe(2);
    expect(by['ws.1.equipmentTotal']!.source.page).toBe(3);
  }, 120_000);

  it('a sheet with a supplier\'s quotation under its letterhead gives only the customer\'s name, the enterprise\'s', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRows([['洛阳中信智能装备有限公司'], ['报价单'], ['客户名称', NAME], ['设备名称', '数量', '金额（万元）'], ['码垛机器人', 4, 240], ['我公司成立于2006年，现有员工800人。']]);
    const r = await postDocument(b.app, await newSession(b.app), '报价单.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().suggestions.map((x: { field: string; value: unknown }) => [x.field, x.value])).toEqual([['name', NAME]]);
  }, 120_000);

  it('saved with a password is refused with what to do, as a DOCX saved with one is', async () => {
    for (const name of ['财务数据.xlsx', '营业执照.docx']) {
      const r = await postDocument(b.app, s, name, passwordProtected());
      expect(r.statusCode, name).toBe(422);
      expect(r.json().error.code).toBe('ENCRYPTED');
      expect(r.json().error.message).toBe(docs.messages.encryptedOffice);
      expect(r.json().error.message).toContain('取消密码');
    }
  });

  it('broken inside, is refused as damaged; the uploads before it are kept', async () => {
    const good = await workbook();
    const broken = Buffer.from(good);
    // The entries' data overwritten, their names (at the end, in the ZIP's directory) left: an XLSX that cannot be read.
    broken.fill(0, 200, Math.floor(good.length / 2));
    const before = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.id}/documents`, headers: s.auth })).json().documents.length;
    const r = await postDocument(b.app, s, '损坏.xlsx', broken);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toContain('损坏');
    expect((await b.app.inject({ method: 'GET', url: `/api/sessions/${s.id}/documents`, headers: s.auth })).json().documents.length).toBe(before);
  }, 120_000);

  it('whose content is not a workbook is refused by what it is: a DOCX, an old .xls', async () => {
    const docx = await postDocument(b.app, s, '数据.xlsx', await auditDocx());
    expect(docx.statusCode).toBe(415);
    expect(docx.json().error.message).toMatch(/\.xlsx.*DOCX.*不一致/);
    const xls = passwordProtected();
    // The same container with no encrypted package is an old binary Office file.
    xls.fill(0, 1024 + 128, 1024 + 512);
    const old = await postDocument(b.app, s, '数据.xlsx', xls);
    expect(old.statusCode).toBe(415);
    expect(old.json().error.message).toContain('旧版 Office');
    const wb = await postDocument(b.app, s, '报告.docx', await workbook());
    expect(wb.statusCode).toBe(415);
    expect(wb.json().error.message).toMatch(/\.docx.*XLSX.*不一致/);
  });

  it('over the size limit is refused as a PDF or DOCX is', async () => {
    const big = Buffer.concat([await workbook(), Buffer.alloc((docs.maxMB + 1) * 1024 * 1024, 0x20)]);
    const r = await postDocument(b.app, s, '大表.xlsx', big);
    expect(r.statusCode).toBe(413);
    expect(r.json().error.message).toContain(`${docs.maxMB} MB`);
  });

  it('a file of another kind is still refused, and the message names the three kinds taken', async () => {
    const r = await postDocument(b.app, s, '数据.csv', Buffer.from('营业收入,100'));
    expect(r.statusCode).toBe(415);
    expect(r.json().error.message).toBe(docs.messages.unsupported);
    expect(r.json().error.message).toContain('XLSX');
  });
});
