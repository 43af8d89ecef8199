// `npm run ask -- "问题"`: the offline answer and its citations in a terminal, for helpline staff.
import { loadConfig } from '../config';
import { createKnowledgeBase } from '../knowledge/base';
import { loadKnowledgeData } from '../knowledge/load';
import { answerQuestion, answerSourceOf } from '../qa/answer';
import { AskRequest } from '../schemas/ask';
import { noticeNumbers, spoolQuestion } from '../staff/store';

const question = process.argv.slice(2).join(' ');
const parsed = AskRequest.safeParse({ question });
if (!parsed.success) {
  console.error(`用法 (usage): npm run ask -- "问题"\n${parsed.error.issues.map((i) => i.message).join('\n')}`);
  process.exit(2);
}
let kb;
let config;
try {
  config = loadConfig();
  kb = createKnowledgeBase(loadKnowledgeData(config.KNOWLEDGE_DIR, config.KNOWLEDGE_VERSION));
} catch (err) {
  console.error(`知识库加载失败 (knowledge failed to load): ${(err as Error).message}`);
  process.exit(1);
}
const r = answerQuestion(kb, parsed.data.question);
spoolQuestion(config.DATA_DIR, { source: 'cli', question: parsed.data.question, answer: { ...r, source: answerSourceOf(r) }, knowledgeVersion: kb.version }, noticeNumbers(kb));
console.log(`问：${parsed.data.question}\n`);
console.log(`答：${r.answer}\n`);
if (r.outOfScope) console.log('（通知未涉及此问题）\n');
// The answer already quotes its proof; only citations it does not quote are listed here.
const unquoted = r.citations.filter((c) => !r.answer.includes(c.quote));
if (unquoted.length) {
  console.log('出处：');
  unquoted.forEach((c, i) => console.log(`  ${i + 1}. ${c.clause} ${c.title}\n     “${c.quote}”`));
}
console.log(`\n置信度 (confidence): ${r.confidence}`);
