/**
 * The one place where text from outside is made safe to store and export, applied to every
 * HTTP body, query and params (errors.ts parseOr400) and every socket frame (routes/chat.ts)
 * before their zod schema runs, so every route treats the same characters the same way.
 *
 * Characters that no stored or exported form can carry are normalised, not rejected: a user
 * who pasted text from a PDF or a word processor should not lose the answer over an invisible
 * character.
 * - NUL and the other C0 controls except tab, LF and CR: removed (PostgreSQL text and jsonb
 *   refuse NUL; XML 1.0, and so DOCX, refuses all of them).
 * - Lone surrogates (half of a UTF-16 pair, e.g. from "\ud800" in JSON): replaced by U+FFFD
 *   (jsonb refuses them; UTF-8 cannot encode them).
 * - U+FFFE and U+FFFF (noncharacters): removed (XML forbids them; a DOCX holding one does not open).
 *
 * The shape is bounded too: nesting depth, array length and the total number of values, so a
 * small but deeply nested frame cannot overflow the stack and a large body is refused in one
 * pass with a short message, before zod builds an issue for each element.
 */
export const INPUT_LIMITS = {
  maxDepth: 32,
  maxArrayLength: 1000,
  maxNodes: 20_000,
} as const;

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the characters above normalised; returns the same string when nothing changes. */
export function cleanText(s: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(s)) return s;
  return s.replace(UNSAFE, (c) => (c.length === 1 && c >= '\uD800' && c <= '\uDFFF' ? '\uFFFD' : ''));
}

export class InputShapeError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A copy of a parsed JSON value (or query/params object) with every string and key cleaned,
 * or an InputShapeError naming where a limit was passed.
 */
export function cleanInput(value: unknown, where = 'body'): unknown {
  let nodes = 0;
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (++nodes > INPUT_LIMITS.maxNodes) throw new InputShapeError(where, `内容过多：超过 ${INPUT_LIMITS.maxNodes} 个值`);
    if (typeof v === 'string') return cleanText(v);
    if (v === null || typeof v !== 'object') return v;
    if (depth >= INPUT_LIMITS.maxDepth) throw new InputShapeError(path, `嵌套过深：超过 ${INPUT_LIMITS.maxDepth} 层`);
    if (Array.isArray(v)) {
      if (v.length > INPUT_LIMITS.maxArrayLength) {
        throw new InputShapeError(path, `数组过长：${v.length} 项，上限 ${INPUT_LIMITS.maxArrayLength}`);
      }
      return v.map((x, i) => walk(x, `${path}.${i}`, depth + 1));
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const key = cleanText(k);
      // defineProperty: a "__proto__" key stays a plain key instead of replacing the prototype.
      Object.defineProperty(out, key, { value: walk(x, `${path}.${key.slice(0, 40)}`, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return walk(value, where, 0);
}
