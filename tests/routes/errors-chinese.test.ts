import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage, validationError } from '../../server/errors';
import { build, type Built } from '../helper';
import { as, newSession, staffAs, type StaffLogin } from '../staff/helpers';

/**
 * What an applicant or a staff member reads in an error is Chinese. Field paths (body.region), HTTP methods and
 * paths, quoted values and the names of formats (JSON, UUID) stay as they are; any other run of Latin letters is
 * English that reached the page.
 */
function english(message: string): string[] {
  const rest = message
    .replace(/(?:body|query|params|消息)(?:\.[\w-]+)*/g, '')
    .replace(/\/[\w/.?=&%-]*/g, '')
    .replace(/"[^"]*"|“[^”]*”/g, '')
    .replace(/\b(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|JSON|UUID|ISO|IPv[46]|Content-Type|Content-Length|https?|null|true|false)\b/g, '');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

const Shape = z
  .object({
    name: z.string().min(1).max(5),
    id: z.uuid(),
    count: z.number().int().min(1).max(9),
    kind: z.enum(['bureau', 'helpline']),
    tags: z.array(z.string()).max(2),
    when: z.iso.datetime(),
    flag: z.boolean(),
    nested: z.object({ deep: z.string() }),
  })
  .strict();

describe('a zod failure said in Chinese', () => {
  it.each([
    ['a missing field', {}, 'name', '缺少此项（必填）'],
    ['a field of the wrong type', { name: 3 }, 'name', '应为文字'],
    ['an empty text', { name: '' }, 'name', '不能为空'],
    ['a text too long', { name: '六个字的名字' }, 'name', '不能超过 5 个字符'],
    ['a malformed id', { id: 'abc' }, 'id', '格式不对：应为UUID 编号'],
    ['a number out of range', { count: 12 }, 'count', '不能大于 9'],
    ['a fraction where a whole number belongs', { count: 1.5 }, 'count', '应为整数'],
    ['a value off the list', { kind: 'mayor' }, 'kind', '应为 "bureau"、"helpline" 之一'],
    ['a list too long', { tags: ['a', 'b', 'c'] }, 'tags', '最多 2 项'],
    ['a malformed date', { when: '昨天' }, 'when', 'ISO 日期时间'],
    ['a yes/no of another type', { flag: 'yes' }, 'flag', '应为true 或 false'],
    ['a nested field missing', { nested: {} }, 'nested.deep', '缺少此项（必填）'],
    ['an unknown field', { extra: 1 }, '', '不认识的字段：“extra”'],
  ])('%s', (_what, input, field, said) => {
    const r = Shape.safeParse(input);
    expect(r.success).toBe(false);
    const e = validationError(r.error!, 'body', input);
    const issue = (e.details as { field: string; code: string; message: string }[]).find((i) => i.field === ['body', field].filter(Boolean).join('.'));
    expect(issue, JSON.stringify(e.details)).toBeDefined();
    expect(issue!.message).toContain(said);
    expect(issue!.code, 'the machine code stays beside the message, in English, for clients to branch on').toMatch(/^[a-z_]+$/);
    expect(english(e.message), e.message).toEqual([]);
  });

  it('keeps a message a schema wrote in Chinese itself', () => {
    const r = z.string().regex(/^[a-z]+$/, '版本名只能用小写字母').safeParse('A');
    expect(issueMessage(r.error!.issues[0] as never)).toBe('版本名只能用小写字母');
  });
});

let b: Built;
let bureau: StaffLogin;
beforeAll(async () => {
  b = await build();
  bureau = await staffAs(b, 'errors-luoyang', 'bureau', '洛阳市');
});
afterAll(async () => b?.close());

describe('every error a route answers', () => {
  const cases: [string, () => Promise<{ statusCode: number; json(): { error: { code: string; message: string } } }>, number][] = [
    ['a question of the wrong type', () => b.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 42 } }), 400],
    ['a missing question', () => b.app.inject({ method: 'POST', url: '/api/ask', payload: {} }), 400],
    ['malformed JSON', () => b.app.inject({ method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/json' }, payload: '{"question": "视' }), 400],
    ['an empty JSON body', () => b.app.inject({ method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/json' }, payload: '' }), 400],
    ['a body of an unknown type', () => b.app.inject({ method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/x-unknown' }, payload: 'x' }), 415],
    ['an unknown path', () => b.app.inject({ url: '/api/nothing-here' }), 404],
    ['a method the path does not take', () => b.app.inject({ method: 'DELETE', url: '/api/ask' }), 405],
    ['a malformed percent-escape', () => b.app.inject({ url: '/api/sessions/%E0%A4%A/submit' }), 400],
    ['a login without a password', () => b.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'x' } }), 400],
    ['a bureau record that is not an id', () => b.app.inject({ url: '/api/staff/bureau/applicants/not-an-id', headers: as(bureau) }), 400],
    ['a bureau record of no one', () => b.app.inject({ url: '/api/staff/bureau/applicants/123e4567-e89b-42d3-a456-426614174000', headers: as(bureau) }), 404],
    ['a review whose checklist is not ticks', () => b.app.inject({ method: 'PUT', url: '/api/staff/bureau/applicants/123e4567-e89b-42d3-a456-426614174000/review', headers: as(bureau), payload: { checklist: { a: 'yes' }, recommended: 'no' } }), 400],
    ['a year that is no year', () => b.app.inject({ url: '/api/staff/bureau?year=abc', headers: as(bureau) }), 400],
  ];
  it.each(cases)('%s is answered in Chinese, with its machine code apart', async (_what, send, status) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    const { code, message } = res.json().error;
    expect(code).toMatch(/^[A-Z_]+$/);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(english(message), message).toEqual([]);
  });

  it('a submit with a region of the wrong type', async () => {
    const s = await newSession(b.app);
    const res = await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/submit`, headers: { authorization: `Bearer ${s.token}` }, payload: { region: 7 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('body.region：应为文字');
    expect(res.json().error.details[0]).toMatchObject({ field: 'body.region', code: 'invalid_type', message: '应为文字' });
  });
});
