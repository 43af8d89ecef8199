import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { createKnowledgeBase, type KnowledgeBase } from './base';
import { KnowledgeError, loadKnowledgeData } from './load';
import { buildReadCache } from './read-cache';
import { isDraft, publishedVersions } from './versions';
import type { NewTranscriptEntry } from '../store/types';
import type { TranscriptEntry } from '../schemas/ws';

/** What a session stores about its knowledge version (a document of the session store). */
export const SESSION_KNOWLEDGE_DOC = 'knowledge';
export const SessionKnowledge = z.object({ version: z.string().regex(/^[a-z0-9-]+$/) });

/** The default chosen in the console, kept across restarts (DATA_DIR/staff/knowledge-default.json). */
export const DefaultChoice = z.object({ version: z.string().regex(/^[a-z0-9-]+$/), by: z.string(), at: z.string() });
export type DefaultChoice = z.infer<typeof DefaultChoice>;

/** The part of the session store the registry needs. */
export interface SessionDocs {
  create(docs?: Record<string, unknown>, transcript?: NewTranscriptEntry[]): Promise<{ sessionId: string; token: string; transcript?: TranscriptEntry[] }>;
  getDoc<T = unknown>(sessionId: string, key: string): Promise<T | undefined>;
  putDoc(sessionId: string, key: string, value: unknown): Promise<void>;
}

/** The year, title and issuer of a version, for wording that names the programme. */
export interface KnowledgeLabel {
  version: string;
  year: number;
  title: string;
  /** The title without the issuer: 「关于开展…申报工作的通知」. */
  shortTitle: string;
  issuer: string;
}

export function labelOf(kb: KnowledgeBase): KnowledgeLabel {
  const m = kb.data.manifest;
  const shortTitle = m.title.startsWith(m.issuer) && m.title.length > m.issuer.length ? m.title.slice(m.issuer.length) : m.title;
  return { version: kb.version, year: m.year, title: m.title, shortTitle, issuer: m.issuer };
}

/** One version, validated and checked; the compiled server reuses its answer-base readings. */
function load(root: string, version: string): KnowledgeBase {
  const data = loadKnowledgeData(root, version);
  const cache = buildReadCache(data.lexicon);
  const kb = createKnowledgeBase(data, { reads: cache?.reads });
  cache?.save();
  return kb;
}

/**
 * Every served knowledge version, loaded and validated, and which one new work starts on. A
 * session keeps the version it was created under: published versions are only ever added, and
 * the default moves only when an admin says so, so an interview begun under one notice is
 * answered, assessed and drafted under that notice to the end.
 */
export class KnowledgeRegistry {
  private readonly loaded = new Map<string, KnowledgeBase>();
  private current: KnowledgeBase;

  private constructor(
    readonly root: string,
    /** The version KNOWLEDGE_VERSION names; the default unless an admin chose another. */
    readonly configured: string,
    private readonly defaultFile: string | undefined,
    private readonly log: (msg: string) => void,
  ) {
    if (isDraft(root, configured)) {
      throw new KnowledgeError(configured, '是未发布的草稿；请先复核并发布（npm run knowledge:publish）后再使用');
    }
    this.current = load(root, configured);
    this.loaded.set(this.current.version, this.current);
    for (const v of publishedVersions(root)) if (!this.loaded.has(v)) this.loaded.set(v, load(root, v));
    const chosen = this.readChoice();
    if (chosen && chosen.version !== configured) {
      const kb = this.loaded.get(chosen.version);
      // A choice that no longer loads must not stop the server: the configured version still serves.
      if (kb) this.current = kb;
      else log(`the default knowledge version chosen in the console (${chosen.version}) is not a published version under ${root}; serving ${configured}`);
    }
  }

  static open(root: string, configured: string, opts: { defaultFile?: string; log?: (msg: string) => void } = {}): KnowledgeRegistry {
    return new KnowledgeRegistry(root, configured, opts.defaultFile, opts.log ?? (() => {}));
  }

  /** The version new sessions and unversioned requests use. */
  get default(): KnowledgeBase {
    return this.current;
  }

  get(version: string): KnowledgeBase | undefined {
    return this.loaded.get(version);
  }

  versions(): string[] {
    return [...this.loaded.keys()];
  }

  /** The admin's choice of default, if one was made. */
  readChoice(): DefaultChoice | undefined {
    if (!this.defaultFile || !existsSync(this.defaultFile)) return undefined;
    try {
      const r = DefaultChoice.safeParse(JSON.parse(readFileSync(this.defaultFile, 'utf8')));
      return r.success ? r.data : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Loads a version published while the server runs, with the startup loader. Loading never
   * replaces a version already served: sessions pinned to it must keep exactly what they had.
   */
  add(version: string): KnowledgeBase {
    const have = this.loaded.get(version);
    if (have) return have;
    if (isDraft(this.root, version)) throw new KnowledgeError(version, '是未发布的草稿，不对外提供');
    const kb = createKnowledgeBase(loadKnowledgeData(this.root, version));
    this.loaded.set(version, kb);
    return kb;
  }

  /** Makes a served version the default for new sessions, and remembers the choice across restarts. */
  setDefault(version: string, by: string, now = new Date()): KnowledgeBase {
    const kb = this.loaded.get(version);
    if (!kb) throw new KnowledgeError(version, `不是在用的版本；在用的版本：${this.versions().join('、')}`);
    if (this.defaultFile) {
      mkdirSync(dirname(this.defaultFile), { recursive: true });
      const tmp = `${this.defaultFile}.tmp`;
      writeFileSync(tmp, JSON.stringify(DefaultChoice.parse({ version, by, at: now.toISOString() })) + '\n');
      renameSync(tmp, this.defaultFile);
    }
    this.current = kb;
    return kb;
  }

  /**
   * A new session under the current default version, recorded with it in the same write: the
   * session keeps the version it starts under, whatever the default becomes later. `opening`
   * gives the messages it opens with (the welcome, worded by that version), stored in the same write.
   */
  async createSession(
    store: SessionDocs,
    opening: (kb: KnowledgeBase) => NewTranscriptEntry[] = () => [],
  ): Promise<{ sessionId: string; token: string; transcript: TranscriptEntry[]; kb: KnowledgeBase }> {
    const kb = this.current;
    const created = await store.create({ [SESSION_KNOWLEDGE_DOC]: { version: kb.version } }, opening(kb));
    return { sessionId: created.sessionId, token: created.token, transcript: created.transcript ?? [], kb };
  }

  /** Records the current default as the version of a session that has none recorded. */
  async pin(store: SessionDocs, sessionId: string): Promise<KnowledgeBase> {
    const kb = this.current;
    await store.putDoc(sessionId, SESSION_KNOWLEDGE_DOC, { version: kb.version });
    return kb;
  }

  /**
   * The version a session was created under. A session that has none recorded (created before
   * versions were recorded) is pinned to the default on first use, so it cannot drift later.
   * A recorded version that is no longer served falls back to the default, and says so in the log.
   */
  async forSession(store: SessionDocs, sessionId: string): Promise<KnowledgeBase> {
    const r = SessionKnowledge.safeParse(await store.getDoc(sessionId, SESSION_KNOWLEDGE_DOC));
    if (!r.success) return this.pin(store, sessionId);
    const kb = this.loaded.get(r.data.version);
    if (kb) return kb;
    this.log(`session ${sessionId.slice(0, 8)} was created under knowledge ${r.data.version}, which is not served; using ${this.current.version}`);
    return this.current;
  }
}
