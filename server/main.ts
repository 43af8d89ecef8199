import { loadConfig } from './config';
import { setFreshDatabaseSeeder } from './store/open';
import { PgliteStore } from './store/pglite';
import { templateSeeder } from './pglite-template';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const seed = config.DATABASE_URL ? undefined : templateSeeder(config.PGLITE_TEMPLATE);
  if (seed) setFreshDatabaseSeeder(seed);
  // The embedded database starts opening in its own thread before the rest of the server is even
  // loaded (the imports below), so the two overlap.
  const store = config.DATABASE_URL ? undefined : PgliteStore.start({ dataDir: config.DATA_DIR });
  const [{ default: Fastify }, { default: app }, { loggerOptions, frameworkErrors }] = await Promise.all([import('fastify'), import('./app'), import('./errors')]);
  const server = Fastify({
    logger: loggerOptions(config.LOG_LEVEL),
    frameworkErrors,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // The embedded database initialises its files on first start; on a slow disk that outlasts the 10 s default.
    pluginTimeout: 120_000,
  });
  try {
    await server.register(app, { config, store });
    await server.listen({ port: config.PORT, host: config.HOST });
  } catch (err) {
    // A broken knowledge file lands here: its message names the file and the field.
    server.log.fatal({ err }, 'startup failed');
    console.error(`启动失败 (startup failed): ${(err as Error).message}`);
    process.exit(1);
  }
  /**
   * Graceful shutdown: stop accepting (new requests get 503), close sockets with 1012 so clients
   * reconnect, let turns in flight commit, flush the store's pending writes, release the data
   * directory lock, exit. A second signal, or a shutdown that hangs, exits at once.
   */
  let stopping = false;
  const close = async (signal: string) => {
    if (stopping) {
      server.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    server.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      server.log.error('shutdown did not finish in 30 s; exiting');
      process.exit(1);
    }, 30_000).unref();
    try {
      await server.close();
      server.log.info('shutdown complete');
      process.exit(0);
    } catch (err) {
      server.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
}

void main();
