import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, newPassword, verifyPassword } from '../../server/staff/password';
import { maskPersonalNumbers } from '../../server/understand/personal';
import { FailureLimiter } from '../../server/staff/limiter';
import { readAccounts } from '../../server/staff/accounts';

describe('staff passwords', () => {
  it('hashes with scrypt and a per-hash salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$65536\$8\$1\$/);
    expect(a).not.toBe(b); // fresh salt each time
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('makes one-time passwords of 16 unambiguous characters', () => {
    const pw = newPassword();
    expect(pw).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{16}$/);
    expect(newPassword()).not.toBe(pw);
  });
});

describe('masking personal numbers in logged questions', () => {
  it('masks mobile, landline and ID numbers but keeps other figures', () => {
    expect(maskPersonalNumbers('我的手机13812345678，身份证410305199001011234，座机0379-63251234，营收2亿元，员工350人'))
      .toBe('我的手机[手机号]，身份证[身份证号]，座机[电话]，营收2亿元，员工350人');
    expect(maskPersonalNumbers('电话 138 1234 5678 或 +86 13912345678')).toBe('电话 [手机号] 或 [手机号]');
    expect(maskPersonalNumbers('身份证号41030519900101123X')).toBe('身份证号[身份证号]');
    // An 18-character unified social credit code is the enterprise's, not a person's: it stays.
    expect(maskPersonalNumbers('统一社会信用代码91410300MA44X0XX1K')).toBe('统一社会信用代码91410300MA44X0XX1K');
  });
});

describe('failure limiter', () => {
  it('locks a key after the maximum failures within the window, and only that key', () => {
    let t = 0;
    const l = new FailureLimiter(3, 1000, 5000, () => t);
    expect(l.fail('a')).toBe(false);
    expect(l.fail('a')).toBe(false);
    expect(l.fail('a')).toBe(true);
    expect(l.lockedFor('a')).toBe(5000);
    expect(l.lockedFor('b')).toBe(0);
    t = 5001;
    expect(l.lockedFor('a')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    let t = 0;
    const l = new FailureLimiter(3, 1000, 5000, () => t);
    l.fail('a');
    l.fail('a');
    t = 1500;
    expect(l.fail('a')).toBe(false);
  });
});

describe('npm run staff', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zz-staff-cli-'));
  const run = (...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/staff.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a bureau account bound to its region and prints the one-time password on the last line', async () => {
    const out = run('add', '洛阳审核员', '--role', 'bureau', '--region', '洛阳市').trim().split('\n');
    const pw = /^password: (\S+)$/.exec(out.at(-1)!)?.[1];
    expect(pw).toBeDefined();
    // Where the account went, since a server started with another DATA_DIR would not know it.
    expect(out.join('\n')).toContain(`账号保存在 ${dataDir}`);
    const [acc] = readAccounts(dataDir);
    expect(acc).toMatchObject({ username: '洛阳审核员', role: 'bureau', region: '洛阳市', mustChangePassword: true });
    // Only the hash is stored.
    expect(readFileSync(join(dataDir, 'staff/accounts.json'), 'utf8')).not.toContain(pw);
    expect(await verifyPassword(pw!, acc!.passwordHash)).toBe(true);
    expect(readFileSync(join(dataDir, 'staff/audit.jsonl'), 'utf8')).toContain('"action":"account.create"');
  });

  it('refuses a bureau account without a known region, and a duplicate name', () => {
    expect(() => run('add', 'nobody', '--role', 'bureau')).toThrow(/--region/);
    expect(() => run('add', 'nowhere', '--role', 'bureau', '--region', '火星市')).toThrow(/未知地区/);
    expect(() => run('add', '洛阳审核员', '--role', 'helpline')).toThrow(/已存在/);
    expect(readAccounts(dataDir)).toHaveLength(1);
  });
});
