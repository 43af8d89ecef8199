import { describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config';

describe('configuration', () => {
  it('defaults to port 3000 and ./data with no environment at all', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('./data');
  });

  it('rejects a non-numeric port, naming the setting', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('rejects an unknown log level, naming the setting', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
