import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword, newPassword } from './password';
import { AccountsFile, StaffName, StaffRole, type StaffAccount } from './schemas';

/**
 * Staff accounts live in a small JSON file, not in the embedded database: `npm run staff` must
 * work while the server is running, and PGlite is a single-process database. Writes go to a
 * temporary file renamed into place, so a reader never sees half a file.
 */
export function staffDir(dataDir: string): string {
  return join(dataDir, 'staff');
}

function accountsPath(dataDir: string): string {
  return join(staffDir(dataDir), 'accounts.json');
}

export function readAccounts(dataDir: string): StaffAccount[] {
  const file = accountsPath(dataDir);
  if (!existsSync(file)) return [];
  const parsed = AccountsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`staff accounts file ${file} is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data.accounts;
}

function writeAccounts(dataDir: string, accounts: StaffAccount[]): void {
  mkdirSync(staffDir(dataDir), { recursive: true, mode: 0o700 });
  const file = accountsPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ accounts }, null, 1), { mode: 0o600 });
  renameSync(tmp, file);
}

/** Re-reads the file only when it changed, so a login or a request costs one stat. */
export class AccountRegistry {
  private cached: { mtimeMs: number; size: number; accounts: StaffAccount[] } | undefined;

  constructor(private readonly dataDir: string) {}

  all(): StaffAccount[] {
    const file = accountsPath(this.dataDir);
    if (!existsSync(file)) return [];
    const st = statSync(file);
    if (!this.cached || this.cached.mtimeMs !== st.mtimeMs || this.cached.size !== st.size) {
      this.cached = { mtimeMs: st.mtimeMs, size: st.size, accounts: readAccounts(this.dataDir) };
    }
    return this.cached.accounts;
  }

  find(username: string): StaffAccount | undefined {
    return this.all().find((a) => a.username === username && !a.disabled);
  }

  update(username: string, change: Partial<StaffAccount>): void {
    const accounts = readAccounts(this.dataDir).map((a) => (a.username === username ? { ...a, ...change } : a));
    writeAccounts(this.dataDir, accounts);
  }
}

export interface NewAccount {
  username: string;
  role: string;
  region?: string;
  createdBy: string;
}

/** Creates an account with a fresh one-time password and returns that password (it is stored only as a hash). */
export async function addAccount(dataDir: string, input: NewAccount, regionNames: readonly string[]): Promise<string> {
  const name = StaffName.safeParse(input.username);
  if (!name.success) throw new Error(name.error.issues[0]!.message);
  const username = name.data;
  const parsedRole = StaffRole.safeParse(input.role);
  if (!parsedRole.success) throw new Error(`--role 应为 helpline、bureau 或 admin (unknown role "${input.role}")`);
  const role = parsedRole.data;
  if (role === 'bureau') {
    if (!input.region) throw new Error('bureau 账号必须用 --region 指定所属地区，如 --region 洛阳市');
    if (!regionNames.includes(input.region)) throw new Error(`未知地区 "${input.region}"：应为 regions.json 中的名称，如 洛阳市、巩义市`);
  } else if (input.region) {
    throw new Error('只有 bureau 账号绑定地区');
  }
  const accounts = readAccounts(dataDir);
  if (accounts.some((a) => a.username === username)) throw new Error(`用户名 ${username} 已存在`);
  const password = newPassword();
  accounts.push({
    username,
    role,
    ...(role === 'bureau' ? { region: input.region } : {}),
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    disabled: false,
    createdAt: new Date().toISOString(),
    createdBy: input.createdBy,
  });
  writeAccounts(dataDir, accounts);
  appendAudit(dataDir, { actor: input.createdBy, role: 'cli', action: 'account.create', target: username, detail: { role, region: input.region } });
  return password;
}

export interface AuditRecord {
  actor: string;
  role: string;
  action: string;
  target?: string;
  ip?: string;
  detail?: unknown;
}

/**
 * The audit log is an append-only JSON-lines file beside the accounts, written by the server
 * and by the CLI alike; one short appended line is atomic on a local file system.
 */
export function auditPath(dataDir: string): string {
  return join(staffDir(dataDir), 'audit.jsonl');
}

export function appendAudit(dataDir: string, rec: AuditRecord): void {
  mkdirSync(staffDir(dataDir), { recursive: true, mode: 0o700 });
  appendFileSync(auditPath(dataDir), `${JSON.stringify({ at: new Date().toISOString(), ...rec })}\n`, { mode: 0o600 });
}

export function readAudit(dataDir: string, limit: number): unknown[] {
  const file = auditPath(dataDir);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return lines.slice(-limit).reverse().map((l) => JSON.parse(l) as unknown);
}
