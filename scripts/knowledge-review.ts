// `npm run knowledge:review -- henan-2024`                      lists the items that need review, by group
// `npm run knowledge:review -- henan-2024 --show <id>`          shows one item as it is now, and the clause changes it rests on
// `npm run knowledge:review -- henan-2024 --accept <id|group|all> [...]`
// Edit an item in its JSON file first if it needs a change; accepting records whether it was edited.
import { parseArgs } from 'node:util';
import { isPending } from '../server/knowledge/schemas/review';
import { compareVersions } from '../server/knowledge/ingest/compare';
import { GROUP_NAMES, inlineDiff, relatedChanges } from '../server/knowledge/ingest/report';
import { acceptItems, currentValue, readReview } from '../server/knowledge/ingest/review';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { root: { type: 'string', default: 'knowledge' }, accept: { type: 'boolean', default: false }, show: { type: 'string' } },
});
const [version, ...ids] = positionals;
if (!version) {
  console.error('usage: npm run knowledge:review -- <version> [--show <id>] [--accept <id|group|all> ...]');
  process.exit(2);
}
try {
  const root = values.root!;
  if (values.accept) {
    if (!ids.length) throw new Error('name the items to accept: an item id, a group (facts, rules, interview, forms, answers, notice) or all');
    const r = acceptItems(root, version, ids);
    for (const i of r.accepted) console.log(`accepted ${i.id}${i.edited ? ' (edited)' : ''}`);
    if (r.unknown.length) console.error(`no such pending item: ${r.unknown.join(', ')}`);
    for (const h of r.held) console.error(`held ${h.id} (${h.label}): it fails the publish checks as it stands; edit it, or accept it by its id\n  ${h.reasons.join('\n  ')}`);
    const left = readReview(root, version).items.filter(isPending).length;
    console.log(left ? `${left} item(s) still need review.` : `Nothing left to review. Next: npm run knowledge:publish -- ${version}`);
    process.exit(r.unknown.length ? 1 : 0);
  }
  const review = readReview(root, version);
  if (values.show) {
    const item = review.items.find((i) => i.id === values.show);
    if (!item) throw new Error(`no item ${values.show} in ${version}/review.json`);
    console.log(`${item.label}  [${item.id}]\n${item.reason ?? ''}\nstatus: ${isPending(item) ? 'needs review' : item.needsReview ? 'accepted' : 'unaffected'}\n`);
    console.log(JSON.stringify(currentValue(root, version, item), null, 1));
    const related = relatedChanges(compareVersions(root, review.basedOn, version), item.clauses);
    for (const c of related.changed) console.log(`\n~ ${c.id} ${c.title}\n  ${inlineDiff(c.parts)}`);
    for (const c of related.added) console.log(`\n+ ${c.id} ${c.title}\n  ${c.text}`);
    for (const c of related.removed) console.log(`\n- ${c.id} ${c.title}\n  ${c.text}`);
    process.exit(0);
  }
  const pending = review.items.filter(isPending);
  const done = review.items.filter((i) => i.needsReview && !isPending(i)).length;
  console.log(`${version} (based on ${review.basedOn}): ${pending.length} item(s) need review, ${done} accepted, ${review.items.length} carried over in all.`);
  for (const [g, name] of Object.entries(GROUP_NAMES)) {
    const list = pending.filter((i) => i.group === g);
    if (!list.length) continue;
    console.log(`\n${name} (${list.length}) — accept all with --accept ${g}`);
    for (const i of list) console.log(`  ${i.id}\n      ${i.label} — ${i.reason ?? ''}`);
  }
} catch (err) {
  console.error(`knowledge:review: ${(err as Error).message}`);
  process.exit(1);
}
