import { createHash, randomUUID } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/base';
import type { Citation } from '../schemas/ask';
import { FLIP_DOC, FlipOffer, LAST_ANSWERED_DOC, LastAnswered, OFFERED_DOC, OfferedFacts, SWITCH_DOC, SwitchOffer, sealAnswers, type AnswerValue, type QuestionView, type Recorded } from '../schemas/interview';
import { WsErrorCode, type ClientMessage, type ServerMessage, type TranscriptEntry } from '../schemas/ws';
import type { NewTranscriptEntry, SessionStore } from '../store/types';
import type { Assessment, Category } from '../schemas/profile';
import { withCategory, type CategoryRequest } from '../engine/category-request';
import { assessmentChanges } from './assessment-changes';
import { chunkText, phrases } from './phrases';
import { fill, indexOf, labelOf as capabilityLabel } from '../engine/kb';
import { DETAIL_PREFIX, detailOf, equipmentCountsOf, isAssessmentRequest, isInstruction, parseNumber, previousCorrectionAfter, withoutQuotedAsking } from '../engine/interpret';
import { labelOf } from '../knowledge/registry';
import { normalise } from '../understand/normalise';
import { GATE, correctedDate, datedEcho, datedReply, figureYearEcho, lateDateNote, underwayMarked, editOfAnswer, figureAfterSameYears, sameYearsAlone, hasPhone, reassignedLines, labelOf as formLabel, markApproximate, markUnderway, underwayShown, monthAfterYear, offersOf, percentOrFraction, pointsAtUnanswered, readFigure, sameAsEarlier, yesToOffer } from '../forms/phase';
import { askAboutPending, clipQuote, type AboutPending } from '../understand';
import { sessionDay } from '../store/session-day';
import { answerAboutPending } from './pending-item';
import { cite } from '../qa/answer';
import type { Answers, Interpretation, InterviewRules, OfferedFact, SpeakContext, Speaker, SpokenAnswer, Step } from './ports';

/**
 * A new session's opening message, worded by the version it starts under. Every way of creating a
 * session stores it with the session, so a session never exists without it.
 */
export function welcomeOf(kb: KnowledgeBase, mode?: 'qa' | 'interview'): NewTranscriptEntry[] {
  const knowledge = labelOf(kb);
  return [{ id: randomUUID(), role: 'assistant', text: mode === 'qa' ? phrases.welcomeQa(knowledge) : phrases.welcome(knowledge), citations: [] }];
}

/**
 * The panel's wording of a version as the page receives it: the help under failing hard conditions names the
 * notice's contact, filled here from facts.json so that the page holds no contact of its own.
 */
export function uiAssessment(data: KnowledgeBase['data']): KnowledgeBase['data']['ui']['assessment'] {
  const a = data.ui.assessment;
  return a.blockedHelp ? { ...a, blockedHelp: fill(a.blockedHelp, { unit: data.facts.contact.unit, phone: data.facts.contact.phone }) } : a;
}

/**
 * Serialises turns per session across connections: two tabs on one session must not both
 * read the same answer map and overwrite each other's change.
 */
/** The answers with an item's words beside its answer set, or dropped when there are none to keep. */
function withDetail(answers: Answers, questionId: string, detail: string | undefined): Answers {
  const { [DETAIL_PREFIX + questionId]: _old, ...rest } = answers;
  return Object.freeze(detail ? { ...rest, [DETAIL_PREFIX + questionId]: detail } : rest) as Answers;
}

export class SessionLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(sessionId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = prev.then(() => mine);
    this.tails.set(sessionId, tail);
    await prev;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(sessionId) === tail) this.tails.delete(sessionId);
    }
  }
}

/** The rules and the speaker of one knowledge version. */
export interface SessionRuntime {
  kb: KnowledgeBase;
  rules: InterviewRules;
  speaker: Speaker;
}

export interface ConversationDeps {
  store: SessionStore;
  /** The runtime of a new session (the current default, recorded) and of a resumed one (the version it recorded). */
  knowledge: {
    /**
     * A new session, created under the current knowledge version and pinned to it, with the messages
     * `opening` words under that version stored in the same durable write.
     */
    create(opening?: (kb: KnowledgeBase) => NewTranscriptEntry[]): Promise<{ sessionId: string; token: string; transcript: TranscriptEntry[]; rt: SessionRuntime }>;
    resumed(sessionId: string): Promise<SessionRuntime>;
  };
  locks: SessionLocks;
  /** Logs an answered question and returns its id; absent, answers carry no question id. */
  logQuestion?: (sessionId: string, question: string, answer: SpokenAnswer, knowledgeVersion: string) => string;
  /**
   * Logs an interview reply the rules could not read, for staff to improve the understanding: the words typed, the
   * question they answered (its id and clause) and what the user was told. Nothing else of the session is passed.
   */
  logUnread?: (sessionId: string, reply: { text: string; questionId: string; clause: string; toldBack: string }, knowledgeVersion: string) => void;
}

type UserMessage = Extract<ClientMessage, { type: 'text' | 'answer' | 'edit' | 'edits' | 'reopen' | 'restart' }>;

/**
 * One client's conversation: the orchestrator between the socket, the store and the rules.
 * Each user turn is stored (entry and answers in one durable write) BEFORE it is acknowledged;
 * only then does the assistant respond, so an ack always means "this survives a crash".
 */
export class Conversation {
  private sessionId: string | undefined;
  private rt: SessionRuntime | undefined;
  /**
   * The two steps computed last, with the answers they came from. A turn needs the step before
   * its change and the step after it, and the "before" is the previous turn's "after": the
   * evaluation is the bulk of a turn's work, so each is computed once rather than three times.
   */
  private steps: { rt: SessionRuntime; answers: Answers; step: Step }[] = [];
  /** The answers the turn being handled began from: a turn that changes them keeps the question then waiting with the session. */
  private turnFrom: Answers | undefined;
  /** The assessment this connection's client holds: later ones are sent as changes to it. */
  private shown: Assessment | undefined;
  /** The last question answered on this connection, as it was read (see SpeakContext.previousQuestion). */
  private lastQuestion: string | undefined;
  /** The 政策问答 hint about going back to the interview was given since the last interview message: once is enough. */
  private qaHinted = false;
  /** The pending question and how many times in a row a reply to it was asked back on this connection. */
  /** The form question asked back last, how often, a year said for its date, and the values the ask-back offered to send. */
  private askedBack: { id: string; times: number; said?: string; offers?: string[] } | undefined;
  /**
   * What this connection's client has of the transcript, for a sync after another tab's turn: every entry up to
   * `syncedSeq` was sent (at open or the last sync), and of the later ones those in `ownSeqs` (its own turns).
   */
  private syncedSeq = 0;
  private ownSeqs = new Set<number>();
  /** Whether the turn being handled stored anything, so the session's other tabs are told. */
  private changed = false;
  /** The mode of this connection's last message (or of its opening): a nod right after turning from 政策问答 answers nothing. */
  private lastMode: 'qa' | 'interview' | undefined;
  /**
   * Whether this connection's last turn went aside from the item waiting (a question answered, the category switched
   * or compared, the verdict said): a nod right after it acknowledges that reply, not the item's yes.
   */
  private wentAside = false;

  constructor(
    private readonly deps: ConversationDeps,
    private readonly emit: (msg: ServerMessage) => void,
  ) {}

  private send(msg: ServerMessage): void {
    if (msg.type === 'ack' || msg.type === 'message.start') this.ownSeqs.add(msg.seq);
    // Every recorded answer goes with its widget; the answers last stepped give the category its wording depends on.
    if (msg.type === 'recorded' && !msg.questions && this.rt) {
      msg = { ...msg, questions: this.rt.rules.views(this.steps[0]?.answers ?? {}, msg.items.map((i) => i.questionId)) };
    }
    this.emit(msg);
  }

  /** Whether the last handled message stored anything in the session (its other tabs need a sync). */
  get changedSession(): boolean {
    return this.changed;
  }

  /**
   * Brings this connection's client up to date after another tab of its session changed it: the entries it has not
   * been sent, the answers, then the assessment and the question card as after a turn of its own.
   */
  async refresh(): Promise<void> {
    const sessionId = this.sessionId;
    if (!sessionId || !this.rt) return;
    await this.deps.locks.run(sessionId, () => this.sync(sessionId));
  }

  /** The body of refresh, for a caller already holding the session's lock. */
  private async sync(sessionId: string): Promise<void> {
    const { store } = this.deps;
    const answers = await store.getAnswers(sessionId);
    const entries = await store.transcriptAfter(sessionId, this.syncedSeq);
    const transcript = entries.filter((e) => !this.ownSeqs.has(e.seq));
    this.syncedSeq = Math.max(this.syncedSeq, ...entries.map((e) => e.seq));
    this.ownSeqs = new Set([...this.ownSeqs].filter((n) => n > this.syncedSeq));
    // The pending question may have changed under this tab: what it asked back last no longer applies.
    this.askedBack = undefined;
    this.emit({ type: 'sync', transcript, answers, recorded: this.runtime.rules.describe(answers) });
    await this.sendState(sessionId, answers, this.step(answers), true);
  }

  /**
   * A reply typed against `asked` while another question waits (another tab of the session moved on): nothing is
   * recorded, the user reads what was not filed, under which question, and what waits now, and the tab is synced.
   */
  private async refuseStale(sessionId: string, clientId: string, said: string, asked: string | null, answers: Answers): Promise<void> {
    const { rules } = this.runtime;
    const label = asked ? (rules.describe(answers).find((r) => r.questionId === asked)?.label ?? rules.views(answers, [asked])[0]?.text ?? asked) : '';
    const message = phrases.staleReply(said, label, this.step(answers).question);
    this.send({ type: 'error', code: WsErrorCode.stale, message, clientId });
    await this.sync(sessionId);
  }

  get session(): string | undefined {
    return this.sessionId;
  }

  /** The open session's rules and speaker; turns only run once open has set them. */
  private get runtime(): SessionRuntime {
    if (!this.rt) throw new Error('no session is open');
    return this.rt;
  }

  async handle(msg: ClientMessage): Promise<void> {
    this.changed = false;
    if (msg.type === 'ping') return this.send({ type: 'pong' });
    if (msg.type === 'open') return this.open(msg);
    const sessionId = this.sessionId;
    if (!sessionId || !this.rt) {
      return this.send({ type: 'error', code: WsErrorCode.notOpen, message: '请先发送 open 消息建立或恢复会话', clientId: msg.clientId });
    }
    await this.deps.locks.run(sessionId, () => this.turn(sessionId, msg));
  }

  private async open(msg: Extract<ClientMessage, { type: 'open' }>): Promise<void> {
    const { store } = this.deps;
    let sessionId: string;
    let token: string;
    let resumed: boolean;
    let rt: SessionRuntime;
    /** A new session's welcome, stored with the session itself: a session never exists without it. */
    let opened: TranscriptEntry[] = [];
    if (msg.sessionId !== undefined) {
      if (!msg.token || !(await store.authenticate(msg.sessionId, msg.token))) {
        // Same answer for "no such session" and "wrong token": existence is not revealed.
        return this.send({ type: 'error', code: WsErrorCode.notFound, message: '会话不存在或令牌不正确' });
      }
      ({ sessionId, token } = { sessionId: msg.sessionId, token: msg.token });
      resumed = true;
      rt = await this.deps.knowledge.resumed(sessionId);
    } else {
      ({ sessionId, token, rt, transcript: opened } = await this.deps.knowledge.create((kb) => welcomeOf(kb, msg.mode)));
      resumed = false;
    }
    this.sessionId = sessionId;
    this.rt = rt;
    this.lastMode = msg.mode;
    // The client starts over from what open sends, whole.
    this.shown = undefined;
    this.lastQuestion = undefined;
    await this.deps.locks.run(sessionId, async () => {
      const answers = await store.getAnswers(sessionId);
      const openedSeqs = new Set(opened.map((e) => e.seq));
      const transcript = (await store.transcriptAfter(sessionId, msg.lastSeq ?? 0)).filter((e) => !openedSeqs.has(e.seq));
      const knowledge = labelOf(rt.kb);
      this.syncedSeq = Math.max(msg.lastSeq ?? 0, ...transcript.map((e) => e.seq), ...opened.map((e) => e.seq));
      this.ownSeqs = new Set();
      this.send({ type: 'session', sessionId, token, resumed, transcript, answers, knowledge: { ...knowledge, ui: { assessment: uiAssessment(rt.kb.data) } } });
      // The welcome is already stored: it is streamed as any message is, without a second write.
      for (const e of opened) this.replay(e);
      await this.sendState(sessionId, answers, this.step(answers), true);
    });
  }

  private async turn(sessionId: string, msg: UserMessage): Promise<void> {
    const { store } = this.deps;
    const { rules } = this.runtime;
    // Back in the interview, the next 政策问答 question may give the hint again.
    if (msg.type !== 'text' || msg.mode !== 'qa') this.qaHinted = false;
    // 「好的」「行」 typed just after turning from 政策问答 to 申报评估 acknowledge the switch (read below).
    const afterQa = msg.type === 'text' && msg.mode !== 'qa' && this.lastMode === 'qa';
    this.lastMode = msg.type === 'text' && msg.mode === 'qa' ? 'qa' : 'interview';
    const afterAside = this.wentAside;
    this.wentAside = false;
    // A card answered or an edit made after asking back whether to switch category leaves that asking behind.
    if (msg.type !== 'text') {
      await this.takeSwitch(sessionId, null);
      await this.takeFlip(sessionId);
    }
    // A qa-mode question needs nothing from the store: a model speaker may start on it at once (nothing is sent before the ack).
    const qaEarly = msg.type === 'text' && msg.mode === 'qa' ? this.runtime.speaker.prepare?.(msg.text, this.context(sessionId, null, {})) : undefined;
    // The embedded database runs on this thread: let the model request reach the socket before the first query.
    if (qaEarly) await new Promise<void>((r) => setImmediate(r));
    const earlier = await store.findByClientId(sessionId, msg.clientId);
    if (earlier) {
      qaEarly?.cancel();
      return this.send({ type: 'ack', clientId: msg.clientId, seq: earlier.seq, duplicate: true });
    }
    const answers = await store.getAnswers(sessionId);
    this.turnFrom = answers;

    // A card answered in a tab whose card is out of date: the question it answers was answered elsewhere.
    if (msg.type === 'answer' && msg.pending !== undefined && msg.pending !== (this.step(answers).question?.id ?? null)) {
      return this.refuseStale(sessionId, msg.clientId, saidOf(msg.value), msg.pending, answers);
    }

    if (msg.type === 'restart') {
      await this.keepOffered(sessionId, new Map());
      if (!(await this.commit(sessionId, msg.clientId, phrases.entryRestart, {}))) return;
      await this.say(sessionId, phrases.restarted, []);
      const none = sealAnswers({});
      return this.sendState(sessionId, none, this.step(none), true);
    }

    // The form view's 「撤销跳过」: the skips of a part taken back, so its questions are asked or filled again.
    if (msg.type === 'reopen') {
      const { answers: next, reopened } = rules.reopen(answers, msg.questionIds);
      if (!reopened.length) return this.send({ type: 'error', code: errorCode(phrases.nothingReopened), message: phrases.nothingReopened, clientId: msg.clientId });
      if (!(await this.commit(sessionId, msg.clientId, phrases.entryReopened(reopened), next))) return;
      this.send({ type: 'reopened', questionIds: reopened.map((r) => r.questionId) });
      return this.sendState(sessionId, next, this.step(next), true);
    }

    // A question or an instruction typed into the pending question's text field is not its value:
    // it goes the way of free text, so the question is answered and the field keeps waiting.
    if (msg.type === 'answer' && typeof msg.value === 'string' && msg.value.trim()) {
      const pending = this.step(answers).question;
      const read = pending?.id === msg.questionId ? rules.interpret(msg.value, pending, answers) : null;
      // An answer that also asks (「没有，必须要有吗」) goes that way too: stored whole it would be the field's value.
      // So does a correction of an earlier answer (「刚才集团那个说错了，…」): the chat applies it to the answer it corrects.
      // So does one that states other fields in passing (「王磊，电话13837112345」): each fact goes to its own field.
      const passing = read?.kind === 'answers' && (read.items.some((i) => i.extra) || !!read.notes?.length);
      // 「同单位地址」 typed into the project address's card before the 单位地址 is given points at nothing: asked back as in the chat.
      const pointsAtNothing = msg.questionId.startsWith('form.') && pointsAtUnanswered(this.runtime.kb.data, answers, msg.questionId, msg.value);
      // A form figure the reader will not take (「集团合并报表是85亿，我们公司是…」 with no own figure) is asked
      // back as in the chat, never stored as whatever figure the number reader finds first.
      // So is one it reads otherwise than the number reader (the enterprise's own figure beside the group's).
      const formFigure = pending?.kind === 'number' && msg.questionId.startsWith('form.');
      const unreadFigure = formFigure && (read?.kind === 'unclear' || (read?.kind === 'answers' && read.items.length === 1 && read.items[0]!.value !== parseNumber(msg.value, pending.unit)?.value));
      if (read && (passing || unreadFigure || read.kind === 'question' || (read.kind === 'answers' && read.asks) || (read.kind === 'unclear' && (read.reason === 'instruction' || read.reason === 'greeting' || read.reason === 'ghostwrite' || read.reason === 'previous' || read.reason === 'fieldHelp')) || pointsAtNothing)) {
        return this.turn(sessionId, { type: 'text', clientId: msg.clientId, text: msg.value.trim().slice(0, 2000), ...(msg.pending !== undefined ? { pending: msg.pending } : {}) });
      }
      // 「先跳过」「不清楚」 typed into the field skips the question, as the same words in the chat do:
      // stored as its value they would name a county 「先跳过」 or fail the credit-code check.
      // 「这一部分都先跳过」 typed there puts off the part of the form it points at, as in the chat.
      if (read?.kind === 'answers' && read.items.length === 1 && read.items[0]!.questionId === msg.questionId && read.items[0]!.value === null) {
        msg = { ...msg, value: null, ...(read.wholeGroup ? { wholeGroup: true, ...(read.section ? { section: read.section } : {}) } : {}) };
      }
    }

    if (msg.type === 'edits') return this.editAll(sessionId, msg, answers);

    if (msg.type === 'answer' || msg.type === 'edit') {
      // 「预计明年六月完工」 saved from the form view's date box: its year counted from the session's day, as in the chat.
      const dated = typeof msg.value === 'string' && msg.questionId.startsWith('form.') ? await this.datedReply(sessionId, msg.questionId, msg.value) : undefined;
      const given = this.givenValue(answers, msg.questionId, msg.value, dated?.text);
      if ('refused' in given) return this.send({ type: 'error', code: errorCode(given.refused), message: given.refused, clientId: msg.clientId });
      const roundFigure = given.roundFigure;
      msg = { ...msg, value: given.value };
      const applied = msg.type === 'answer' && msg.wholeGroup && msg.value === null ? rules.skipGroup(answers, msg.questionId, msg.section) : rules.apply(answers, msg.questionId, msg.value);
      if (!applied.ok) return this.send({ type: 'error', code: errorCode(applied.error), message: applied.error, clientId: msg.clientId });
      const marked = given.underway === undefined ? applied.answers : markUnderway(applied.answers, msg.questionId, given.underway);
      const res = { ...applied, answers: roundFigure === undefined ? marked : markApproximate(marked, msg.questionId, roundFigure) };
      const text = msg.type === 'edit' ? phrases.entryEdit(res.recorded) : phrases.entryAnswer(res.recorded, msg.value === null);
      if (!(await this.commit(sessionId, msg.clientId, text, res.answers))) return;
      if (res.recorded.length) this.send({ type: 'recorded', items: res.recorded });
      // An edit made in 我的回答 (or an upload's reading taken) is confirmed in the chat as a change typed there is,
      // with what it replaced, and the reply is stored with the transcript, so a reload shows it too.
      if (msg.type === 'edit' && res.recorded.length) await this.say(sessionId, this.confirmChange(res.recorded, answers), []);
      if (roundFigure !== undefined && msg.questionId.startsWith('form.')) await this.say(sessionId, phrases.approximate, []);
      const letGo = workshopNameLetGo(answers, res.answers);
      if (letGo) await this.say(sessionId, letGo, []);
      if (res.newlyBlocking.length) await this.warn(sessionId, msg.questionId, res.newlyBlocking, answers);
      const after = this.step(res.answers);
      await this.confirmUnblocked(sessionId, answers, after);
      await this.sayVerdict(sessionId, this.step(answers), after);
      return this.sendState(sessionId, res.answers, after, true);
    }

    // Free text: an answer in words, or a question about the notice.
    const before = this.step(answers);
    const ctx = this.context(sessionId, before.question, answers);
    // With nothing pending, text may still change an answer ("其实我们没有MES"), so it is read too.
    // 「同上」「跟前面一样」 to a form question stand for an answer already given, which only the answers can say.
    // So do a correction of part of an answer (「地址不是18号，应该是16号」) and a month after a year asked back for it.
    const data = this.runtime.kb.data;
    // 「要」「嗯，改吧」 or 「不用」「先不改」 right after the interview asked back whether to switch answer that asking; any
    // other reply leaves it, and is read as it would be.
    const switchAsked = await this.takeSwitch(sessionId, before.question?.id ?? null);
    // 「要」 or 「不用」 right after being asked whether a bare yes meant to change the item answered no before.
    const offer = await this.takeFlip(sessionId);
    const flip = offer && offer.asked === before.question?.id ? offer : undefined;
    const flipSaid = flip && msg.mode !== 'qa' ? rules.switchReply?.(msg.text) : undefined;
    if (flip && flipSaid === 'confirm') return this.turn(sessionId, { type: 'edit', clientId: msg.clientId, questionId: flip.questionId, value: flip.value ?? true });
    if (flip && flipSaid === 'decline') {
      if (!(await this.commit(sessionId, msg.clientId, msg.text, undefined))) return;
      await this.say(sessionId, phrases.flipKept(before.question), []);
      return this.closeTurn(before, ctx);
    }
    const switchSaid = switchAsked && msg.mode !== 'qa' ? rules.switchReply?.(msg.text) : undefined;
    if (switchAsked && switchSaid === 'confirm') return this.categoryTurn(sessionId, msg.clientId, msg.text, switchAsked, answers, before, ctx);
    if (switchAsked && switchSaid === 'decline') return this.keepCategory(sessionId, msg.clientId, msg.text, answers, before, ctx);
    // 「好的开始吧」「嗯嗯 继续」: agreeing to go on is no answer to the item waiting (好的 would read as its yes); it is asked.
    // The form's gate asks just that (「是否现在继续填写申报书信息？」): there 「继续」「好，开始吧」 are its answer, read below.
    if (msg.mode !== 'qa' && before.question && before.question.id !== GATE && rules.startsOnly?.(msg.text)) {
      if (!(await this.commit(sessionId, msg.clientId, msg.text, undefined))) return;
      // Said back, so the go-ahead is seen to be heard: the item waiting is asked again by name.
      await this.say(sessionId, phrases.goOnAck(before.question), []);
      return this.closeTurn(before, ctx);
    }
    // 「好的」「嗯」 right after turning from 政策问答 to 申报评估 acknowledge the switch: the item waiting is asked, by name,
    // so the nod is not taken for its yes.
    // So does one right after a reply that went aside from the item (a question answered, the category switched).
    if ((afterQa || afterAside) && before.question && rules.acksOnly?.(msg.text)) {
      if (!(await this.commit(sessionId, msg.clientId, msg.text, undefined))) return;
      await this.say(sessionId, (afterQa ? phrases.switchAck : phrases.asideAck)(before.question, clipQuote(msg.text, 20)), []);
      return this.closeTurn(before, ctx);
    }
    // 「记入」 after facts were offered from a question: those still unanswered are recorded, in either tab.
    if (rules.acceptsOffer?.(msg.text) && (await this.heldOffers(sessionId)).size) return this.takeOffered(sessionId, msg.clientId, msg.text, answers);
    // 「这个在哪查」「这个咋填」 ask about the item waiting, in the tab that shows it: answered about it, nothing recorded.
    const about = msg.mode !== 'qa' && before.question && (msg.pending === undefined || msg.pending === before.question.id) ? askAboutPending(data.interview.vocabulary.aboutPending, msg.text) : undefined;
    if (about && before.question) return this.answerAboutItem(sessionId, msg.clientId, msg.text, before, ctx, about);
    // 「有的」「是的，其实有」 where the item waiting takes no yes (a name, a figure, a date): it speaks of the item answered
    // no just before, which is offered to change; nothing is stored as the waiting item's value.
    const lateYes = msg.mode !== 'qa' && before.question && !['yesNo', 'yesNoPartial', 'choice'].includes(before.question.kind) && rules.yesOnly?.(msg.text);
    // 「其实有的」「刚才说错了，有的」 at a yes-or-no item: the correction word points back as much as the yes answers the item
    // waiting, so with an earlier item answered no, it is asked which is meant and nothing is stored.
    const correcting = msg.mode !== 'qa' && (before.question?.kind === 'yesNo' || before.question?.kind === 'yesNoPartial') && rules.correctedYes?.(msg.text);
    const saidNo = lateYes || correcting ? await this.previousNo(sessionId, answers, before.question) : undefined;
    if (saidNo && before.question) {
      if (!(await this.commit(sessionId, msg.clientId, msg.text, undefined))) return;
      await this.deps.store.putDoc(sessionId, FLIP_DOC, { questionId: saidNo.questionId, asked: before.question.id } satisfies FlipOffer);
      await this.say(sessionId, (correcting ? phrases.flipWhich : phrases.flipOffer)(clipQuote(msg.text, 20), saidNo.label, before.question), []);
      return this.closeTurn(before, ctx);
    }
    // 「我们这条件评得上吗」 while the interview goes on: the assessment as it stands is said, and the item waiting is asked again.
    if (msg.mode !== 'qa' && before.question && rules.asksVerdict?.(msg.text)) return this.verdictSoFar(sessionId, msg.clientId, msg.text, answers, before, ctx);
    // 「申报方向改成离散型智能工厂」「要是改报智能工厂，我们够不够格？」 once the interview has begun: the category applied
    // for is changed, or the rules' own assessment of the one named is said; neither is a question for the notice's answers.
    const request = msg.mode !== 'qa' && Object.keys(answers).length > 0 ? rules.categoryRequest?.(msg.text) : undefined;
    // 「没有，今年就报工厂」 to whether another application is made this year: before a category is chosen there is
    // none to switch from, and a switch to the one already chosen, said beside other clauses, changes nothing; the
    // reply is read for the question it answers, and the category said in it is taken as said in passing.
    const scopeSaid = request?.kind === 'switch' ? request.answers[0] : undefined;
    const held = scopeSaid === undefined ? undefined : answers[scopeSaid.questionId];
    const restated =
      scopeSaid !== undefined && (held === undefined || held === null || (held === scopeSaid.value && /[，,。；;\s]/u.test(msg.text.trim().replace(/[。！!？?～~\s]+$/u, ''))));
    if (request && !restated) return this.categoryTurn(sessionId, msg.clientId, msg.text, request, answers, before, ctx);
    const pendingForm = msg.mode !== 'qa' && before.question?.id.startsWith('form.') ? before.question.id : undefined;
    // 「去年十月」 to a date: its year counted from the session's day, as the form view's box counts it, and read back.
    let dated = pendingForm ? await this.datedReply(sessionId, pendingForm, msg.text) : undefined;
    // 「建设完成日期改一下，预计明年六月完工」 while another form question waits: the date field it takes back counts its year
    // from the same day, and is read back so; the question waiting stays.
    let datedField = pendingForm;
    // Only such a reply costs the read of the session's day: any day tells whether it is one.
    if (pendingForm && !dated && correctedDate(data, msg.text, '2000-01-01')) {
      const today = await sessionDay(this.deps.store, sessionId);
      const fix = correctedDate(data, msg.text, today);
      if (fix && today) {
        dated = { text: fix.text, said: fix.said, today };
        datedField = fix.questionId;
      }
    }
    const yearSaid = pendingForm && this.askedBack?.id === pendingForm ? this.askedBack.said : undefined;
    // 「去年」 asked back for its month, then 「3月份」: the year counted from the session's day, as 「去年3月份」 said at once is.
    const yearDay = pendingForm && yearSaid && datedReply(data, pendingForm, yearSaid, '2000-01-01') ? await sessionDay(this.deps.store, sessionId) : undefined;
    const monthAfter = pendingForm && yearSaid ? monthAfterYear(data, pendingForm, yearSaid, msg.text, yearDay) : undefined;
    if (monthAfter && yearDay && yearSaid) dated = { text: msg.text, said: `${yearSaid.trim()}${msg.text.trim()}`, today: yearDay };
    // 「是」 to 「…如果全车间就是这些，请回复“40台”」 sends the value offered; to an ask-back offering several it asks which.
    const offers = pendingForm && this.askedBack?.id === pendingForm ? this.askedBack.offers : undefined;
    // What was offered holds for the very next reply only: a turn that is not asked back again leaves none.
    if (this.askedBack?.offers) this.askedBack = { id: this.askedBack.id, times: this.askedBack.times, ...(this.askedBack.said ? { said: this.askedBack.said } : {}) };
    const same = pendingForm
      ? (offers && before.question ? yesToOffer(data, before.question, offers, msg.text) : undefined) ?? sameAsEarlier(data, answers, pendingForm, msg.text) ?? editOfAnswer(data, answers, pendingForm, msg.text) ?? reassignedLines(data, answers, msg.text) ?? (yearSaid ? monthAfter ?? figureAfterSameYears(data, pendingForm, yearSaid, msg.text) : undefined)
      : undefined;
    // A reply naming an answered item with a new value changes that item, whatever question waits; the rules decide it before any model reads the text.
    const named = msg.mode !== 'qa' && !same ? rules.correctNamed?.(msg.text, before.question, answers) : undefined;
    // 「有ERP。上一个说错了，其实有」: the reply to the pending question comes first, then a correction of the answer before;
    // each part is read for its own question, so neither is lost.
    const split = msg.mode !== 'qa' && !same && !named && before.question ? previousCorrectionAfter(data, msg.text) : undefined;
    let interp: Interpretation = msg.mode === 'qa' ? { kind: 'question' } : same ?? named ?? (await this.extract(split?.head ?? dated?.text ?? msg.text, ctx));
    if (split && interp.kind !== 'question') {
      const fix = this.correctPrevious(split.tail, answers, before.question, (await this.previousAsked(sessionId, answers))?.id);
      if (fix.kind === 'answers') {
        const own = interp.kind === 'answers' ? interp.items.filter((i) => !fix.items.some((f) => f.questionId === i.questionId)) : [];
        interp = { ...(interp.kind === 'answers' ? interp : {}), kind: 'answers', items: [...own, ...fix.items.map(({ extra: _extra, ...i }) => i)] };
      } else if (interp.kind !== 'answers') interp = fix;
    }
    // Typed while this tab showed another question than the one waiting (another tab answered it): a reply read for the
    // waiting question would be filed under an item the user never saw. A question about the notice is still answered,
    // and a reply naming the answered item it changes still changes it.
    const stale = msg.mode !== 'qa' && msg.pending !== undefined && msg.pending !== (before.question?.id ?? null);
    if (stale && interp.kind !== 'question' && !(named && named === interp)) return this.refuseStale(sessionId, msg.clientId, msg.text, msg.pending ?? null, answers);
    // A correction of the answer before (「前面那题改成没有」) leaves the question waiting unanswered: it is asked again by name.
    let tookBack = split !== undefined && interp.kind === 'answers' && !interp.items.some((i) => i.questionId === before.question?.id);
    if (interp.kind === 'unclear' && interp.reason === 'previous') {
      interp = this.correctPrevious(msg.text, answers, before.question, (await this.previousAsked(sessionId, answers))?.id);
      tookBack = interp.kind === 'answers';
    }
    // 「前面说过了」 to a figure that the reply does not give: it is taken from the latest earlier reply that gave it, and
    // that reply is quoted; when none did, the user hears so rather than a bare 「没能确定答案」.
    let fromEarlier: string | undefined;
    let notSaidBefore = false;
    if (msg.mode !== 'qa' && before.question?.kind === 'number' && interp.kind === 'unclear' && rules.saidBefore?.(msg.text)) {
      const said = (await store.transcriptAfter(sessionId, 0)).filter((e) => e.role === 'user').map((e) => e.text).reverse();
      const found = rules.earlierAnswer?.(said, before.question, answers);
      if (found) {
        interp = { kind: 'answers', items: [{ questionId: found.questionId, value: found.value, ...(found.approx ? { approx: true as const, said: found.said } : {}) }] };
        fromEarlier = clipQuote(found.said, 40);
      } else notSaidBefore = true;
    }

    if (interp.kind === 'answers') {
      let next = answers;
      const recorded: Recorded[] = [];
      const blocking: { clause: string; reason: string; remedy?: string; questionId: string }[] = [];
      let rejected = 0;
      let refusal: string | undefined;
      let approx: boolean | 'date' = false;
      // Fields stated in passing, besides the one asked: what was recorded, left as it was, refused or only noted.
      const passing = { recorded: [] as Recorded[], kept: [] as Recorded[], refused: [] as string[], notes: interp.notes ?? [] };
      // A yes or no said in passing against one given before (「只报一个」 after 另有申报 是) is not taken by the way, but
      // offered: 「要」 changes it.
      const keptFlips: { questionId: string; value: boolean }[] = [];
      // Fields said in passing that already hold the value said: the reply spoke of them, not of the question waiting.
      const same: Recorded[] = [];
      // Stories added to (「发展历程再补充一句：…」): said as an addition, with the words added, not as a replacement.
      const appended = new Map<string, string>();
      for (const said of interp.items) {
        // A fact a story's field takes in passing (研发投入 for 研发队伍…) adds to the story it holds, once.
        const earlier = answers[said.questionId];
        const adds = said.adds && typeof earlier === 'string' && earlier.trim() !== '' && typeof said.value === 'string';
        // A story that ends its sentence goes on with the new one; one that does not is joined with 「；」.
        const joined = adds ? (/[。！!]\s*$/u.test(earlier) ? earlier.trimEnd() : `${earlier.replace(/[\s；;，,]+$/u, '')}；`) : '';
        // Words the story already holds are not added twice, and never replace it.
        const item = adds ? { ...said, value: earlier.includes(said.value as string) ? earlier : `${joined}${said.value as string}` } : said;
        if (adds && item.value !== earlier) appended.set(said.questionId, said.value as string);
        // A field said in passing fills only one still unanswered (a skipped one included): an answer already
        // given is changed by editing it, never by the way, and the user hears it was left as it was.
        // A reply that answers nothing of the question waiting and speaks of systems alone (「MES正在上，下个月才上线」)
        // is about them: what it says of each now replaces the earlier answer, read back with what it replaced.
        const restates = item.extra && item.questionId.startsWith('cap.') && !interp.items.some((i) => !i.extra);
        if (item.extra && earlier !== undefined && earlier !== null && !(adds && item.value !== earlier) && !(restates && earlier !== item.value)) {
          const shown = rules.describe(answers).find((r) => r.questionId === item.questionId);
          if (shown && earlier !== item.value) {
            passing.kept.push(shown);
            if (typeof item.value === 'boolean' && typeof earlier === 'boolean') keptFlips.push({ questionId: item.questionId, value: item.value });
          }
          else if (shown) same.push(shown);
          continue;
        }
        const res = interp.wholeGroup && item.value === null ? rules.skipGroup(next, item.questionId, interp.section) : rules.apply(next, item.questionId, item.value as AnswerValue);
        if (!res.ok) {
          // A field said in passing that fails its check is not recorded, and the user hears why.
          if (item.extra) {
            passing.refused.push(res.error);
            continue;
          }
          rejected++;
          if (item.questionId === before.question?.id) refusal ??= res.error;
          continue;
        }
        // A round figure (「大概两百人」) is kept with the words typed: the assessment may use it, the signed form asks for the exact one.
        next = item.approx && (typeof item.value === 'number' || item.questionId.startsWith('form.')) ? markApproximate(res.answers, item.questionId, item.said ?? msg.text) : res.answers;
        // 「还在建」 at a completion date: the project is kept as under way, beside the date planned or none yet.
        if (item.underway) next = markUnderway(next, item.questionId, item.said ?? msg.text);
        // 「APC在精馏工段用了」: what a reply to the capability asked says beyond its yes is kept with it, for the form to
        // state; an answer given again without it drops the old words, which may no longer hold.
        // A capability taken back to no by another reply loses its words too.
        // A system being built keeps its words too: where it stands and when it is due (「MES在调试，预计6月上线」).
        const inPlace = item.value === true || item.value === 'partial' || item.value === 'building';
        const own = item.questionId === before.question?.id && !interp.asks;
        if (!item.extra && item.questionId.startsWith('cap.') && (own || !inPlace)) {
          next = withDetail(next, item.questionId, own && inPlace ? detailOf(data, split?.head ?? msg.text) : undefined);
        }
        // 「是，去年评上了国家级绿色工厂」: the words beside the yes to the 节能减排 question are kept, for the titles they name.
        if (!item.extra && item.questionId === 'ent.greenPriority' && own) {
          next = withDetail(next, item.questionId, item.value === true ? detailOf(data, split?.head ?? msg.text) : undefined);
        }
        // 「全厂260台设备，联网221台」: the counts a ratio was given as are kept as typed, for the form to state them with the
        // share they give; a ratio given again without counts drops them, as they may no longer hold.
        if (!item.extra && item.questionId.startsWith('metric.') && own) {
          const reply = split?.head ?? msg.text;
          next = withDetail(next, item.questionId, equipmentCountsOf(data.interview.vocabulary, reply) ? reply.trim().slice(0, 200) : undefined);
        }
        // A round figure or a range of the form is confirmed in the words typed (「1500-2000万」), not as the
        // figure kept for the assessment (1500万元), which would read as if that figure had been given.
        const asSaid = item.approx && item.questionId.startsWith('form.') ? clipQuote(item.said ?? msg.text, 40) : undefined;
        // An interview figure given round (「联网的大概一半多点」) is read back as round, with the words typed, so it is not
        // taken for an exact figure the user never gave.
        const roundShown = item.approx && typeof item.value === 'number' && !item.questionId.startsWith('form.') ? (d: string) => phrases.approxFigure(d, item.said ?? msg.text) : undefined;
        const underway = item.underway && item.value === null ? underwayShown(data, item.questionId) : undefined;
        const shown = asSaid ? () => asSaid : underway ? () => underway : roundShown;
        recorded.push(...(shown ? res.recorded.map((r) => (r.questionId === item.questionId ? { ...r, display: shown(r.display) } : r)) : res.recorded));
        if (item.extra && !appended.has(item.questionId) && (earlier === undefined || earlier === null)) passing.recorded.push(...res.recorded);
        if (item.approx && item.questionId.startsWith('form.')) approx = typeof item.value === 'string' ? (approx === true ? true : 'date') : true;
        blocking.push(...res.newlyBlocking.map((b) => ({ ...b, questionId: item.questionId })));
      }
      if (recorded.length > 0) {
        if (!(await this.commit(sessionId, msg.clientId, msg.text, next))) return;
        this.send({ type: 'recorded', items: recorded });
        // A changed answer is read back with what it replaced: 「刚才记录错了…请改成“是”」 must be seen to have taken.
        const replaced = recorded.some((r) => answers[r.questionId] !== undefined && answers[r.questionId] !== null);
        const wasShown = new Map(replaced ? rules.describe(answers).map((r) => [r.questionId, r.display]) : []);
        let confirm = phrases.recorded(recorded, wasShown, appended);
        if (fromEarlier) confirm += phrases.fromEarlier(fromEarlier);
        const datedShown = dated ? recorded.find((r) => r.questionId === datedField && r.value !== null) : undefined;
        if (dated && datedShown) confirm += datedEcho(data, 'relativeDate', dated.said, datedShown.display, dated.today);
        // 「明年十月」「2027年10月」 as the completion date: recorded, with the note that it is still to come or after the
        // notice's deadline and what the notice says of that. A date planned for work under way is no such date.
        // Any date the form states as done is dated against a day long past to find it; only then is the session's day read.
        const doneDates = recorded.filter((r) => !underwayMarked(next, r.questionId) && lateDateNote(data, r.questionId, r.value, '1900-01-01'));
        const lateDay = doneDates.length ? (dated?.today ?? (await sessionDay(this.deps.store, sessionId))) : undefined;
        for (const r of doneDates) confirm += lateDateNote(data, r.questionId, r.value, lateDay) ?? '';
        // 「去年营收1.2亿」: the calendar year the figure was stored as, said back, as the form's years are the notice's.
        const yearly = recorded.filter((r) => r.questionId.startsWith('form.finance.')).map((r) => r.questionId);
        const figureDay = yearly.length ? (dated?.today ?? lateDay ?? (await sessionDay(this.deps.store, sessionId))) : undefined;
        if (figureDay) confirm += figureYearEcho(data, split?.head ?? msg.text, yearly, figureDay) ?? '';
        confirm += phrases.passing(passing) + (keptFlips.length === 1 ? phrases.keptFlipOffer(keptFlips[0]!.value) : '');
        confirm += workshopNameLetGo(answers, next);
        // 「去年亏了点」: an item left to confirm from what was said is told what the bureau judges and what to check.
        for (const r of recorded) {
          const note = r.value === null ? indexOf(data).questions.get(r.questionId)?.unsureNote : undefined;
          if (note) confirm += note;
        }
        if (rejected) confirm += phrases.partlyUnclear(rejected);
        if (approx) confirm += approx === 'date' ? phrases.approximateDate : phrases.approximate;
        // A form field put off (「这个以后再说」, a whole part with 「这块先不填」) is said with where to fill it in later.
        if (recorded.every((r) => r.value === null && r.questionId.startsWith('form.')) && !interp.items.some((i) => i.underway)) confirm += phrases.skippedForLater;
        await this.say(sessionId, confirm, []);
        // 「没有立体库，必须要有吗」: the answer part is stored above, and the question is answered as any question is.
        if (interp.asks) await this.answerQuestion(sessionId, msg.text, ctx);
        // 「有，用的是金蝶的MES和ERP」 to the LIMS question: the systems are recorded above, and the question still
        // waiting is asked again with what was heard.
        const left = interp.pendingLeft;
        if (left && before.question && !recorded.some((r) => r.questionId === before.question!.id)) {
          await this.say(
            sessionId,
            left.reason === 'whichWorkshop' ? phrases.whichWorkshop(before.question, left.choices)
            : left.reason === 'applyingUnit' ? phrases.applyingUnitKept(before.question, left.choices[0] ?? '', this.askedName(before))
            : left.reason === 'notRead' ? phrases.pendingNotRead(before.question, left.choices[0] ?? '')
            : left.reason === 'wrongKind' ? phrases.wrongKind(before.question, left.choices, left.field)
            : phrases.lookalike(before.question, left.choices, this.askedName(before), this.plainOf(before)),
            [],
          );
        }
        const hard = blocking.filter((b) => !b.questionId.startsWith('form.'));
        const flags = blocking.filter((b) => b.questionId.startsWith('form.'));
        // 「我们想报智能工厂」 to the 另有申报 question records the category only: the interview question still waiting is
        // asked again by name. Not after a correction of an earlier answer, nor when what was recorded moved the interview on.
        const after = this.step(next);
        if (keptFlips.length === 1 && after.question) await this.deps.store.putDoc(sessionId, FLIP_DOC, { ...keptFlips[0]!, asked: after.question.id } satisfies FlipOffer);
        const waits = !!before.question && after.question?.id === before.question.id && !recorded.some((r) => r.questionId === before.question!.id);
        // 「建设完成日期改一下，…」 while another form question waits: an earlier answer changed, the one waiting is asked again.
        const askAgain = before.question?.id.startsWith('form.') ? replaced : !left && (!replaced || tookBack) && !hard.length;
        if (waits && askAgain) await this.say(sessionId, phrases.pendingStill(before.question), []);
        if (hard.length) await this.warn(sessionId, hard[0]!.questionId, hard, answers);
        if (flags.length) await this.warn(sessionId, flags[0]!.questionId, flags, answers);
        await this.confirmUnblocked(sessionId, answers, after);
        await this.sayVerdict(sessionId, before, after);
        return this.sendState(sessionId, next, after, true);
      }
      // 「视频最大两百兆对不对」 to the city question: a statement asked about that the pending question's check
      // refuses was no answer to it, only the statement the question is about; it is answered as any question is.
      if (interp.asks && refusal !== undefined && rejected === interp.items.filter((i) => !i.extra).length && !passing.recorded.length) {
        interp = { kind: 'question' };
      }
      // The pending question's answer was read but refused by its check, or the reply only said in passing
      // what could not be recorded: the user hears why, nothing is recorded.
      const passingSaid = phrases.passing(passing);
      const interviewPending = before.question && !before.question.id.startsWith('form.') ? before.question : null;
      if (interp.kind !== 'question' && (refusal !== undefined || passingSaid)) {
        if (!(await this.commit(sessionId, msg.clientId, msg.text, undefined))) return;
        // Fields left as they were are no answer to the interview question waiting, which is asked again by name; a form
        // question the reply was of another kind for (an address at the credit code) says so.
        const wrong = interp.pendingLeft?.reason === 'wrongKind' ? phrases.wrongKind(before.question, interp.pendingLeft.choices, interp.pendingLeft.field) : undefined;
        const again = refusal !== undefined ? phrases.notAccepted(before.question, refusal) : (wrong ?? phrases.pendingStill(interviewPending));
        const offer = keptFlips.length === 1 && before.question ? keptFlips[0]! : undefined;
        if (offer && before.question) await this.deps.store.putDoc(sessionId, FLIP_DOC, { ...offer, asked: before.question.id } satisfies FlipOffer);
        await this.say(sessionId, passingSaid + (offer ? phrases.keptFlipOffer(offer.value) : '') + again, []);
        return this.closeTurn(before, ctx);
      }
      // 「失信名单没有」 to the tax list's question, the 失信 list already answered so: the reply names its topic, and the
      // topic is an answered question, not the one waiting. It is said which one it was taken for, and nothing is stored.
      if (interp.kind === 'answers' && same.length && rejected === 0 && interviewPending) {
        if (!(await this.commit(sessionId, msg.clientId, msg.text, undefined))) return;
        await this.say(sessionId, phrases.otherTopic(interviewPending, msg.text, same), []);
        if (interp.asks) await this.answerQuestion(sessionId, msg.text, ctx);
        return this.closeTurn(before, ctx);
      }
      // Nothing usable came out: fall through to "unclear" with the entry stored as said. A reply of another kind than
      // the field wants (an address at the credit code, that address already given) is asked back as such.
      if (interp.kind === 'answers' && interp.pendingLeft?.reason === 'wrongKind') interp = { kind: 'unclear', reason: 'wrongKind', choices: interp.pendingLeft.choices, ...(interp.pendingLeft.field ? { field: interp.pendingLeft.field } : {}) };
    }

    // A model speaker may start its answer during the durable write; nothing is sent before the ack.
    const early = qaEarly ?? (interp.kind === 'question' ? this.runtime.speaker.prepare?.(msg.text, ctx) : undefined);
    if (!(await this.commit(sessionId, msg.clientId, msg.text, undefined))) return early?.cancel();
    // 「我想申报 帮我评估一下」 in 政策问答 asks for the interview, not for a clause: it is offered with the question it starts from.
    if (interp.kind === 'question' && msg.mode === 'qa' && isAssessmentRequest(this.runtime.kb.data, msg.text)) {
      early?.cancel();
      await this.say(sessionId, phrases.assessmentOffer(before.question), []);
      await this.offerFacts(sessionId, msg.text, answers);
      if (before.question) this.send({ type: 'question', question: await this.phrase(before.question, ctx), progress: before.progress });
      return;
    }
    if (interp.kind === 'question') {
      this.wentAside = msg.mode !== 'qa';
      await this.answerQuestion(sessionId, msg.text, ctx, early);
      if (msg.mode === 'qa') await this.offerFacts(sessionId, msg.text, answers);
      if (before.question) {
        const q = await this.phrase(before.question, ctx);
        // In 政策问答 the pending question is not pushed: a user who never started the
        // interview hears nothing about it, one who did gets a hint. The card is still sent
        // (the client shows it only in 申报评估) so switching back finds the right question.
        if (msg.mode !== 'qa') await this.say(sessionId, phrases.backTo, []);
        else if (Object.keys(answers).length > 0 && !this.qaHinted) {
          this.qaHinted = true;
          await this.say(sessionId, phrases.qaBackHint, []);
        }
        this.send({ type: 'question', question: q, progress: before.progress });
      } else if (msg.mode !== 'qa') await this.closeTurn(before, ctx);
      return;
    }
    const reason = interp.kind === 'unclear' ? interp.reason : undefined;
    // 「这三年都一样」 with no figure: the years are taken as alike, and the one figure they share is what is asked.
    const alike = reason === 'bare' && before.question?.kind === 'number' && sameYearsAlone(this.runtime.kb.data, before.question.id, msg.text);
    const reply =
      notSaidBefore && before.question ? phrases.notSaidBefore(before.question)
      : alike && before.question ? fill(this.runtime.kb.data.formQuestions.messages.sameYearsFigure, { said: clipQuote(msg.text, 20), unit: before.question.unit ? `（${before.question.unit}）` : '' })
      : reason === 'greeting' ? phrases.greeting(before.question)
      : reason === 'instruction' ? phrases.instruction(before.question)
      : reason === 'ghostwrite' ? phrases.ghostwrite(before.question)
      : reason === 'notAnAnswer' ? phrases.notAnAnswer(before.question)
      : reason === 'lookalike' && interp.kind === 'unclear' && interp.field?.startsWith('ent.credit.') && before.question ? phrases.lookalikeStanding(before.question, interp.choices ?? [])
      : reason === 'lookalike' && interp.kind === 'unclear' ? phrases.lookalike(before.question, interp.choices ?? [], this.askedName(before), this.plainOf(before))
      : reason === 'hedge' && interp.kind === 'unclear' ? phrases.hedge(before.question, interp.choices ?? [], interp.field)
      : reason === 'whichWorkshop' && interp.kind === 'unclear' ? phrases.whichWorkshop(before.question, interp.choices ?? [])
      : reason === 'applyingUnit' && interp.kind === 'unclear' ? phrases.applyingUnit(before.question, interp.choices?.[0] ?? '', this.askedName(before))
      : reason === 'narrowScope' && interp.kind === 'unclear' ? phrases.narrowScope(before.question, interp.choices ?? [])
      : reason === 'severalChoices' && interp.kind === 'unclear' ? phrases.severalChoices(before.question, interp.choices ?? [])
      : reason === 'otherCategory' && interp.kind === 'unclear' ? phrases.otherCategory(before.question, interp.choices ?? [])
      : reason === 'otherItem' && interp.kind === 'unclear' ? phrases.otherItem(before.question, interp.choices ?? [], interp.field)
      : reason === 'otherEntity' && interp.kind === 'unclear' ? phrases.otherEntity(before.question, interp.choices ?? [], interp.field)
      : reason === 'bare' && interp.kind === 'unclear' ? phrases.bare(before.question, msg.text, interp.field)
      : reason === 'percentOrFraction' && interp.kind === 'unclear' ? phrases.percentOrFraction(before.question, interp.choices ?? [], interp.field)
      : reason === 'period' && interp.kind === 'unclear' ? phrases.period(before.question, interp.choices ?? [], interp.field)
      : reason === 'wanOrPlace' && interp.kind === 'unclear' ? phrases.wanOrPlace(before.question, interp.choices ?? [], interp.field)
      : reason === 'wrongKind' && interp.kind === 'unclear' ? phrases.wrongKind(before.question, interp.choices ?? [], interp.field)
      : reason === 'otherYear' && interp.kind === 'unclear' ? phrases.otherYear(before.question, interp.choices ?? [], interp.field)
      : reason === 'seriesCount' && interp.kind === 'unclear' ? phrases.seriesCount(before.question, interp.choices ?? [])
      : reason === 'eachYear' && interp.kind === 'unclear' ? phrases.eachYear(before.question, interp.choices ?? [], interp.field)
      : reason === 'parts' && interp.kind === 'unclear' ? phrases.parts(before.question, interp.choices ?? [], interp.field)
      : reason === 'onePart' && interp.kind === 'unclear' ? phrases.onePart(before.question, interp.choices ?? [], interp.field)
      : reason === 'otherTime' && interp.kind === 'unclear' ? phrases.otherTime(before.question, interp.choices ?? [], interp.field)
      : reason === 'yesToWhich' && interp.kind === 'unclear' ? phrases.yesToWhich(before.question, msg.text, interp.choices ?? [])
      : reason === 'sameAsUnknown' && interp.kind === 'unclear' ? phrases.sameAsUnknown(before.question, interp.choices ?? [], interp.field)
      : reason === 'notNamed' && interp.kind === 'unclear' ? phrases.notNamed(before.question, interp.choices ?? [], interp.field)
      : reason === 'fieldHelp' && interp.kind === 'unclear' ? phrases.fieldHelp(before.question, interp.choices ?? [])
      : reason === 'aside' && interp.kind === 'unclear' && before.question ? phrases.asideDropped(before.question, clipQuote(interp.choices?.[0] ?? msg.text, 20))
      : reason === 'unitChanged' && interp.kind === 'unclear' && before.question ? phrases.unitChanged(before.question, clipQuote(interp.choices?.[0] ?? msg.text, 20))
      // Nothing waits because the form was put off (以后再填, skipped): a reply not understood may be a form answer, so
      // how to take the form up again is said.
      : !before.question && answers[GATE] !== undefined && answers[GATE] !== 'now' ? phrases.unclearFormPaused
      : before.question && this.askedBack?.id === before.question.id ? phrases.unclearAgain(before.question, msg.text)
      : phrases.unclear(before.question);
    // Asked back a second time, the same words are unlikely to work: the card's buttons and its skip are named, with
    // the count, so an item stuck on a reply never reads back the same sentence twice in a row.
    // A greeting asked nothing back: the next reply to the item starts its count afresh.
    if (reason === 'greeting') {
      await this.say(sessionId, reply, []);
      if (msg.mode !== 'qa') return this.closeTurn(before, ctx);
      if (before.question) this.send({ type: 'question', question: await this.phrase(before.question, ctx), progress: before.progress });
      return;
    }
    const times = before.question && this.askedBack?.id === before.question.id ? this.askedBack.times + 1 : 1;
    // A year alone asked back for its month is kept, so that 「3月份」 next completes it; so are years said alike with no
    // figure (「这三年都一样」), so that the figure said next fills each of them.
    const offered = before.question?.id.startsWith('form.') && interp.kind === 'unclear' ? offersOf(interp, before.question) : undefined;
    const kept = reason === 'bare' && before.question && (before.question.kind === 'date' || sameYearsAlone(this.runtime.kb.data, before.question.id, msg.text));
    this.askedBack = before.question ? { id: before.question.id, times, ...(kept ? { said: msg.text } : {}), ...(offered?.length ? { offers: offered } : {}) } : undefined;
    const toldBack = reply + (before.question && times >= 2 ? phrases.askedAgain(before.question, times) : '');
    // Only a reply the rules could not read at all is logged for review. A hedge, an instruction or a request to
    // write is read; so is a reply asked back to be confirmed (a lookalike, a figure's unit or span, which
    // workshop) or of another kind than the field wants (a surname and title at a full name): the rules knew
    // what it was and said so, and it is no question for the helpline to answer.
    if (before.question && msg.mode !== 'qa' && (reason === undefined || reason === 'notAnAnswer')) {
      this.deps.logUnread?.(sessionId, { text: msg.text, questionId: before.question.id, clause: before.question.clause ?? '', toldBack }, this.runtime.kb.version);
    }
    await this.say(sessionId, toldBack, []);
    if (msg.mode !== 'qa') return this.closeTurn(before, ctx);
    if (before.question) this.send({ type: 'question', question: await this.phrase(before.question, ctx), progress: before.progress });
  }

  /**
   * The facts a 政策问答 question states of the enterprise, for questions still unanswered and not offered yet, each checked
   * as an answer would be and read back as it would be recorded; nothing is stored until the user takes them.
   */
  private async offerFacts(sessionId: string, text: string, answers: Answers): Promise<void> {
    const { rules } = this.runtime;
    const shown: Recorded[] = [];
    const facts = rules.factsInQuestion?.(text, answers) ?? [];
    const offered = facts.length ? await this.heldOffers(sessionId) : new Map<string, OfferedFact>();
    for (const f of facts) {
      const held = offered.get(f.questionId);
      if (held && held.value === f.value) continue;
      const r = rules.apply(answers, f.questionId, f.value);
      if (!r.ok) continue;
      offered.set(f.questionId, f);
      const own = r.recorded.find((x) => x.questionId === f.questionId);
      if (own) shown.push(f.approx && f.said ? { ...own, display: f.said } : own);
    }
    if (shown.length) {
      await this.keepOffered(sessionId, offered);
      await this.say(sessionId, phrases.factsOffered(shown), []);
    }
  }

  /**
   * The offer to change an earlier 否 made by the last reply, as kept with the session (a reload or another connection
   * finds it), taken away as it is read: it answers the next message only. A stored value that no longer parses is none.
   */
  private async takeFlip(sessionId: string): Promise<FlipOffer> {
    const held = await this.deps.store.getDoc(sessionId, FLIP_DOC);
    if (held === undefined || held === null) return null;
    await this.deps.store.putDoc(sessionId, FLIP_DOC, null);
    const r = FlipOffer.safeParse(held);
    return r.success ? r.data : null;
  }

  /**
   * The switch of category the last reply asked back about, as kept with the session (a reload or another connection finds
   * it), taken away as it is read: it answers the next message only, and only while the question it was asked at waits.
   */
  private async takeSwitch(sessionId: string, waiting: string | null): Promise<CategoryRequest | undefined> {
    const held = await this.deps.store.getDoc(sessionId, SWITCH_DOC);
    if (held === undefined || held === null) return undefined;
    await this.deps.store.putDoc(sessionId, SWITCH_DOC, null);
    const r = SwitchOffer.safeParse(held);
    return r.success && r.data && r.data.asked === waiting ? { kind: 'switch', answers: r.data.answers } : undefined;
  }

  /** The facts offered and not yet taken, as kept with the session (an old session without them has none). */
  private async heldOffers(sessionId: string): Promise<Map<string, OfferedFact>> {
    const r = OfferedFacts.safeParse((await this.deps.store.getDoc(sessionId, OFFERED_DOC)) ?? []);
    return new Map((r.success ? r.data : []).map((f) => [f.questionId, f]));
  }

  /**
   * Facts of the enterprise said in 政策问答 questions (「我们是做乳制品的，有380人，能报吗」) are offered to the interview and
   * the form and kept with the session until the user takes them (「记入」): a question is never stored as an answer unasked.
   */
  private async keepOffered(sessionId: string, offered: Map<string, OfferedFact>): Promise<void> {
    const valid = [...offered.values()].filter((f) => OfferedFacts.element.safeParse(f).success);
    await this.deps.store.putDoc(sessionId, OFFERED_DOC, valid);
  }

  /** 「记入」: the offered facts still unanswered are recorded as answers given, and the interview goes on from them. */
  private async takeOffered(sessionId: string, clientId: string, text: string, answers: Answers): Promise<void> {
    const { rules } = this.runtime;
    let next = answers;
    const recorded: Recorded[] = [];
    for (const f of (await this.heldOffers(sessionId)).values()) {
      if (next[f.questionId] !== undefined) continue;
      const r = rules.apply(next, f.questionId, f.value);
      if (!r.ok) continue;
      next = f.approx ? markApproximate(r.answers, f.questionId, f.said ?? text) : r.answers;
      recorded.push(...r.recorded.map((x) => (x.questionId === f.questionId && f.approx && f.said ? { ...x, display: f.said } : x)));
    }
    await this.keepOffered(sessionId, new Map());
    const before = this.step(answers);
    if (!recorded.length) {
      if (!(await this.commit(sessionId, clientId, text, undefined))) return;
      await this.say(sessionId, phrases.factsOfferedGone, []);
      return this.closeTurn(before, this.context(sessionId, before.question, answers));
    }
    if (!(await this.commit(sessionId, clientId, text, next))) return;
    this.send({ type: 'recorded', items: recorded });
    await this.say(sessionId, phrases.recorded(recorded), []);
    const after = this.step(next);
    await this.sayVerdict(sessionId, before, after);
    return this.sendState(sessionId, next, after, true);
  }

  /**
   * A change of the category applied for is recorded and read back with what it replaced, and how the enterprise fares
   * under the new one against the old (met, unmet and unanswered element conditions, from the rules' assessment). A
   * question of how it would fare (「够不够格」) or whether to switch (「改报智能车间是不是更稳妥？」) gets the same comparison
   * and records nothing: the first says how to switch, the second asks back whether to.
   */
  private async categoryTurn(sessionId: string, clientId: string, text: string, request: CategoryRequest, answers: Answers, before: Step, ctx: SpeakContext): Promise<void> {
    const { rules, kb } = this.runtime;
    const label = (c: Category) => kb.data.elements.categories[c]?.label ?? c;
    const current = rules.categoryFit?.(answers);
    const asked = rules.categoryFit?.(withCategory(answers, request));
    const scope = request.answers[0]!;
    const same = answers[scope.questionId] === scope.value && (!asked || asked.category === current?.category);
    this.wentAside = true;
    if (request.kind !== 'switch' || !asked || same) {
      if (!(await this.commit(sessionId, clientId, text, undefined))) return;
      let reply = asked ? phrases.categoryFit(asked, current, label) : '';
      if (same && request.kind !== 'fit') reply = phrases.categorySame(label(asked?.category ?? current!.category)) + reply;
      else if (asked && current && asked.category !== current.category) {
        reply += (request.kind === 'ask' ? phrases.categoryAskBack : phrases.categoryFitOffer)(label(current.category), label(asked.category));
        if (request.kind === 'ask') await this.deps.store.putDoc(sessionId, SWITCH_DOC, { answers: request.answers, asked: before.question?.id ?? null } satisfies SwitchOffer);
      }
      await this.say(sessionId, reply || phrases.unclear(before.question), []);
      return this.closeTurn(before, ctx);
    }
    let next = answers;
    const recorded: Recorded[] = [];
    for (const a of request.answers) {
      // The production mode said with the category (离散型智能工厂) fills it only while unanswered: a change of mode is a fact of its own.
      if (a !== scope && next[a.questionId] !== undefined && next[a.questionId] !== null) continue;
      const res = rules.apply(next, a.questionId, a.value);
      if (!res.ok) continue;
      next = res.answers;
      recorded.push(...res.recorded);
    }
    if (!(await this.commit(sessionId, clientId, text, next))) return;
    if (recorded.length) this.send({ type: 'recorded', items: recorded });
    const after = this.step(next);
    const now = after.assessment.category.recommended ?? after.assessment.category.ifEligible ?? asked.category;
    const previous = current ? label(current.category) : '';
    const fit = rules.categoryFit?.(next);
    await this.say(sessionId, (previous ? phrases.categorySwitched(label(now), previous) : '') + (fit ? phrases.categoryFit(fit, current, label) : ''), []);
    // The question waiting when the switch was typed, still waiting after it, is asked again by name: the switch did not answer it.
    const told = await this.sayVerdict(sessionId, before, after);
    if (!told && before.question && after.question?.id === before.question.id) await this.say(sessionId, phrases.pendingStill(before.question), []);
    return this.sendState(sessionId, next, after, true);
  }

  /**
   * How the enterprise fares as things stand, from the rules' assessment: a failing hard condition says so as the verdict
   * does; otherwise the element conditions of the category met, failing and unanswered, the hard conditions still to
   * confirm, and that the full verdict follows the remaining questions. Nothing is recorded.
   */
  private async verdictSoFar(sessionId: string, clientId: string, text: string, answers: Answers, before: Step, ctx: SpeakContext): Promise<void> {
    const { rules, kb } = this.runtime;
    const label = (c: Category) => kb.data.elements.categories[c]?.label ?? c;
    const a = before.assessment;
    this.wentAside = true;
    if (!(await this.commit(sessionId, clientId, text, undefined))) return;
    const fit = a.eligible ? rules.categoryFit?.(answers) : undefined;
    const reply = !a.eligible || !fit
      ? phrases.verdict(a, { category: label, capability: (id) => capabilityLabel(kb.data, id as never, a.category.recommended ?? undefined) })
      : phrases.verdictSoFar(fit, a.pending ?? [], label);
    await this.say(sessionId, reply, []);
    await this.say(sessionId, phrases.backTo, []);
    return this.closeTurn(before, ctx);
  }

  /** 「不用」「先不改」 to asking back whether to switch category: nothing changes, and the interview goes on. */
  private async keepCategory(sessionId: string, clientId: string, text: string, answers: Answers, before: Step, ctx: SpeakContext): Promise<void> {
    const { rules, kb } = this.runtime;
    const current = rules.categoryFit?.(answers)?.category;
    this.wentAside = true;
    if (!(await this.commit(sessionId, clientId, text, undefined))) return;
    await this.say(sessionId, current ? phrases.categoryKept(kb.data.elements.categories[current]?.label ?? current) : phrases.unclear(before.question), []);
    return this.closeTurn(before, ctx);
  }

  /**
   * Every interview turn closes with the question card, none included: once the questions have run out (a verdict said,
   * ineligible too) a reply that changes nothing still ends its turn, so the client never waits on a card that is not coming.
   */
  private async closeTurn(step: Step, ctx: SpeakContext): Promise<void> {
    this.send({ type: 'question', question: step.question ? await this.phrase(step.question, ctx) : null, progress: step.progress });
  }

  /**
   * 「上一个说错了，其实有」「刚才答错了 不是集团 是我们自己公司名义报」: an earlier answer is read again from the
   * rest of the text. The one corrected is an answered question the rest speaks of by its subject words
   * (集团, 名义) when exactly one such answers from it; otherwise `prev`, the question that was pending before the
   * last answer (see previousAsked, which a reload does not lose). Nothing is recorded when neither is known
   * or the text does not answer it plainly.
   */
  private correctPrevious(text: string, answers: Answers, pending: QuestionView | null, prev: string | undefined): Interpretation {
    const { rules, kb } = this.runtime;
    const v = kb.data.interview.vocabulary;
    let rest = withoutQuotedAsking(kb.data, text);
    for (const w of [...v.previousRefs, ...v.corrections].sort((a, b) => b.length - a.length)) rest = rest.split(w).join('，');
    rest = rest.replace(/^[\s，,。；;:：]+/, '');
    const readAs = (id: string): Interpretation | undefined => {
      const view = rules.views(answers, [id])[0];
      const read = view ? rules.interpret(rest, view, answers) : undefined;
      return read?.kind === 'answers' && read.items.some((i) => i.questionId === id) ? read : undefined;
    };
    const lower = rest.toLowerCase();
    const named = [...new Set(v.subjects.filter((x) => x.question !== pending?.id && x.question in answers && x.words.some((w) => lower.includes(w.toLowerCase()))).map((x) => x.question))]
      .map((id) => readAs(id))
      .filter((r): r is Interpretation => r !== undefined);
    if (named.length === 1) return named[0]!;
    const last = prev && prev !== pending?.id && prev in answers ? prev : undefined;
    return (last && (rules.correctLast?.(answers, last, text) ?? readAs(last))) || { kind: 'unclear' };
  }

  /**
   * The item answered no just before the one waiting, when it is a yes-or-no item: the question pending before the last
   * answer (see previousAsked), with its label.
   */
  private async previousNo(sessionId: string, answers: Answers, pending: QuestionView | null): Promise<{ questionId: string; label: string } | undefined> {
    const prev = await this.previousAsked(sessionId, answers);
    if (!prev || prev.id === pending?.id || answers[prev.id] !== false || (prev.kind !== 'yesNo' && prev.kind !== 'yesNoPartial')) return undefined;
    const label = this.runtime.rules.describe(answers).find((r) => r.questionId === prev.id)?.label ?? prev.text;
    return { questionId: prev.id, label };
  }

  /**
   * What the pending question asks about, by name: the capability in the applying category's own words (「工业信息安全技术防护体系」,
   * 「AGV/RGV等智能运输设备」), else the question's label. A lookalike is told apart from it by name, since a protection
   * system, a network or a policy is no 「系统」.
   */
  private askedName(step: Step): string | undefined {
    const data = this.runtime.kb.data;
    const spec = step.question ? indexOf(data).questions.get(step.question.id) : undefined;
    if (!spec) return undefined;
    const cap = spec.sets?.startsWith('capabilities.') ? spec.sets.slice('capabilities.'.length) : undefined;
    const category = step.assessment.category.recommended ?? step.assessment.category.ifEligible ?? undefined;
    return cap ? capabilityLabel(data, cap as never, category) : spec.label;
  }

  /** The item waiting in plain words (interview.json `plain`), where the knowledge gives them. */
  private plainOf(step: Step): string | undefined {
    return step.question ? indexOf(this.runtime.kb.data).questions.get(step.question.id)?.plain : undefined;
  }

  /** A question about the item waiting, answered about it by name; the item is asked again after it. */
  private async answerAboutItem(sessionId: string, clientId: string, text: string, before: Step, ctx: SpeakContext, about: AboutPending): Promise<void> {
    const q = before.question!;
    const label = q.phase === 'form' ? formLabel(q) : (this.askedName(before) ?? formLabel(q));
    const answer = answerAboutPending(this.runtime.kb, q, label, about);
    this.wentAside = true;
    if (!(await this.commit(sessionId, clientId, text, undefined))) return;
    await this.stream(
      sessionId,
      async (onDelta) => (chunkText(answer.text).forEach(onDelta), answer),
      (a) => ((this.lastQuestion = a.askedAs ?? text), this.deps.logQuestion?.(sessionId, text, a, this.runtime.kb.version)),
    );
    await this.say(sessionId, phrases.backTo, []);
    return this.closeTurn(before, ctx);
  }

  /**
   * A value given through a widget or an edit as the rules take it: 「同上」 typed into a form field's card or box is the
   * earlier answer it points at, as in the chat; a figure typed in words into a number field (「十二」, 「1.2亿」,
   * 「约85%」) is read by the one number reader, as the same words in the chat are, and a round figure keeps its mark for
   * the form. What cannot be taken is refused with the reason to say back.
   */
  private givenValue(answers: Answers, questionId: string, value: AnswerValue, dated?: string): { value: AnswerValue; roundFigure?: string; underway?: string } | { refused: string } {
    const data = this.runtime.kb.data;
    if (typeof value === 'string' && questionId.startsWith('form.')) {
      const same = sameAsEarlier(data, answers, questionId, value);
      if (same?.kind === 'answers' && same.items[0]!.questionId === questionId) value = same.items[0]!.value;
    }
    if (typeof value !== 'string') return { value };
    const [view] = this.runtime.rules.views(answers, [questionId]);
    // A choice given in words (「智能工厂」 typed where an older page showed a text box) is the choice it names, read as a
    // reply to that question is; an internal value is never what the user has to type.
    if (view?.kind === 'choice' && view.choices && !view.choices.some((c) => c.value === value)) {
      const read = this.runtime.rules.interpret(value, view, answers);
      const own = read.kind === 'answers' && read.items.length === 1 && read.items[0]!.questionId === questionId ? read.items[0]!.value : undefined;
      if (typeof own === 'string' && view.choices.some((c) => c.value === own)) return { value: own };
    }
    // A form figure typed into its card or the form view is read as the chat reads it: a phone in it, a figure said
    // for another span than the field's, or a 万 that may be its unit or a place, is said back and nothing stored.
    // 「还在建」「预计明年六月完工」 saved from the form view's date box: the event under way, marked as the chat marks it.
    if (view?.kind === 'date' && questionId.startsWith('form.')) {
      const read = this.runtime.rules.interpret(dated ?? value, view, answers);
      const own = read.kind === 'answers' ? read.items.find((i) => i.questionId === questionId && i.underway) : undefined;
      if (own) return { value: own.value, underway: value };
    }
    const form = view?.kind === 'number' && questionId.startsWith('form.');
    const figure = form ? readFigure(data, questionId, value) : undefined;
    const refused = form && hasPhone(value) ? fill(data.formQuestions.messages.phoneAsFigure, { said: clipQuote(value, 20), field: view.text }) : figure?.kind === 'ask' ? figure.message : undefined;
    if (refused) return { refused };
    const n = view?.kind === 'number' ? (figure?.kind === 'value' ? figure : parseNumber(value, view.unit)) : undefined;
    // 「0.6」 edited into a percentage field of the form: 0.6% or 60% is asked, never rescaled (the form view asks first).
    const fraction = n && questionId.startsWith('form.') ? percentOrFraction(n) : undefined;
    if (fraction) return { refused: fill(data.formQuestions.messages.percentOrFraction, { said: fraction[0], percent: fraction[1], fraction: fraction[2] }) };
    return n ? { value: n.value, ...(n.approx ? { roundFigure: value } : {}) } : { value };
  }

  /**
   * Several edits at once (an upload's facts accepted together): each checked as an edit is, in order, on the answers
   * the ones before it left, and all kept as one transcript entry that names each (「已采用 3 项：…」), so accepting a
   * document's facts is one message in the chat, not one per fact. One refused keeps none of them: the message says
   * which and why, and the user can correct it or accept one at a time.
   */
  private async editAll(sessionId: string, msg: Extract<UserMessage, { type: 'edits' }>, answers: Answers): Promise<void> {
    const { rules } = this.runtime;
    let next = answers;
    const recorded: Recorded[] = [];
    const blocking: { questionId: string; items: { clause: string; reason: string; remedy?: string }[] }[] = [];
    let round = false;
    for (const item of msg.items) {
      const given = this.givenValue(next, item.questionId, item.value);
      const applied = 'refused' in given ? given : rules.apply(next, item.questionId, given.value);
      if ('refused' in applied || !applied.ok) {
        const reason = 'refused' in applied ? applied.refused : applied.error;
        const view = rules.views(next, [item.questionId])[0];
        const label = view ? formLabel(view) : item.questionId;
        const message = phrases.editsRefused(label, reason, msg.items.length);
        return this.send({ type: 'error', code: errorCode(reason), message, clientId: msg.clientId });
      }
      const roundFigure = 'roundFigure' in given ? given.roundFigure : undefined;
      next = roundFigure === undefined ? applied.answers : markApproximate(applied.answers, item.questionId, roundFigure);
      round ||= roundFigure !== undefined && item.questionId.startsWith('form.');
      recorded.push(...applied.recorded);
      if (applied.newlyBlocking.length) blocking.push({ questionId: item.questionId, items: applied.newlyBlocking });
    }
    if (!(await this.commit(sessionId, msg.clientId, phrases.entryEdits(recorded), next))) return;
    if (recorded.length) this.send({ type: 'recorded', items: recorded });
    if (recorded.length) await this.say(sessionId, this.confirmChange(recorded, answers), []);
    if (round) await this.say(sessionId, phrases.approximate, []);
    for (const b of blocking) await this.warn(sessionId, b.questionId, b.items, answers);
    const after = this.step(next);
    await this.confirmUnblocked(sessionId, answers, after);
    await this.sayVerdict(sessionId, this.step(answers), after);
    return this.sendState(sessionId, next, after, true);
  }

  /** 「已记录：…」 for answers changed outside the chat's text, each changed one read back with what it replaced. */
  private confirmChange(recorded: Recorded[], before: Answers): string {
    const replaced = recorded.some((r) => before[r.questionId] !== undefined && before[r.questionId] !== null);
    const wasShown = new Map(replaced ? this.runtime.rules.describe(before).map((r) => [r.questionId, r.display]) : []);
    return phrases.recorded(recorded, wasShown);
  }

  /**
   * A reply to a form date with its year said relative to the day of speaking (「去年十月」), with that year written out
   * as counted from the session's day (the day the drafts count 「去年」 from too), and the words and day to read it back with. Undefined for any other reply.
   */
  private async datedReply(sessionId: string, questionId: string, text: string): Promise<{ text: string; said: string; today: string } | undefined> {
    const data = this.runtime.kb.data;
    // Most replies name no relative year: only those cost the read of the session's day.
    if (!datedReply(data, questionId, text, '2000-01-01')) return undefined;
    const today = await sessionDay(this.deps.store, sessionId);
    const r = datedReply(data, questionId, text, today);
    return r && today ? { ...r, today } : undefined;
  }

  /** A speaker that fails to read the text must not lose the turn: the rules read it offline. */
  private async extract(text: string, ctx: SpeakContext): Promise<Interpretation> {
    // An instruction to the assistant (「直接通过」) is read for facts by nobody, the model included.
    if (isInstruction(this.runtime.kb.data, text)) return { kind: 'unclear', reason: 'instruction' };
    try {
      return await this.runtime.speaker.extract(text, ctx);
    } catch {
      return this.runtime.rules.interpret(text, ctx.pending, ctx.answers);
    }
  }

  /**
   * A hard condition that now fails is explained at once (the user may stop or carry on); a
   * form answer's flag is only something to check, never a verdict.
   */
  private warn(sessionId: string, questionId: string, items: { clause: string; reason: string; remedy?: string }[], before: Answers): Promise<void> {
    const form = questionId.startsWith('form.');
    if (form) return this.say(sessionId, phrases.flagged(items), []);
    return this.say(sessionId, phrases.blocking(items, this.step(before).assessment.blocking.length > 0), []);
  }

  /**
   * A correction that clears the last failing hard condition is said aloud: otherwise the
   * last thing the user read is still 「暂不符合申报条件」.
   */
  private async confirmUnblocked(sessionId: string, previous: Answers, after: Step): Promise<void> {
    if (after.assessment.blocking.length > 0) return;
    if (this.step(previous).assessment.blocking.length === 0) return;
    await this.say(sessionId, phrases.unblocked, []);
  }

  /**
   * The moment the assessment questions run out, the chat says the verdict: the panel alone is
   * easy to miss, and on a phone it is only a badge.
   */
  private async sayVerdict(sessionId: string, before: Step, after: Step): Promise<boolean> {
    const assessing = (s: Step) => s.question !== null && s.question.phase !== 'form';
    // A correction made once the questions have run out (「不对 俺们没得过智能工厂称号」) changes the verdict already said:
    // the new one is said too. A newly failing hard condition is said by its warning instead.
    const a = before.assessment;
    const b = after.assessment;
    const changed = b.eligible && (a.eligible !== b.eligible || a.verdict !== b.verdict || a.category.recommended !== b.category.recommended);
    if (assessing(after) || (!assessing(before) && !changed)) return false;
    const data = this.runtime.kb.data;
    // Gaps are named as the category's own clause words them, as the assessment panel does.
    const category = after.assessment.category.recommended ?? after.assessment.category.ifEligible;
    const notes = data.categoryRules.notes as unknown as Record<string, { text?: string } | undefined>;
    const spoken = new Set(data.categoryRules.spokenNotes.map((k) => notes[k]?.text));
    // A 待确认 note of the enterprise's own figures (a loss year beside 经营良好) is said as the written assessment shows it:
    // it is recognised by the one wording both take it from.
    const [head, tail] = (data.formDrafting.reviewFinance?.enterpriseNote ?? '').split('{text}');
    const ownFigures = (t: string) => tail !== undefined && t.startsWith(head!) && t.endsWith(tail);
    // A verdict said again once the form is under way (the category switched at the name) offers no form: the form
    // question waiting is asked by name instead, so it is not lost behind the offer.
    const waiting = after.question?.phase === 'form' && after.question.id !== GATE ? after.question : null;
    await this.say(sessionId, phrases.verdict(after.assessment, {
      category: (c) => data.elements.categories[c]?.label ?? c,
      capability: (id) => capabilityLabel(data, id as never, category),
      spoken: (n) => spoken.has(n.text) || ownFigures(n.text),
    }, waiting ? phrases.pendingStill(waiting) : undefined), []);
    return true;
  }

  /** Stores the user's entry (and new answers) durably, then acknowledges. False when it was a resend. */
  private async commit(sessionId: string, clientId: string, text: string, answers: Answers | undefined): Promise<boolean> {
    this.changed = true;
    const entry = await this.deps.store.appendTurn(sessionId, { id: randomUUID(), role: 'user', text, citations: [], clientId }, answers);
    this.send({ type: 'ack', clientId, seq: entry.seq, ...(entry.duplicate ? { duplicate: true } : {}) });
    if (entry.duplicate) return false;
    await this.keepLastAnswered(sessionId, answers);
    return true;
  }

  /**
   * A turn that changed the answers keeps the question that waited before it with the session (see LastAnswered), so what
   * this connection's steps hold of 「前面那题」 a reload or another connection finds too.
   */
  private async keepLastAnswered(sessionId: string, answers: Answers | undefined): Promise<void> {
    const from = this.turnFrom;
    if (!answers || !from || sameAnswers(from, answers)) return;
    const asked = this.step(from).question?.id;
    await this.deps.store.putDoc(sessionId, LAST_ANSWERED_DOC, asked ? ({ asked, answers: answersDigest(answers) } satisfies LastAnswered) : null);
  }

  /**
   * The question pending before the last change of the answers: the previous step on this connection, or else the one kept
   * with the session while the answers are still those that change left.
   */
  private async previousAsked(sessionId: string, answers: Answers): Promise<QuestionView | undefined> {
    const held = this.steps.find((s) => s.rt === this.runtime && !sameAnswers(s.answers, answers))?.step.question;
    if (held) return held;
    const r = LastAnswered.safeParse((await this.deps.store.getDoc(sessionId, LAST_ANSWERED_DOC)) ?? null);
    if (!r.success || !r.data || r.data.answers !== answersDigest(answers)) return undefined;
    return this.runtime.rules.views(answers, [r.data.asked])[0];
  }

  private async answerQuestion(sessionId: string, question: string, ctx: SpeakContext, early?: { cancel(): void }): Promise<void> {
    const own = this.blockedNext(question, ctx.answers);
    if (own) {
      early?.cancel();
      await this.stream(
        sessionId,
        async (onDelta) => (onDelta(own.text), own),
        (answer) => ((this.lastQuestion = question), this.deps.logQuestion?.(sessionId, question, answer, this.runtime.kb.version)),
      );
      return;
    }
    const { rules, kb } = this.runtime;
    // The session's category shapes an answer only once the enterprise has said what it applies for: with no scope
    // given, the fit is the rules' default, and an answer 「按您本次申报的…」 would claim a choice nobody made.
    const chosen = ctx.answers['cat.scope'] !== undefined && ctx.answers['cat.scope'] !== null;
    const category = chosen ? rules.categoryFit?.(ctx.answers)?.category : undefined;
    const label = category ? kb.data.elements.categories[category]?.label : undefined;
    const withPrevious = { ...ctx, previousQuestion: this.lastQuestion, ...(label ? { category: label } : {}) };
    await this.stream(
      sessionId,
      (onDelta) => this.runtime.speaker.answer(question, withPrevious, onDelta),
      (answer) => ((this.lastQuestion = answer.askedAs ?? question), this.deps.logQuestion?.(sessionId, question, answer, this.runtime.kb.version)),
    );
  }

  /**
   * 「我们现在这种情况还能做什么」「明年可以吗」 from an enterprise a hard condition blocks asks about its own
   * case, which the notice's text alone cannot answer: the rules' assessment says what blocks and what
   * would change it, as the panel does.
   */
  private blockedNext(question: string, answers: Answers): SpokenAnswer | undefined {
    const { kb } = this.runtime;
    const text = normalise(question).text;
    if (!kb.data.interview.vocabulary.whatNext.some((w) => text.includes(w))) return undefined;
    const { assessment } = this.step(answers);
    if (assessment.verdict !== 'ineligible' || assessment.blocking.length === 0) return undefined;
    // The rules answered from the clauses that block, so the answer cites them and is logged as answered, as it was.
    const citations = [...new Set(assessment.blocking.map((b) => b.clause))].flatMap((id) => cite(kb, id) ?? []);
    return { text: phrases.blockedNext(assessment.blocking, kb.data.facts.contact), citations, confidence: 1, outOfScope: false, source: 'rule' };
  }

  /** An entry already stored, sent as a streamed message (start → deltas → end) under its own seq. */
  private replay(e: TranscriptEntry): void {
    this.send({ type: 'message.start', id: e.id, seq: e.seq });
    for (const part of chunkText(e.text)) this.send({ type: 'message.delta', id: e.id, delta: part });
    this.send({ type: 'message.end', id: e.id, seq: e.seq, text: e.text, citations: e.citations });
  }

  /** Offline sentences go through the same streaming path as model output. */
  private say(sessionId: string, text: string, citations: Citation[]): Promise<void> {
    return this.stream(sessionId, async (onDelta) => {
      for (const part of chunkText(text)) onDelta(part);
      return { text, citations };
    });
  }

  /**
   * start → deltas → store → end. The seq is reserved first (we hold the session lock, so no
   * other entry can take it) and the entry is stored before message.end: a client that saw
   * the end can resume after that seq without losing or repeating the message; one that lost
   * the connection mid-stream gets the whole entry replayed on resume.
   */
  private async stream(
    sessionId: string,
    produce: (onDelta: (d: string) => void) => Promise<SpokenAnswer>,
    log?: (answer: SpokenAnswer) => string | undefined,
  ): Promise<void> {
    const { store } = this.deps;
    const id = randomUUID();
    this.changed = true;
    const seq = await store.reserveSeq(sessionId);
    this.send({ type: 'message.start', id, seq });
    let streamed = '';
    let result: SpokenAnswer;
    try {
      result = await produce((delta) => {
        if (!delta) return;
        streamed += delta;
        this.send({ type: 'message.delta', id, delta });
      });
    } catch {
      const tail = '（回答生成中断，请稍后重试。）';
      this.send({ type: 'message.delta', id, delta: tail });
      result = { text: streamed + tail, citations: [] };
    }
    await store.appendTranscript(sessionId, { id, role: 'assistant', text: result.text, citations: result.citations, seq });
    const questionId = log?.(result);
    this.send({ type: 'message.end', id, seq, text: result.text, citations: result.citations, ...(questionId ? { questionId } : {}) });
  }

  private async sendState(sessionId: string, answers: Answers, step: Step, withAssessment: boolean): Promise<void> {
    if (withAssessment) {
      // Most of a turn's output is the assessment, and an answer changes little of it.
      const shown = this.shown;
      this.shown = step.assessment;
      if (shown) this.send({ type: 'assessment.changes', changes: assessmentChanges(shown, step.assessment), progress: step.progress });
      else this.send({ type: 'assessment', assessment: step.assessment, progress: step.progress });
    }
    const ctx = this.context(sessionId, step.question, answers);
    const question = step.question ? await this.phrase(step.question, ctx) : null;
    this.send({ type: 'question', question, progress: step.progress });
  }

  private async phrase(q: QuestionView, ctx: SpeakContext): Promise<QuestionView> {
    try {
      const text = await this.runtime.speaker.phraseQuestion(q, ctx);
      return text && text !== q.text ? { ...q, text } : q;
    } catch {
      return q;
    }
  }

  /** rules.step, remembered for the last two answer maps (see `steps`). The rules are pure, so equal answers give an equal step. */
  private step(answers: Answers): Step {
    const rt = this.runtime;
    const hit = this.steps.find((s) => s.rt === rt && sameAnswers(s.answers, answers));
    if (hit) return hit.step;
    const step = rt.rules.step(answers);
    this.steps = [{ rt, answers, step }, ...this.steps.slice(0, 1)];
    return step;
  }

  private context(sessionId: string, pending: QuestionView | null, answers: Answers): SpeakContext {
    return { kb: this.runtime.kb, sessionId, pending, answers, notify: (text) => this.send({ type: 'notice', level: 'warn', text }) };
  }
}

/**
 * Whether two answer maps hold the same values. The store hands out shallow copies, so an
 * unchanged value is the same reference; a value that is only equal in content (read back from
 * the database) counts as different, which costs a recomputation, never a wrong step.
 */
/** A digest of an answer map that does not depend on the order of its keys. */
/**
 * A workshop named as the one applying (kept as the form's 车间名称) and let go when 智能工厂 is chosen after it: the
 * user is told the name was not taken as the factory's, in the reply that chose it.
 */
function workshopNameLetGo(before: Answers, after: Answers): string {
  const name = before['form.ws.1.name'];
  return typeof name === 'string' && name.trim() && after['form.ws.1.name'] === undefined ? phrases.workshopNameLetGo(name) : '';
}

function answersDigest(answers: Answers): string {
  const entries = Object.keys(answers)
    .sort()
    .map((k) => [k, answers[k]]);
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

function sameAnswers(a: Answers, b: Answers): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (!Object.is(a[k], b[k]) || !(k in b)) return false;
    n++;
  }
  for (const _ in b) if (--n < 0) return false;
  return n === 0;
}

/** An answer value as the user gave it, to be said back when it was not recorded. */
function saidOf(value: AnswerValue): string {
  if (value === null) return phrases.staleSaid.skip;
  if (typeof value === 'boolean') return value ? phrases.staleSaid.yes : phrases.staleSaid.no;
  if (Array.isArray(value)) return value.join('、');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function errorCode(error: string): string {
  return /unknown question|未知的问题|未知问题|不存在的问题/i.test(error) ? WsErrorCode.unknownQuestion : WsErrorCode.invalid;
}
