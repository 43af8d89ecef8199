import { loadKnowledgeData } from '../server/knowledge/load';
import { createKnowledgeBase } from '../server/knowledge/base';
import { createRules } from '../server/chat/rules';
const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const rules = createRules(kb);
const [id, ...texts] = process.argv.slice(2);
const view = rules.views({}, [id])[0];
if (!view) throw new Error('no view ' + id);
for (const t of texts) console.log(t, '=>', JSON.stringify(rules.interpret(t, view, {})));
