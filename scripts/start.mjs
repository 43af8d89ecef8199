// `npm start`: (re)build what changed (scripts/build.mjs), then run the compiled server.
// Signals are passed on, so the server's graceful shutdown runs under systemd or Ctrl-C.
import { spawn } from 'node:child_process';
import { build } from './build.mjs';

build();
// Without --enable-source-maps: the server then starts from V8's code cache (scripts/server-loader.mjs).
const child = spawn(process.execPath, ['dist/server/main.js'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
