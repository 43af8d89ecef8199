import type { DraftResult } from '../../server/schemas/forms';
import { splitSentences } from '../../server/forms/draft';

/**
 * Rewrites a model might return for an offline draft. The faithful one changes only the wording
 * around the facts, the way a fluent rewrite does: a connective before a sentence, another subject
 * word, another verb of use, 「和」 for the last 「、」 of a list, two short sentences joined. It adds
 * no capability, level, achievement, date or status. The unfaithful ones add one claim the
 * enterprise never made.
 */
const OPENERS = ['目前，', '此外，', '同时，', ''];
const VERBS: [RegExp, string][] = [
  [/^公司应用/, '公司已采用'],
  [/^公司采用/, '公司现已应用'],
  [/^公司建有/, '公司拥有'],
];

function rewriteSentence(s: string, k: number, openers: boolean): string {
  // A heading and a request for a fact are the form's own; a rewrite keeps them as they are.
  if (/^【[^】]*】$/.test(s) || /^〔[^〕]*〕[。；]?$/.test(s)) return s;
  let t = s;
  for (const [re, to] of VERBS) if (re.test(t)) {
    t = t.replace(re, to);
    break;
  }
  if (k % 3 === 1) t = t.replace(/^公司/, '本公司');
  // The last item of a list joined with 「和」: 「A、B、C」 → 「A、B和C」 (not inside a request).
  if (!t.includes('〔')) t = t.replace(/、([^、，。；（）和与及]+)([。；])$/, '和$1$2');
  const opener = openers ? OPENERS[k % OPENERS.length]! : '';
  return opener && !/^[【〔]/.test(t) && !/^(目前|此外|同时)/.test(t) ? opener + t : t;
}

/** The offline draft reworded line by line, every claim kept and none added; without openers it stays about as long. */
export function faithfulRewrite(offline: Pick<DraftResult, 'text'>, opts: { openers?: boolean } = {}): string {
  let k = 0;
  return offline.text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      for (const s of splitSentences(line)) {
        const r = rewriteSentence(s, k++, opts.openers ?? true);
        const prev = out[out.length - 1];
        // Two short claims in a row read better as one sentence.
        if (prev && Array.from(prev).length + Array.from(r).length < 40 && /。$/.test(prev) && !/^[【〔]/.test(r) && !/[〕】]/.test(prev)) out[out.length - 1] = `${prev.slice(0, -1)}，${r.replace(/^(目前|此外|同时)，/, '')}`;
        else out.push(r);
      }
      return out.join('');
    })
    .join('\n');
}

/** Claims no fixture states, each as the sentence a model would add. */
export const INVENTED = ['公司已实现全流程数字孪生。', '公司获得省级智能制造标杆企业称号。', '公司数字化水平处于国内领先地位。'] as const;

/** The faithful rewrite with one invented claim added after its first sentence. */
export function rewriteWithClaim(offline: Pick<DraftResult, 'text'>, claim: string): string {
  const text = faithfulRewrite(offline);
  const first = splitSentences(text.split('\n').find((l) => l.trim() && !/^【/.test(l.trim())) ?? text)[0] ?? '';
  const at = text.indexOf(first) + first.length;
  return text.slice(0, at) + claim + text.slice(at);
}
