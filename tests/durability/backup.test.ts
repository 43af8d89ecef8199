import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('keeps the staff accounts, audit log and cookie secret, and never overwrites them on restore', async () => {
    const dataDir = tempDir();
    const store = await PgliteStore.open({ dataDir });
    await store.close();
    // The staff workspace's files sit beside the database (the staff CLI writes them while the server runs).
    mkdirSync(join(dataDir, 'staff'));
    writeFileSync(join(dataDir, 'staff', 'accounts.json'), '{"accounts":[]}');
    writeFileSync(join(dataDir, 'staff', 'audit.jsonl'), '{"action":"login"}\n');
    writeFileSync(join(dataDir, 'staff', 'session-secret'), 'x'.repeat(64));

    const dest = tempDir();
    const backup = backupDataDir(dataDir, dest);
    expect(readdirSync(dest), 'no half-written folder is left beside the backup').toEqual([backup.split('/').pop()]);
    expect(readFileSync(join(backup, 'staff', 'audit.jsonl'), 'utf8'), 'the audit trail is part of the backup').toContain('login');

    const target = join(tempDir(), 'restored');
    restoreDataDir(backup, target);
    for (const f of ['accounts.json', 'audit.jsonl', 'session-secret']) {
      expect(readFileSync(join(target, 'staff', f), 'utf8'), f).toBe(readFileSync(join(dataDir, 'staff', f), 'utf8'));
    }

    // A DATA_DIR with staff files but no database: restore refuses rather than replace the accounts.
    const other = tempDir();
    mkdirSync(join(other, 'staff'));
    writeFileSync(join(other, 'staff', 'accounts.json'), '{"accounts":[{"kept":true}]}');
    expect(() => restoreDataDir(backup, other)).toThrow(/staff/);
    expect(readFileSync(join(other, 'staff', 'accounts.json'), 'utf8')).toContain('kept');
    expect(existsSync(join(other, 'pglite')), 'a refused restore writes no database').toBe(false);
  }, 180_000);
});
