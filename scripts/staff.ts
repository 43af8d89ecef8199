// `npm run staff -- add <name> --role helpline|bureau|admin [--region 洛阳市]`: creates a staff
// account and prints its one-time password on the last line. There are no default accounts.
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { loadKnowledgeData } from '../server/knowledge/load';
import { addAccount, readAccounts } from '../server/staff/accounts';
import { regionNames } from '../server/staff/bureau';

const USAGE = `用法：
  npm run staff -- add <用户名> --role helpline|bureau|admin [--region 洛阳市]
  npm run staff -- list`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { role: { type: 'string' }, region: { type: 'string' } },
  });
  const [command, name] = positionals;
  const config = loadConfig();
  if (command === 'list') {
    for (const a of readAccounts(config.DATA_DIR)) console.log(`${a.username}\t${a.role}\t${a.region ?? ''}${a.disabled ? '\t(停用)' : ''}`);
    return 0;
  }
  if (command !== 'add' || !name || !values.role) {
    console.error(USAGE);
    return 2;
  }
  const kb = loadKnowledgeData(config.KNOWLEDGE_DIR, config.KNOWLEDGE_VERSION);
  const password = await addAccount(config.DATA_DIR, { username: name, role: values.role, region: values.region, createdBy: `cli:${userInfo().username}` }, regionNames(kb));
  console.log(`已创建账号 ${name}（${values.role}${values.region ? `，${values.region}` : ''}）。首次登录后请修改密码；此密码不会再次显示。`);
  // The server reads accounts from its own DATA_DIR: an account written to another directory cannot log in, and says where it went.
  console.log(`账号保存在 ${resolve(config.DATA_DIR)}；服务器须用同一个 DATA_DIR 启动，才能用此账号登录。`);
  console.log(`password: ${password}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`失败：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
