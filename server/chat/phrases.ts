import type { QuestionView, Recorded } from '../schemas/interview';
import type { Assessment, Category } from '../schemas/profile';

/** The notice's short title and year, from the knowledge version's manifest. */
type NoticeLabel = { shortTitle: string; year: number };

/**
 * The assistant's own sentences in the offline conversation (not notice text: clause
 * wording always comes from the knowledge base). Kept together so the tone stays consistent.
 */
export const phrases = {
  /** The notice is named from the session's knowledge version, so a new year's notice needs no code change. */
  welcome: (k: NoticeLabel) =>
    `您好，我是智造申报助手。我会依据《${k.shortTitle}》，先确认申报基本条件，再判断适合申报的类别，最后逐项核对要素条件。` +
    '您可以用下方的按钮作答，也可以直接用一句话描述情况（例如“我们有MES和ERP，还有立体库”），过程中随时可以提问。' +
    `请注意：通知中的时间安排只适用于${k.year}年度，以后年度以当年发布的通知为准。`,
  /** Greeting for a user who came to ask about the notice: it must not start the interview. */
  welcomeQa: (k: NoticeLabel) =>
    `您好，我是智造申报助手。请直接提出关于《${k.shortTitle}》的问题，回答会附上通知原文条款。` +
    '如需判断贵企业能否申报，可随时切换到“申报评估”。' +
    `请注意：通知中的时间安排只适用于${k.year}年度，以后年度以当年发布的通知为准。`,
  recorded: (items: Recorded[]) => sentence(`已记录：${items.map((i) => `${i.label}——${i.display}`).join('；')}`),
  /**
   * A hard condition that now fails. The offer to stop or carry on is made once, when the first
   * condition fails; a later one only adds its reason and what would change it.
   */
  blocking: (items: { clause: string; reason: string; remedy?: string }[], alreadyBlocked = false) =>
    sentence(`请注意：根据通知${items.map((b) => `${b.clause}，${clause(b.reason)}`).join('；')}`) +
    uniqueClauses(items.flatMap((b) => (b.remedy ? [b.remedy] : []))).map(sentence).join('') +
    (alreadyBlocked
      ? ''
      : // The plan asks an ineligible enterprise only the remaining basic conditions and the category
        // questions (no category is recommended, so no element is checked); the offer promises no more.
        '按此情况，本年度暂不符合申报条件。您可以到此为止，也可以继续回答其余的基本条件和申报类别问题，便于今后准备；各项要素条件要在符合申报条件后才逐项核对。'),
  /** Form answers that were recorded but look wrong (a credit code from another province, liabilities above assets). */
  flagged: (items: { clause: string; reason: string }[]) =>
    sentence(`已记录，但请核对：${items.map((b) => `${clause(b.reason)}（${b.clause}）`).join('；')}`) +
    `如有误，可直接重新回答或在“已填信息”里修改。`,
  /** The question card shows the question itself, so the re-ask does not repeat it. */
  backTo: '我们接着刚才的问题。',
  /** In 政策问答 the interview waits; a hint is enough, the card appears when the user switches back. */
  qaBackHint: '如需继续申报评估，可切换到“申报评估”接着作答。',
  /** A correction cleared every failing hard condition: the earlier 「暂不符合」 no longer stands. */
  unblocked: '已更新：目前未发现不符合的硬性条件，可以继续。',
  unclear: (q: QuestionView | null) =>
    q
      ? `抱歉，我没能从这句话里确定答案。${hint(q)}请直接回答：${q.text}`
      : '抱歉，我没能理解这句话。您可以换个说法，或直接提出关于申报通知的问题。',
  /** Text that tells the assistant what to conclude: the rules decide from facts, so nothing is recorded. */
  instruction: (q: QuestionView | null) =>
    '这句话是在要求我直接给出结论，而不是说明企业的情况，所以我没有把它记录为回答。能否申报只按通知条款和您对各项问题的如实回答来判断，我无法跳过或改变这些条件。' +
    (q ? `${hint(q)}请直接回答：${q.text}` : ''),
  /** An answer word in a sentence that does not plainly answer the pending question: ask rather than guess. */
  notAnAnswer: (q: QuestionView | null) =>
    q
      ? `我不确定这句话是不是在回答当前的问题，所以先没有记录。如果是回答，请简单说明，例如${example(q)}；如果是想提问，可以在句末加上问号。当前的问题是：${q.text}`
      : '我不确定这句话的意思。您可以换个说法，或直接提出关于申报通知的问题。',
  /** A round figure (「约1200万」, 「两百来人」) went into the form, which the applicant signs. */
  approximate: '这是个约数，已先按此记录；申报书要签字盖章，定稿前请在“已填信息”里改为准确数字。',
  partlyUnclear: (n: number) => `另有 ${n} 处内容我没能对应到具体问题，可稍后在“已填信息”里补充。`,
  /**
   * The verdict in two or three sentences once the assessment questions are done: the category,
   * the gaps by element, and whether to apply now or close the gaps first. An ineligible
   * enterprise hears what blocks it and is offered no drafting.
   */
  verdict: (a: Assessment, names: { category: (c: Category) => string; capability: (id: string) => string }) => {
    if (!a.eligible || !a.category.recommended) {
      // The reasons are grouped by clause and given by their first sentence (what the enterprise
      // answered); the clause quotes stay in the panel. Two reasons of 二(一) quote overlapping text,
      // and two lists of 二(四) share a remedy: said once each, the verdict stays a verdict.
      const byClause = new Map<string, string[]>();
      for (const b of a.blocking) byClause.set(b.clause, [...(byClause.get(b.clause) ?? []), firstSentence(b.reason)]);
      const why = [...byClause].map(([c, reasons]) => `${[...new Set(reasons)].join('；')}（${c}）`).join('；');
      const remedies = uniqueClauses(a.blocking.flatMap((b) => (b.remedy ? [b.remedy] : [])));
      return (
        `评估结果：按目前的回答，本年度暂不符合申报条件${why ? `：${why}` : ''}。` +
        (remedies.length ? `${remedies.join('；')}。` : '') +
        '因此暂不起草申报书；如有回答与实际不符，可在“我的回答”中修改，评估会重新计算。'
      );
    }
    const cat = names.category(a.category.recommended);
    const open = a.conditions.filter((c) => c.status !== 'met');
    const gaps = open.filter((c) => c.status === 'unmet' || c.status === 'partial');
    const unknown = open.filter((c) => c.status === 'unknown');
    const list = (cs: typeof open, of: 'missing' | 'unknown') =>
      cs.map((c) => (c[of].length ? `${c.title}（${c[of].map(names.capability).join('、')}）` : c.title)).join('；');
    let text = `评估结果：建议申报${cat}。`;
    if (!open.length) text += '各项要素条件按您的回答均已具备，可以着手申报。';
    else {
      if (gaps.length) text += `还有 ${gaps.length} 项要素条件未完全满足：${list(gaps, 'missing')}。`;
      if (unknown.length) text += `另有 ${unknown.length} 项因回答跳过尚无法判断：${list(unknown, 'unknown')}。`;
      text += gaps.length ? '建议先补齐这些差距再申报，申报书信息可以先准备起来。' : '补答这些问题后即可确认能否直接申报。';
    }
    return `${text}要现在继续填写申报书信息吗？`;
  },
  restarted: '好的，我们从头开始。之前的问答记录仍然保留在上方。',
  done: '需要询问的内容都已答完。您可以查看右侧的评估结果，修改任何一项回答，或继续提问。',
  entryAnswer: (r: Recorded[], skipped: boolean) =>
    skipped ? `${r.map((i) => i.label).join('、') || '此题'}：${r[0]?.display ?? ''}` : r.map((i) => `${i.label}：${i.display}`).join('；'),
  entryEdit: (r: Recorded[]) => `修改 ${r.map((i) => `${i.label}：${i.display}`).join('；')}`,
  entryRestart: '重新开始问答',
};

/**
 * Reasons come from the knowledge data and may already end in a full stop; the joined
 * sentence adds its own, so a trailing one is dropped first (no 「。。」).
 */
function clause(text: string): string {
  return text.replace(/[。；;.\s]+$/u, '');
}

/** The first sentence of a knowledge reason: the fact, before the quote that backs it. */
function firstSentence(text: string): string {
  return clause(text.split('。')[0] ?? text);
}

/** Share of the character pairs of `a` that also occur in `b`. */
function overlap(a: string, b: string): number {
  const pairs = (t: string) => Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2));
  const own = pairs(a);
  if (!own.length) return 1;
  const other = new Set(pairs(b));
  return own.filter((p) => other.has(p)).length / own.length;
}

/**
 * The clauses (split at 。 and ；) of several knowledge sentences, each said once. A clause is left
 * out when an earlier one already contains it, or says it in other words (most of its character
 * pairs occur in a kept clause of the same length or longer): 「移出名单后，可以在以后年度再申报」 after
 * 「完成信用修复、移出名单后，可以在以后年度再申报」.
 */
export function uniqueClauses(texts: string[]): string[] {
  const kept: string[] = [];
  for (const part of texts.flatMap((t) => t.split(/[。；;]/u)).map(clause).filter(Boolean)) {
    const bare = (t: string) => t.replace(/[\p{P}\s]/gu, '');
    const b = bare(part);
    if (kept.some((k) => bare(k).includes(b) || (bare(k).length >= b.length * 0.6 && overlap(b, bare(k)) >= OVERLAP_SAME))) continue;
    // A longer clause that contains an earlier one replaces it in place.
    const i = kept.findIndex((k) => b.includes(bare(k)));
    if (i >= 0) kept[i] = part;
    else kept.push(part);
  }
  return kept;
}

/** Above this share of shared character pairs two remedy clauses say the same thing. */
const OVERLAP_SAME = 0.55;

function sentence(text: string): string {
  return `${clause(text)}。`;
}

function example(q: QuestionView): string {
  switch (q.kind) {
    case 'yesNo':
      return '“是”或“否”';
    case 'yesNoPartial':
      return '“有”“没有”或“部分具备”';
    case 'number':
      return `“85${q.unit ?? ''}”`;
    default:
      return '只填写这一栏的内容';
  }
}

function hint(q: QuestionView): string {
  switch (q.kind) {
    case 'yesNo':
      return '可以回答“是”或“否”。';
    case 'yesNoPartial':
      return '可以回答“有”“没有”或“部分具备/正在建设”。';
    case 'number':
      return `请给出一个数字${q.unit ? `（单位：${q.unit}）` : ''}。`;
    case 'choice':
    case 'multiChoice':
      return q.choices?.length ? `可选：${q.choices.map((c) => c.label).join('、')}。` : '';
    default:
      return '';
  }
}

/** Offline text is delivered in a few deltas along sentence ends, so clients exercise the same streaming path as with a model. */
export function chunkText(text: string, maxChunks = 4): string[] {
  const sentences = text.match(/[^。！？；\n]*[。！？；\n]+|[^。！？；\n]+$/g) ?? [text];
  if (sentences.length <= maxChunks) return sentences.filter((s) => s.length > 0);
  const per = Math.ceil(sentences.length / maxChunks);
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += per) out.push(sentences.slice(i, i + per).join(''));
  return out;
}
