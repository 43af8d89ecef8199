import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { Assessment } from '../../server/schemas/profile';
import { PROFILE_FIXTURES } from '../fixtures/profiles';

let t: Built;
beforeAll(async () => {
  t = await build();
});
afterAll(async () => {
  await t.close();
});

const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/assess', payload: payload as object });
const p10 = PROFILE_FIXTURES.find((f) => f.id === 'P10')!;

describe('POST /api/assess', () => {
  it('returns a contract-valid assessment for a valid profile', async () => {
    const res = await post(p10.profile);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Assessment.safeParse(body).success).toBe(true);
    expect(body.verdict).toBe('qualified');
    expect(body.category.recommended).toBe('discreteFactory');
    expect(body.knowledgeVersion).toBe('henan-2023');
  });

  it('gives the same assessment for every sample enterprise as the engine tests expect', async () => {
    for (const fx of PROFILE_FIXTURES) {
      const body = (await post(fx.profile)).json();
      expect(body.verdict, fx.id).toBe(fx.expected.verdict);
      expect(body.eligible, fx.id).toBe(fx.expected.eligible);
    }
  });

  it('answers 400 naming the bad field when the industry code is malformed', async () => {
    const res = await post({ ...p10.profile, enterprise: { ...p10.profile.enterprise, industryCode: 'automotive' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('body.enterprise.industryCode');
  });

  it('answers 400 naming every missing required field', async () => {
    const res = await post({ enterprise: { name: 'x' } });
    expect(res.statusCode).toBe(400);
    const msg = res.json().error.message as string;
    for (const f of ['body.enterprise.province', 'body.enterprise.credit', 'body.enterprise.operatingWell']) expect(msg).toContain(f);
  });

  it('answers 400 for an unknown capability value or a percentage above 100', async () => {
    const bad1 = await post({ ...p10.profile, capabilities: { mes: 'maybe' } });
    expect(bad1.statusCode).toBe(400);
    expect(bad1.json().error.message).toContain('body.capabilities.mes');
    const bad2 = await post({ ...p10.profile, metrics: { networkedRatio: 140 } });
    expect(bad2.statusCode).toBe(400);
    expect(bad2.json().error.message).toContain('body.metrics.networkedRatio');
  });

  it('answers 400 for a body that is not an object and for malformed JSON', async () => {
    expect((await post([1, 2])).statusCode).toBe(400);
    const res = await t.app.inject({ method: 'POST', url: '/api/assess', headers: { 'content-type': 'application/json' }, payload: '{"enterprise":' });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('at ');
  });

  it('answers 400 naming knowledgeVersion when an unknown version is requested', async () => {
    const res = await post({ ...p10.profile, knowledgeVersion: 'henan-1999' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('body.knowledgeVersion');
  });
});
