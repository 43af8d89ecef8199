// `npm run knowledge:review -- henan-2024`                      lists the items that need review, by group
// `npm run knowledge:review -- henan-2024 --show <id>`          shows one item as it is now, and the clause changes it rests on
// `npm run knowledge:review -- henan-2024 --accept <id|group|all> [...]`
// Edit an item in its JSON file first if it needs a change; accepting records whether it was edited.
import { parseArgs } from 'node:util';
import { isPending } from '../server/knowledge/schemas/review';
import { compareVersions } from '../server/knowledge/ingest/compare';
import { GROUP_NAMES, inlineDiff, relatedChanges } from '../server/knowledge/ingest/report';
import { acceptItems, currentValue, PublishError, readReview } from '../server/knowledge/ingest/review';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { root: { type: 'string', default: 'knowledge' }, accept: { type: 'boolean', default: false }, show: { type: 'string' } },
});
const [version, ...ids] = positionals;
if (!version) {
  console.error('用法：npm run knowledge:review -- <版本> [--show <复核项id>] [--accept <复核项id|分组|all> ...]');
  process.exit(2);
}
try {
  const root = values.root!;
  if (values.accept) {
    if (!ids.length) throw new Error('请写明要标记为已复核的项：复核项 id、分组（facts、rules、interview、forms、answers、notice）或 all');
    const r = acceptItems(root, version, ids);
    for (const i of r.accepted) console.log(`已复核 ${i.id}${i.edited ? '（已修改）' : ''}`);
    if (r.unknown.length) console.error(`没有这些待复核项：${r.unknown.join('、')}`);
    for (const h of r.held) console.error(`暂缓 ${h.id}（${h.label}）：按现在的内容通不过发布前的校验；请先修改，或按其 id 单独标记为已复核\n  ${h.reasons.join('\n  ')}`);
    const left = readReview(root, version).items.filter(isPending).length;
    console.log(left ? `还有 ${left} 项待复核。` : `已全部复核。下一步：npm run knowledge:publish -- ${version}`);
    process.exit(r.unknown.length ? 1 : 0);
  }
  const review = readReview(root, version);
  if (values.show) {
    const item = review.items.find((i) => i.id === values.show);
    if (!item) throw new Error(`${version}/review.json 中没有复核项 ${values.show}`);
    console.log(`${item.label}  [${item.id}]\n${item.reason ?? ''}\n状态：${isPending(item) ? '待复核' : item.needsReview ? '已复核' : '未受影响'}\n`);
    console.log(JSON.stringify(currentValue(root, version, item), null, 1));
    const related = relatedChanges(compareVersions(root, review.basedOn, version), item.clauses);
    for (const c of related.changed) console.log(`\n~ ${c.id} ${c.title}\n  ${inlineDiff(c.parts)}`);
    for (const c of related.added) console.log(`\n+ ${c.id} ${c.title}\n  ${c.text}`);
    for (const c of related.removed) console.log(`\n- ${c.id} ${c.title}\n  ${c.text}`);
    process.exit(0);
  }
  const pending = review.items.filter(isPending);
  const done = review.items.filter((i) => i.needsReview && !isPending(i)).length;
  console.log(`${version}（基于 ${review.basedOn}）：待复核 ${pending.length} 项，已复核 ${done} 项，共沿用 ${review.items.length} 项。`);
  for (const [g, name] of Object.entries(GROUP_NAMES)) {
    const list = pending.filter((i) => i.group === g);
    if (!list.length) continue;
    console.log(`\n${name}（${list.length} 项）— 全部标记为已复核：--accept ${g}`);
    for (const i of list) console.log(`  ${i.id}\n      ${i.label} — ${i.reason ?? ''}`);
  }
} catch (err) {
  console.error(`knowledge:review 失败：${err instanceof PublishError && err.zh ? err.zh : (err as Error).message}`);
  process.exit(1);
}
