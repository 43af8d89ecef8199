// npm run backup -- <destination folder>   (server stopped; copies DATA_DIR/pglite, uploads and staff)
// npm run restore -- <backup folder>       (server stopped; DATA_DIR must hold no database, uploads or staff files)
import { loadConfig } from '../server/config';
import { backupDataDir, restoreDataDir } from '../server/store/backup';

const [mode, arg] = process.argv.slice(2);
try {
  const { DATA_DIR } = loadConfig();
  if (mode === 'backup' && arg) console.log(`备份完成：${backupDataDir(DATA_DIR, arg)}`);
  else if (mode === 'restore' && arg) {
    restoreDataDir(arg, DATA_DIR);
    console.log(`恢复完成，已恢复到：${DATA_DIR}`);
  } else {
    console.error('用法：npm run backup -- <目标目录>  |  npm run restore -- <备份目录>');
    process.exit(2);
  }
} catch (err) {
  console.error(`失败：${(err as Error).message}`);
  process.exit(1);
}
