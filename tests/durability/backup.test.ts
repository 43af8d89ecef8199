import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteStore } from '../../server/store/pglite';
import { backupDataDir, restoreDataDir } from '../../server/store/backup';
import { DataDirLockedError } from '../../server/store/lock';
import { DataDirError } from '../../server/store/open';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'zhizao-backup-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('backup and restore of the embedded data directory', () => {
  it('refuses while a server holds the directory, copies when stopped, and restores without overwriting', async () => {
    const dataDir = tempDir();
    const store = await PgliteStore.open({ dataDir });
    const { sessionId, token } = await store.create();
    await store.appendTranscript(sessionId, { id: 'm1', role: 'user', text: '备份前的回答', citations: [] });
    mkdirSync(join(dataDir, 'uploads', sessionId), { recursive: true });
    writeFileSync(join(dataDir, 'uploads', sessionId, 'a.pdf'), 'pdf');

    const dest = tempDir();
    expect(() => backupDataDir(dataDir, dest)).toThrow(DataDirLockedError);
    await store.close();
    const backup = backupDataDir(dataDir, dest);

    // Restoring over the existing database is refused; into an empty DATA_DIR it works.
    expect(() => restoreDataDir(backup, dataDir)).toThrow(DataDirError);
    const target = join(tempDir(), 'restored');
    restoreDataDir(backup, target);
    expect(readFileSync(join(target, 'uploads', sessionId, 'a.pdf'), 'utf8')).toBe('pdf');
    const restored = await PgliteStore.open({ dataDir: target });
    try {
      expect(await restored.authenticate(sessionId, token)).toBe(true);
      expect((await restored.transcriptAfter(sessionId, 0)).map((e) => e.text)).toEqual(['备份前的回答']);
    } finally {
      await restored.close();
    }
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
  }, 180_000);
});
