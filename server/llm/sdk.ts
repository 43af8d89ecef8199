import { createRequire } from 'node:module';
import type * as OpenAiSdk from 'openai';

let sdk: typeof OpenAiSdk | undefined;

/**
 * The OpenAI SDK, loaded when a model is first set up. Without a model (the offline default) it
 * is never loaded: it is one of the larger packages, and the server's cold start pays for every
 * package it loads. provider.ts and errors.ts share this one instance, so the SDK's error
 * classes are the ones its client throws.
 */
export function openAiSdk(): typeof OpenAiSdk {
  return (sdk ??= createRequire(import.meta.url)('openai') as typeof OpenAiSdk);
}

/** The SDK if something already loaded it: an error cannot come from an SDK that was never loaded. */
export function loadedOpenAiSdk(): typeof OpenAiSdk | undefined {
  return sdk;
}
