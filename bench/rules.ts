// `npm run bench:rules`: the rules' share of an interview turn, in process, as the conversation
// calls them for one answer: the pending step, the reply's reading, the question's view, the
// answer applied, and the next step twice (the verdict and the state). Scripted enterprises of
// every kind run until the form phase. It runs bundled, as production runs the server
// (bench/compiled.ts); `-- --tsx` runs it from source, which keeps function names and runs slower.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compiled } from './compiled';
import { sealAnswers, type Answers } from '../server/schemas/interview';
import { createKnowledgeBase } from '../server/knowledge/base';
import { loadKnowledgeData } from '../server/knowledge/load';
import { loadConfig } from '../server/config';
import { createRules } from '../server/chat/rules';
import { answerFor, discreteFactory, ineligible, processFactory, workshop, type ScriptedEnterprise } from '../tests/chat/enterprises';

if (!process.argv.includes('--tsx') && !process.argv.includes('--bundled')) {
  const file = compiled(fileURLToPath(import.meta.url));
  process.exit(spawnSync(process.execPath, [file, '--bundled', ...process.argv.slice(2)], { stdio: 'inherit' }).status ?? 1);
}

const config = loadConfig({});
const kb = createKnowledgeBase(loadKnowledgeData(config.KNOWLEDGE_DIR, config.KNOWLEDGE_VERSION));
const rules = createRules(kb);
const enterprises = [workshop, discreteFactory, processFactory, ineligible];

/** One interview; returns the number of turns. Answers are sealed as the store seals what it keeps. */
function interview(e: ScriptedEnterprise): number {
  let answers: Answers = sealAnswers({});
  let step = rules.step(answers);
  let turns = 0;
  while (step.question && step.question.phase !== 'form' && turns < 500) {
    const q = step.question;
    const value = answerFor(e, q);
    if (typeof value === 'string') rules.interpret(value, q, answers);
    rules.views(answers, [q.id]);
    const res = rules.apply(answers, q.id, value);
    if (!res.ok) throw new Error(res.error);
    answers = sealAnswers(res.answers);
    step = rules.step(answers);
    rules.step(answers);
    turns++;
  }
  return turns;
}

const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 400);
for (let i = 0; i < 200; i++) interview(enterprises[i % enterprises.length]!); // JIT warm-up
let turns = 0;
const start = performance.now();
const cpu0 = process.cpuUsage();
for (let i = 0; i < rounds; i++) turns += interview(enterprises[i % enterprises.length]!);
const ms = performance.now() - start;
// CPU time as well as wall time: on a shared machine the wall time mostly says how busy the other processes were.
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(`rules per answer turn: ${((ms / turns) * 1000).toFixed(1)} µs wall, ${((cpuMs / turns) * 1000).toFixed(1)} µs CPU (${turns} turns, ${rounds} interviews)`);
