// `npm start`: build the web page once if it is missing, then run the server.
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';

if (existsSync('web/vite.config.ts') && !existsSync('dist/web/index.html')) {
  console.log('构建前端页面 (building the web page)…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
