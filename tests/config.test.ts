import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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

describe('the knowledge version served by default', () => {
  it('is named by knowledge/default-version.txt, not by the code, and a missing file is a clear error', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    expect(loadConfig({}).KNOWLEDGE_VERSION).toBe(readFileSync('knowledge/default-version.txt', 'utf8').trim());
    expect(loadConfig({ KNOWLEDGE_VERSION: 'henan-2099' }).KNOWLEDGE_VERSION).toBe('henan-2099');
    const dir = mkdtempSync(join(tmpdir(), 'zz-kdir-'));
    expect(() => loadConfig({ KNOWLEDGE_DIR: dir })).toThrow(/default-version\.txt/);
    writeFileSync(join(dir, 'default-version.txt'), 'henan-2024\n');
    expect(loadConfig({ KNOWLEDGE_DIR: dir }).KNOWLEDGE_VERSION).toBe('henan-2024');
    writeFileSync(join(dir, 'default-version.txt'), '../etc\n');
    expect(() => loadConfig({ KNOWLEDGE_DIR: dir })).toThrow(/one version name/);
  });
});
