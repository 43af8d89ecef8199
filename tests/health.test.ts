import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from './helper';

describe('the app shell', () => {
  let b: Built;
  beforeAll(async () => { b = await build(); });
  afterAll(async () => { await b.close(); });

  it('answers the health check', async () => {
    const res = await b.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it('sends a Content-Security-Policy header', async () => {
    const res = await b.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await b.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
