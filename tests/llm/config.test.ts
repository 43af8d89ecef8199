import { describe, expect, it } from 'vitest';
import { llmConnection, loadConfig } from '../../server/config';

const KEY = 'sk-test-SECRET-0123456789';

describe('LLM settings in the configuration', () => {
  it('leaves the model off when no LLM variable is set, so the app runs offline', () => {
    expect(llmConnection(loadConfig({}))).toBeNull();
  });

  it('treats empty LLM variables as unset rather than as a broken configuration', () => {
    expect(llmConnection(loadConfig({ LLM_API_KEY: '', LLM_MODEL: ' ', LLM_PROVIDER: '', LLM_BASE_URL: '' }))).toBeNull();
  });

  it('rejects a model name without a base URL or provider, naming what is missing', () => {
    expect(() => loadConfig({ LLM_MODEL: 'deepseek-chat' })).toThrow(/LLM_BASE_URL: .*LLM_PROVIDER/);
  });

  it('rejects a key or base URL without a model name', () => {
    expect(() => loadConfig({ LLM_API_KEY: KEY, LLM_PROVIDER: 'deepseek' })).toThrow(/LLM_MODEL/);
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:9/v1' })).toThrow(/LLM_MODEL/);
  });

  it('rejects an unknown provider preset and lists the known ones', () => {
    expect(() => loadConfig({ LLM_PROVIDER: 'skynet', LLM_MODEL: 'x' })).toThrow(/LLM_PROVIDER: .*deepseek.*moonshot/);
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => loadConfig({ LLM_BASE_URL: 'ftp://example.com/v1', LLM_MODEL: 'x' })).toThrow(/LLM_BASE_URL/);
    expect(() => loadConfig({ LLM_BASE_URL: 'not a url', LLM_MODEL: 'x' })).toThrow(/LLM_BASE_URL/);
  });

  it('requires an API key for a hosted provider preset but not for a local one', () => {
    expect(() => loadConfig({ LLM_PROVIDER: 'moonshot', LLM_MODEL: 'moonshot-v1-8k' })).toThrow(/LLM_API_KEY/);
    expect(llmConnection(loadConfig({ LLM_PROVIDER: 'ollama', LLM_MODEL: 'qwen2.5:7b' }))?.baseURL).toBe('http://localhost:11434/v1');
  });

  it('rejects out-of-range timeout, retry and concurrency settings', () => {
    expect(() => loadConfig({ LLM_TIMEOUT_MS: '5' })).toThrow(/LLM_TIMEOUT_MS/);
    expect(() => loadConfig({ LLM_MAX_RETRIES: '-1' })).toThrow(/LLM_MAX_RETRIES/);
    expect(() => loadConfig({ LLM_SESSION_CONCURRENCY: '0' })).toThrow(/LLM_SESSION_CONCURRENCY/);
  });

  it('fills in the usual base URL for each provider preset', () => {
    const cases: [string, string][] = [
      ['deepseek', 'https://api.deepseek.com/v1'],
      ['qwen', 'https://dashscope.aliyuncs.com/compatible-mode/v1'],
      ['dashscope', 'https://dashscope.aliyuncs.com/compatible-mode/v1'],
      ['glm', 'https://open.bigmodel.cn/api/paas/v4'],
      ['zhipu', 'https://open.bigmodel.cn/api/paas/v4'],
      ['moonshot', 'https://api.moonshot.cn/v1'],
      ['ollama', 'http://localhost:11434/v1'],
      ['vllm', 'http://localhost:8000/v1'],
    ];
    for (const [provider, url] of cases) {
      const c = llmConnection(loadConfig({ LLM_PROVIDER: provider, LLM_MODEL: 'm', LLM_API_KEY: KEY }));
      expect(c?.baseURL, provider).toBe(url);
    }
  });

  it('lets an explicit base URL override the preset', () => {
    const c = llmConnection(loadConfig({ LLM_PROVIDER: 'DeepSeek', LLM_BASE_URL: 'https://proxy.example.cn/v1/', LLM_MODEL: 'deepseek-chat', LLM_API_KEY: KEY }));
    expect(c).toMatchObject({ baseURL: 'https://proxy.example.cn/v1', provider: 'deepseek', model: 'deepseek-chat' });
  });

  it('never echoes the API key in a configuration error', () => {
    let message = '';
    try {
      loadConfig({ LLM_API_KEY: KEY, LLM_PROVIDER: 'deepseek', LLM_TIMEOUT_MS: 'soon' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/LLM_TIMEOUT_MS/);
    expect(message).not.toContain(KEY);
    expect(() => loadConfig({ LLM_API_KEY: KEY, LLM_PROVIDER: 'deepseek' })).toThrow(/LLM_MODEL/);
    expect(() => loadConfig({ LLM_API_KEY: KEY, LLM_PROVIDER: 'deepseek' })).not.toThrow(new RegExp(KEY));
  });
});
