import Fastify from 'fastify';
import app from './app';
import { loadConfig } from './config';
import { loggerOptions } from './errors';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const server = Fastify({
    logger: loggerOptions(config.LOG_LEVEL),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // The embedded database initialises its files on first start; on a slow disk that outlasts the 10 s default.
    pluginTimeout: 120_000,
  });
  try {
    await server.register(app, { config });
    await server.listen({ port: config.PORT, host: config.HOST });
  } catch (err) {
    // A broken knowledge file lands here: its message names the file and the field.
    server.log.fatal({ err }, 'startup failed');
    console.error(`启动失败 (startup failed): ${(err as Error).message}`);
    process.exit(1);
  }
  const close = async (signal: string) => {
    server.log.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
}

void main();
