import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { UiFile } from '../../server/knowledge/schemas/ui';
import { notFound } from '../../server/errors';

const kb = loadKnowledgeData('knowledge', 'henan-2023');
const notice = readFileSync('knowledge/henan-2023/source/notice.txt', 'utf8');
/** The shipped console wording, which the fixtures below change one part of at a time. */
const shipped = UiFile.parse(JSON.parse(readFileSync('knowledge/henan-2023/ui.json', 'utf8')));
const shippedConsole = shipped.console;
const shippedNotFound = shipped.notFound;
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);

describe('the page\'s wording of the notice (ui.json)', () => {
  it('quotes the notice verbatim wherever it puts words in quotation marks', () => {
    const { $comment: _, ...wording } = UiFile.parse(JSON.parse(readFileSync('knowledge/henan-2023/ui.json', 'utf8')));
    const quotes = strings(wording).flatMap((t) => [...t.matchAll(/“([^”]+)”/g)].map((m) => m[1]!));
    expect(quotes, 'the wording quotes the notice').toEqual(['根据生产需要', '省内行业先进水平', '推荐库']);
    for (const q of quotes) expect(notice.includes(q), `「${q}」 is the notice's text`).toBe(true);
    expect(kb.ui.assessment.basis).toContain('{notice}');
    // The as-needed heading quotes the words the as-needed requirement is read from (elements.json), not a shortening of them.
    const asNeeded = Object.values(kb.elements.categories).flatMap((c) => c.elements).flatMap((e) => e.requirements ?? []).flatMap((r) => r.qualifiers ?? []).filter((q) => q.reading === 'asNeeded');
    for (const q of asNeeded) expect(kb.ui.assessment.asNeededUnused).toContain(`“${q.wording}”`);
  });

  it('refuses a closing note that does not name the notice, and an empty heading', () => {
    const consoleWording = { ...shippedConsole, interviewMisread: { tag: '访谈回答', what: '对「{question}」（{clause}）的回答：「{toldBack}」', whatForm: '对「{question}」的回答：「{toldBack}」', lexicon: '记下', lexiconDone: '已记下' } };
    const good = { assessment: { asNeededUnused: '未采用', basis: '评估依据{notice}。', noticeFallback: '申报通知', hardPending: '待确认', hardPendingNote: '尚未确认。', hardNoneFailing: '未发现。', chosenCategory: '企业选择：{category}', chosenFitsWorse: '{better}更合适' }, console: consoleWording, notFound: shippedNotFound };
    expect(UiFile.safeParse(good).success).toBe(true);
    expect(UiFile.safeParse({ ...good, assessment: { ...good.assessment, basis: '评估依据申报通知。' } }).success).toBe(false);
    expect(UiFile.safeParse({ ...good, assessment: { ...good.assessment, asNeededUnused: '  ' } }).success).toBe(false);
    // The help under failing hard conditions names the contact the server fills in; a version may leave it out.
    expect(UiFile.safeParse({ ...good, assessment: { ...good.assessment, blockedHelp: '请咨询{unit}（电话{phone}）。' } }).success).toBe(true);
    expect(UiFile.safeParse({ ...good, assessment: { ...good.assessment, blockedHelp: '请咨询{unit}。' } }).success).toBe(false);
    expect(UiFile.safeParse({ ...good, assessment: { ...good.assessment, blockedHelp: '请咨询主管部门。' } }).success).toBe(false);
  });

  it('refuses console wording of an interview reply that drops or invents a placeholder', () => {
    const assessment = { asNeededUnused: '未采用', basis: '评估依据{notice}。', noticeFallback: '申报通知', hardPending: '待确认', hardPendingNote: '尚未确认。', hardNoneFailing: '未发现。', chosenCategory: '企业选择：{category}', chosenFitsWorse: '{better}更合适' };
    const misread = { tag: '访谈回答', what: '对「{question}」（{clause}）的回答：「{toldBack}」', whatForm: '对「{question}」的回答：「{toldBack}」', lexicon: '记下', lexiconDone: '已记下' };
    expect(UiFile.safeParse({ assessment, notFound: shippedNotFound, console: { ...shippedConsole, interviewMisread: misread } }).success).toBe(true);
    expect(UiFile.safeParse({ assessment, notFound: shippedNotFound, console: { ...shippedConsole, interviewMisread: { ...misread, what: '对「{question}」的回答' } } }).success).toBe(false);
    expect(UiFile.safeParse({ assessment, notFound: shippedNotFound, console: { ...shippedConsole, interviewMisread: { ...misread, what: '{question}{clause}{toldBack}{reply}' } } }).success).toBe(false);
    // A form question's reply cites no clause: its wording names the question and what was said back, and no clause.
    expect(UiFile.safeParse({ assessment, notFound: shippedNotFound, console: { ...shippedConsole, interviewMisread: { ...misread, whatForm: '对「{question}」的回答' } } }).success).toBe(false);
    expect(UiFile.safeParse({ assessment, notFound: shippedNotFound, console: { ...shippedConsole, interviewMisread: { ...misread, whatForm: '对「{question}」（{clause}）：「{toldBack}」' } } }).success).toBe(false);
    expect(UiFile.safeParse({ assessment }).success, 'the console wording is required').toBe(false);
  });

  it('refuses console refusals and 推荐汇总表 wording that drop a placeholder, miss a column or name an unknown one', () => {
    const assessment = { asNeededUnused: '未采用', basis: '评估依据{notice}。', noticeFallback: '申报通知', hardPending: '待确认', hardPendingNote: '尚未确认。', hardNoneFailing: '未发现。', chosenCategory: '企业选择：{category}', chosenFitsWorse: '{better}更合适' };
    const { errors, summary } = shippedConsole;
    const parse = (c: object) => UiFile.safeParse({ assessment, notFound: shippedNotFound, console: { ...shippedConsole, ...c } }).success;
    expect(parse({}), 'the shipped wording passes').toBe(true);
    // A refusal of an interview reply names the action that fits it; a lockout says how long it lasts.
    expect(parse({ errors: { ...errors, fromInterview: '这是访谈回答，不能保存答复条目' } })).toBe(false);
    expect(parse({ errors: { ...errors, loginLocked: '登录失败次数过多，请稍后再试' } })).toBe(false);
    expect(parse({ errors: { ...errors, viewHandedOver: '已于 {time} 转交' } })).toBe(false);
    const { phone: _, ...withoutPhone } = summary.columns;
    expect(parse({ summary: { ...summary, columns: withoutPhone } }), 'every column has its heading').toBe(false);
    expect(parse({ summary: { ...summary, columns: { ...summary.columns, fax: '传真' } } }), 'no heading of a column the sheet has not').toBe(false);
    expect(parse({ summary: { ...summary, columns: { ...summary.columns, name: ' ' } } })).toBe(false);
    expect(parse({ summary: { ...summary, groups: { ...summary.groups, count: '{heading}' } } })).toBe(false);
    const { summary: __, ...withoutSummary } = shippedConsole;
    expect(UiFile.safeParse({ assessment, notFound: shippedNotFound, console: withoutSummary }).success, 'the 推荐汇总表 wording is required').toBe(false);
  });

  it('refuses question-log CSV headings that miss or invent a column, and not-found wording that drops a placeholder', () => {
    const assessment = { asNeededUnused: '未采用', basis: '评估依据{notice}。', noticeFallback: '申报通知', hardPending: '待确认', hardPendingNote: '尚未确认。', hardNoneFailing: '未发现。', chosenCategory: '企业选择：{category}', chosenFitsWorse: '{better}更合适' };
    const { questionLog } = shippedConsole;
    const parse = (c: object, notFound: object = shippedNotFound) => UiFile.safeParse({ assessment, notFound, console: { ...shippedConsole, ...c } }).success;
    expect(parse({}), 'the shipped wording passes').toBe(true);
    const { refused: _, ...withoutRefused } = questionLog.columns;
    expect(parse({ questionLog: { ...questionLog, columns: withoutRefused } }), 'every column has its heading').toBe(false);
    expect(parse({ questionLog: { ...questionLog, columns: { ...questionLog.columns, ip: '地址' } } }), 'no heading of a column the log has not').toBe(false);
    expect(parse({ questionLog: { ...questionLog, yes: '' } })).toBe(false);
    const { questionLog: __, ...withoutLog } = shippedConsole;
    expect(UiFile.safeParse({ assessment, notFound: shippedNotFound, console: withoutLog }).success, 'the question-log wording is required').toBe(false);
    expect(parse({}, { ...shippedNotFound, message: '找不到' }), 'the message names {what}').toBe(false);
    expect(parse({}, { ...shippedNotFound, what: { ...shippedNotFound.what, clause: '条款' } }), 'a clause is named by its {id}').toBe(false);
    expect(parse({}, { ...shippedNotFound, what: { ...shippedNotFound.what, entryRevision: '答复条目 {id}' } })).toBe(false);
    const { session: ___, ...withoutSession } = shippedNotFound.what;
    expect(parse({}, { ...shippedNotFound, what: withoutSession })).toBe(false);
    expect(UiFile.safeParse({ assessment, console: shippedConsole }).success, 'the not-found wording is required').toBe(false);
  });

  it('the not-found wording reads as the refusals said it before', () => {
    const say = (what: keyof typeof shippedNotFound.what, vars: Record<string, string> = {}) => notFound(shippedNotFound, what, vars).message;
    expect(say('session')).toBe('会话不存在');
    expect(say('enterprise')).toBe('申报企业不存在');
    expect(say('clause', { id: '九(九)' })).toBe('条款「九(九)」不存在');
    expect(say('entryRevision', { id: 'e1', revision: '3' })).toBe('答复条目 e1 的第 3 版不存在');
    expect(notFound(shippedNotFound, 'session').statusCode).toBe(404);
  });
});
