import { SYSTEM_CANARY } from './prompts';

/**
 * The model cites clauses as 〔二(一)〕. The checker runs on the stream itself: text outside
 * brackets passes through at once (no added latency), a bracketed span is held until it closes
 * and is then kept only if every ID in it exists and was given to the model. A system-prompt
 * canary (⟦…⟧) in the output stops everything after it.
 */

const CITE_OPEN = '〔';
const CITE_CLOSE = '〕';
const CANARY_OPEN = SYSTEM_CANARY[0]!;
const CANARY_CLOSE = SYSTEM_CANARY[SYSTEM_CANARY.length - 1]!;
/** A real citation is short; an unclosed bracket longer than this is just text. */
const MAX_SPAN = 48;

const FULLWIDTH_DIGITS = /[０-９]/g;

/** Accepts the spellings models produce for an ID: full-width parentheses, digits and dots, stray spaces. */
export function normaliseClauseId(raw: string): string {
  return raw
    .trim()
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[．。·・]/g, '.')
    .replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/^第/, '');
}

export class CitationStream {
  private buffer = '';
  /** Valid cited IDs in first-cited order. */
  readonly valid: string[] = [];
  /** Cited IDs that were removed (unknown, or not among the clauses given to the model). */
  readonly removed: string[] = [];
  leaked = false;
  private text = '';

  constructor(private readonly isAllowed: (id: string) => boolean) {}

  /** Feeds a delta; returns the text that may be shown now. */
  push(delta: string): string {
    if (this.leaked) return '';
    this.buffer += delta;
    let out = '';
    for (;;) {
      const b = this.buffer;
      if (!b) break;
      const first = b[0];
      if (first === CITE_OPEN || first === CANARY_OPEN) {
        const close = b.indexOf(first === CITE_OPEN ? CITE_CLOSE : CANARY_CLOSE);
        if (close === -1) {
          if (b.length > MAX_SPAN || b.includes('\n')) {
            out += first;
            this.buffer = b.slice(1);
            continue;
          }
          break; // wait for the rest of the span
        }
        const span = b.slice(0, close + 1);
        this.buffer = b.slice(close + 1);
        if (first === CANARY_OPEN) {
          if (span === SYSTEM_CANARY || span.includes('ZZ-SYSTEM')) {
            this.leaked = true;
            this.buffer = '';
            break;
          }
          out += span;
          continue;
        }
        out += this.checkSpan(span.slice(1, -1));
        continue;
      }
      const next = nextOpen(b);
      if (next === -1) {
        out += b;
        this.buffer = '';
      } else {
        out += b.slice(0, next);
        this.buffer = b.slice(next);
      }
    }
    this.text += out;
    return out;
  }

  /** Flushes what is still held (an unclosed bracket is text). */
  end(): string {
    if (this.leaked) return '';
    const rest = this.buffer;
    this.buffer = '';
    this.text += rest;
    return rest;
  }

  /** Everything shown so far. */
  get shown(): string {
    return this.text;
  }

  private checkSpan(inner: string): string {
    const ids = inner.split(/[、，,;；\s]+/).map(normaliseClauseId).filter(Boolean);
    let kept = '';
    for (const id of ids) {
      if (this.isAllowed(id)) {
        if (!this.valid.includes(id)) this.valid.push(id);
        kept += `${CITE_OPEN}${id}${CITE_CLOSE}`;
      } else {
        this.removed.push(id);
      }
    }
    return kept;
  }
}

function nextOpen(s: string): number {
  const a = s.indexOf(CITE_OPEN);
  const b = s.indexOf(CANARY_OPEN);
  if (a === -1) return b;
  if (b === -1) return a;
  return Math.min(a, b);
}

/** Checks a whole text at once (non-streaming callers, eval). */
export function checkCitations(text: string, isAllowed: (id: string) => boolean): { text: string; valid: string[]; removed: string[]; leaked: boolean } {
  const s = new CitationStream(isAllowed);
  const shown = s.push(text) + s.end();
  return { text: shown, valid: s.valid, removed: s.removed, leaked: s.leaked };
}
