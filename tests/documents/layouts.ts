import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { Document, Footer, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { creditCodeCheckChar } from '../../server/forms/creditCode';
import { findExecutable } from '../../server/documents/exec';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { companiesIn, extractByRules, otherCompanyIn, partiesOf, placeWorkshops, plannedColumns, verifySuggestion } from '../../server/documents/extract';
import { documentFields } from '../../server/documents/fields';
import { parseDocument } from '../../server/documents/parse';
import { docxToPdfFile, multipart } from './files';
import { build, type Built } from '../helper';

/**
 * What the blind-layout rounds build their documents with and score them by: one paragraph, one table, a DOCX of
 * one or more sections, a valid credit code, 元 as statements print them, and the upload routes of one session.
 */
export const haveSoffice = !!findExecutable(['soffice', 'libreoffice']);
const knowledge = loadKnowledgeData('knowledge', 'henan-2023');
export const docs = knowledge.formDrafting.documents;

export const para = (text: string) => new Paragraph({ children: [new TextRun({ text })] });
/** A table of plain cells, each `width` twips wide (the rounds differ only in that). */
export const table = (rows: string[][], width = 1500) =>
  new Table({ rows: rows.map((r) => new TableRow({ children: r.map((t) => new TableCell({ width: { size: width, type: WidthType.DXA }, children: [para(t)] })) })) });
export const docx = async (children: (Paragraph | Table)[]) => Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children }] })));

/** A section with, where `head` is given, a running head; `pageNumbers` adds a footer 「第 n 页 共 m 页」 under it. */
export type Section = { children: (Paragraph | Table)[]; head?: string };
export const docxSections = async (sections: Section[], pageNumbers = false) =>
  Buffer.from(
    await Packer.toBuffer(
      new Document({
        sections: sections.map((s) => ({
          children: s.children,
          ...(s.head
            ? {
                headers: { default: new Header({ children: [para(s.head)] }) },
                ...(pageNumbers
                  ? { footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] })] })] }) } }
                  : {}),
              }
            : {}),
        })),
      }),
    ),
  );

/** What the offline rules read from pages of text and the pages bear out, by field; a round figure is marked ≈. */
export const readPages = (...pages: string[]) =>
  Object.fromEntries(
    extractByRules(pages, 'x', docs, { years: ['2020', '2021', '2022'] })
      .filter((s) => verifySuggestion(pages, s))
      .map((s) => [s.field, s.approximate ? `≈${s.value}` : s.value]),
  );

export const valid = (first17: string) => first17 + creditCodeCheckChar(first17)!;
/** 元 as statements print them: thousands separators and two decimals. */
export const yuan = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export type Score = { correct: number; wrong: number; missed: number; wrongFields: string[]; missedFields: string[] };
export const triple = (s: Score) => [s.correct, s.wrong, s.missed];
/** Compares suggestions with what the document should yield: a value not expected, or expected otherwise, is wrong. */
export function scoreValues(got: Record<string, unknown>, expected: Record<string, unknown>): Score {
  const wrongFields = Object.keys(got).filter((f) => !(f in expected) || got[f] !== expected[f]);
  const missedFields = Object.keys(expected).filter((f) => !(f in got));
  return { correct: Object.keys(got).length - wrongFields.length, wrong: wrongFields.length, missed: missedFields.length, wrongFields, missedFields };
}

export type Shown = { field: string; value: string | number; approximate?: boolean; label?: string; note?: string };
export type Got = Record<string, { value: string | number; approximate: boolean }>;
export type RoundExpected = Record<string, string | number | { approx: number }>;
export const asGot = (suggestions: Shown[]): Got => Object.fromEntries(suggestions.map((x) => [x.field, { value: x.value, approximate: x.approximate === true }]));
/**
 * Compares suggestions with what the document should yield. A value not expected, or expected otherwise, is
 * wrong; a round figure is right only when offered as round, and an exact one only when offered as exact.
 * `shown` writes a wrong field as it is listed.
 */
export function scoreRound(got: Got, expected: RoundExpected, shown: (f: string) => string = (f) => f): Score {
  const ok = (f: string) => {
    const e = expected[f];
    const g = got[f]!;
    if (e === undefined) return false;
    if (typeof e === 'object') return g.approximate && g.value === e.approx;
    return !g.approximate && g.value === e;
  };
  const wrongFields = Object.keys(got).filter((f) => !ok(f)).map(shown);
  const missedFields = Object.keys(expected).filter((f) => !(f in got));
  return { correct: Object.keys(got).length - wrongFields.length, wrong: wrongFields.length, missed: missedFields.length, wrongFields, missedFields };
}

/** One applicant's session and the document routes it uses, through the app as a browser calls them. */
export type Session = { id: string; auth: Record<string, string> };
export async function newSession(app: FastifyInstance): Promise<Session> {
  const s = (await app.inject({ method: 'POST', url: '/api/sessions' })).json();
  return { id: s.sessionId as string, auth: { authorization: `Bearer ${s.token}` } };
}
export const postDocument = (app: FastifyInstance, s: Session, name: string, data: Buffer) => {
  const m = multipart(name, data);
  return app.inject({ method: 'POST', url: `/api/sessions/${s.id}/documents`, payload: m.payload, headers: { ...m.headers, ...s.auth } });
};
/** Uploads a document, expects it taken, and returns what the route answered. */
export async function uploaded(app: FastifyInstance, s: Session, name: string, data: Buffer) {
  const r = await postDocument(app, s, name, data);
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { documentId: string; suggestions: Shown[]; notice?: string };
}
export const acceptSuggestion = (app: FastifyInstance, s: Session, documentId: string, field: string, value: string | number) =>
  app.inject({ method: 'POST', url: `/api/sessions/${s.id}/documents/${documentId}/accept`, headers: s.auth, payload: { field, value } });
export const listedDocuments = async (app: FastifyInstance, s: Session) => (await app.inject({ method: 'GET', url: `/api/sessions/${s.id}/documents`, headers: s.auth })).json().documents;
export const sessionAnswers = async (app: FastifyInstance, s: Session) => (await app.inject({ method: 'GET', url: `/api/sessions/${s.id}`, headers: s.auth })).json().answers as Record<string, unknown>;

/** A round's documents: the file's name, how it is built, and what it should yield. */
export type Files = [string, () => Promise<Buffer>, RoundExpected][];
const shownAs = (got: Got) => (f: string) => `${f}=${got[f]!.approximate ? '≈' : ''}${got[f]!.value}`;
/**
 * Uploads each document in turn into one session whose form already holds `answers`, and scores it: [correct,
 * wrong, missed] per file, what went wrong, the suggestions as shown and the notice given. `pdf` uploads each as
 * the PDF LibreOffice makes of it, under the same name with .pdf.
 */
export async function scoreUploads(app: FastifyInstance, files: Files, answers: Record<string, string | number>, pdf = false) {
  const s = await newSession(app);
  if (Object.keys(answers).length) await app.store.setAnswers(s.id, answers);
  const scores: Record<string, number[]> = {};
  const detail: Record<string, unknown> = {};
  const shown: Record<string, Shown[]> = {};
  const notices: Record<string, string | undefined> = {};
  for (const [file, make, expected] of files) {
    const data = pdf ? await docxToPdfFile(await make()) : await make();
    const r = await uploaded(app, s, pdf ? file.replace(/\.docx$/, '.pdf') : file, data);
    shown[file] = r.suggestions;
    notices[file] = r.notice;
    const got = asGot(r.suggestions);
    const sc = scoreRound(got, expected, shownAs(got));
    scores[file] = [sc.correct, sc.wrong, sc.missed];
    if (sc.wrong || sc.missed) detail[file] = { wrong: sc.wrongFields, missed: sc.missedFields };
  }
  return { scores, detail: JSON.stringify(detail), shown, notices };
}

/**
 * A table cell that may span columns, as a year merged over its 金额 and 同比 columns, or rows: `down` starts a cell
 * merged with the ones below it ('restart') or continues the one above ('continue'), as a 设备名称 heading spans two heading rows.
 */
export type SpanCell = string | { text: string; span?: number; down?: 'restart' | 'continue' };

/** A DOCX table whose heading cells may span columns; `width` is one column's width in twentieths of a point. */
export const mergedTable = (rows: SpanCell[][], width: number) =>
  new Table({
    rows: rows.map(
      (r) =>
        new TableRow({
          children: r.map((c) => {
            const { text, span = 1, down } = typeof c === 'string' ? { text: c } : c;
            return new TableCell({ width: { size: width * span, type: WidthType.DXA }, columnSpan: span, ...(down ? { verticalMerge: down } : {}), children: [para(text)] });
          }),
        }),
    ),
  });

/**
 * One app for a test file's uploads, built before its first test and closed after its last; the function returned
 * uploads a round's files on a new session with its answers and scores them (as PDFs when `pdf`).
 */
export function scoringApp(): (files: Files, answers: Record<string, string | number>, pdf?: boolean) => ReturnType<typeof scoreUploads> {
  let b: Built;
  beforeAll(async () => {
    b = await build();
  }, 180_000);
  afterAll(async () => b.close());
  return (files, answers, pdf = false) => scoreUploads(b.app, files, answers, pdf);
}

/** The years the forms' finance table asks for, and the fields a document may fill. */
export const YEARS = ['2020', '2021', '2022'];
const FIELDS = documentFields(knowledge);

/**
 * What an upload of the document offers, read as the upload route reads it: the text as the route parses a DOCX,
 * nothing from a document of another company, between companies, issued or written by another, a letter that names no writer, or a contract whose
 * side is not known, the rules' reading with the enterprise as recorded, only the fields the forms ask, each borne
 * out by the text, and each workshop's figure placed on the form's workshop it names. The route's page layout
 * (LibreOffice) changes no value and is left out, so that a round's documents are read in seconds.
 */
export async function offered(data: Buffer, file: string, answers: Record<string, string | number>) {
  const pages = await parseDocument(data, 'docx', docs);
  const own = { name: answers['form.name'] as string | undefined, creditCode: answers['form.creditCode'] as string | undefined };
  const parties = partiesOf(pages, docs, own);
  const planned = plannedColumns(pages, docs, YEARS);
  if (otherCompanyIn(companiesIn(pages, docs), own) || parties.between.length || parties.issuedBy || parties.unsure || parties.letter || parties.noWriter) return { got: {} as Got, parties, planned };
  const found = extractByRules(pages, file, docs, { years: YEARS, own }).filter((s) => (s.field.startsWith('ent.') || FIELDS.includes(s.field)) && verifySuggestion(pages, s));
  const names = Object.fromEntries(Object.entries(answers).flatMap(([k, v]) => (/^form\.ws\.\d+\.name$/.test(k) ? [[Number(k.split('.')[2]), String(v)]] : [])));
  const { placed } = placeWorkshops(found, { count: answers['form.workshopCount'] as number | undefined, names });
  return { got: asGot(placed.map((x) => ({ field: x.field, value: x.value, approximate: x.approximate }))), parties, planned };
}

/** A round: each enterprise's name, its documents and what its session has recorded. */
export type Round = [string, Files, Record<string, string | number>][];
/** Reads every document of a round as its upload would and adds up [correct, wrong, missed], with what went wrong by file. */
export async function scoreOffered(round: Round) {
  const scores: Record<string, number[]> = {};
  const detail: Record<string, unknown> = {};
  for (const [who, files, answers] of round)
    for (const [file, make, expected] of files) {
      const { got } = await offered(await make(), file, answers);
      const sc = scoreRound(got, expected);
      scores[`${who}/${file}`] = [sc.correct, sc.wrong, sc.missed];
      if (sc.wrong || sc.missed) detail[`${who}/${file}`] = { wrong: sc.wrongFields, missed: sc.missedFields };
    }
  return { total: Object.values(scores).reduce((t, x) => t.map((n, i) => n + x[i]!), [0, 0, 0]), scores, detail: JSON.stringify(detail) };
}
