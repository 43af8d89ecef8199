import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, download, ConsoleError } from '../api';
import { beijingTime, beijingTimeSpan, deadlineStatus, TIME_ZONE_LABEL } from '../time';
import { LiveRefresh } from '../live';
import { fill, fillParts, words } from '../../lib/messages';

/**
 * How often the list is fetched again while the server's pushes do not arrive (the stream is down): a new applicant
 * then appears within this long. While the stream is up, it appears at once.
 */
const REFRESH_MS = 20_000;

interface Gap {
  clause: string;
  title: string;
  status: string;
  advice: string;
}
interface Applicant {
  sessionId: string;
  name: string | null;
  submittedAt: string;
  verdict: 'ineligible' | 'gaps' | 'incomplete' | 'qualified';
  category: string | null;
  categoryLabel: string;
  gaps: Gap[];
  recommended: boolean;
  blocking: { clause: string; reason: string }[];
  /** Hard conditions the applicant left unanswered (不清楚, skipped): 待确认, never met. */
  pending?: { clause: string; title: string }[];
  /** Why the server would refuse 推荐, or null. */
  notRecommendable: string | null;
  /** Resubmitted with different content after the last review. */
  changedSinceReview: boolean;
  /** The bureau the enterprise moved this submission from; that bureau's review did not come with it. */
  movedFrom: { region: string; at: string } | null;
  /** Where the applicant says it is, when that is outside this bureau's area, and the flag said of it. */
  outOfArea?: { where: string; recommender: string; tag: string } | null;
  /** A recommendation whose 初审 record lacks what 四(三) asks for, and so is left out of the 推荐汇总表's 推荐企业. */
  recommendationIncomplete?: string | null;
  /** A recommendation of an applicant outside the area, saved before such a 推荐 was refused: counted in no quota. */
  outsideAreaRecommended?: string | null;
  /** The conditions the bureau confirmed past when it recommended, as the 推荐汇总表 says them. */
  confirmation?: string | null;
  programmeYear: number | null;
  /** Who last saved the record, and when; the page sends `reviewedAt` back so a colleague's later save is not overwritten. */
  reviewedBy?: string | null;
  reviewedAt?: string | null;
  /** Warnings on the submitted 近三年主要经济指标 for the 初审 (二(一) is the bureau's judgement), with the note saying so. */
  financeWarnings?: { items: { clause: string; text: string }[]; note: string } | null;
}
interface ChecklistItem {
  id: string;
  clause: string;
  element: string;
  label: string;
  claim: 'yes' | 'partial';
  requirement: string;
  kind?: 'presence' | 'integration';
  checkedAt?: string[];
}

/**
 * The checklist by element, in the order the items come: one heading per element condition, and under it each
 * requirement sentence once, with the items it asks for beneath it. One sentence often names several systems
 * (「应用企业资源计划系统（ERP）、供应链管理（SCM）等信息系统」): printed under each item, it would stand on the page
 * once per system.
 */
export function checklistGroups<T extends { clause: string; element: string; requirement: string }>(
  items: T[],
): { clause: string; element: string; requirements: { text: string; items: T[] }[] }[] {
  const groups: { clause: string; element: string; requirements: { text: string; items: T[] }[] }[] = [];
  for (const i of items) {
    let g = groups.find((x) => x.clause === i.clause);
    if (!g) groups.push((g = { clause: i.clause, element: i.element, requirements: [] }));
    const r = g.requirements.find((x) => x.text === i.requirement);
    if (r) r.items.push(i);
    else g.requirements.push({ text: i.requirement, items: [i] });
  }
  return groups;
}
interface Detail extends Applicant {
  checklist: ChecklistItem[];
  /** What the application held when submitted: the form's facts as entered, and the sections the enterprise wrote itself. */
  application: { formAnswers: { label: string; display: string; flags?: { severity: 'error' | 'warning'; message: string }[] }[]; editedSections: { title: string; text: string; savedAt: string; stale?: string }[] };
  review: { notes: string; siteNotes: string; checklist: Record<string, boolean>; reasons: Record<string, string> };
  /** Why the location the applicant gave is outside this bureau's area; null when it is inside or not given. */
  outsideArea?: string | null;
  /** The 推荐汇总表 deadline of the knowledge version the submission was made under; null when that version is no longer served. */
  deadline: Deadline | null;
}
interface Deadline {
  date: string;
  label: string;
  what: string;
  clause: string;
  daysLeft: number;
}
interface Overview {
  region: string;
  year: number;
  years: number[];
  quota: { max: number; recommended: number; remaining: number; atLimit: boolean; clause: string; quote: string; overQuota: string; groupLabel: string; warning: string | null };
  deadline: Deadline | null;
  /** On a city's page: its counties recommend on their own quota and upload their own 推荐汇总表. */
  countiesOwn: { title: string; text: string; counties: string[] } | null;
  applicants?: Applicant[];
}

/** Each verdict's word, as the enterprise's page and the 推荐汇总表 say it, and the tag class it is shown with. */
const V = words.format.verdictShort;
const W = words.console.bureau;
const VERDICT: Record<Applicant['verdict'], [string, string]> = {
  qualified: [V.qualified, 'met'],
  gaps: [V.gaps, 'partial'],
  incomplete: [V.incomplete, ''],
  ineligible: [V.ineligible, 'unmet'],
};

/** The bureau's applicants (its region only), the 四(三) quota, 初审/核查 notes and the 推荐汇总表. */
@customElement('zz-console-bureau')
export class ZzConsoleBureau extends LitElement {
  static styles = [
    controls,
    consoleStyles,
    css`
      :host {
        display: block;
      }
      .stats {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
        gap: var(--zz-space-3);
      }
      .big {
        font-size: 28px;
        font-weight: 700;
      }
      tr.sel {
        background: var(--zz-color-primary-soft);
      }
      .news,
      .live {
        margin: 0;
      }
      .news:empty {
        display: none;
      }
      tr.new td:first-child {
        box-shadow: inset 4px 0 0 var(--zz-color-primary);
      }
      /* The flag names two places and may not fit one line on a phone: it wraps instead of widening the row. */
      .tag.area-flag {
        white-space: normal;
        border-radius: var(--zz-radius);
      }
      .confirmation-note {
        font-size: var(--zz-font-size-sm);
        margin-top: var(--zz-space-1);
      }
      ul.checks {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--zz-space-2);
      }
      h3.check-group {
        font-size: var(--zz-font-size);
        margin: var(--zz-space-3) 0 0;
      }
      ul.checks li {
        padding: var(--zz-space-2) 0;
        border-bottom: 1px solid var(--zz-color-border);
      }
      ul.checks label {
        display: flex;
        align-items: flex-start;
        gap: var(--zz-space-2);
        color: var(--zz-color-text);
        font-size: var(--zz-font-size);
      }
      ul.checks input[type='checkbox'] {
        width: 20px;
        height: 20px;
        flex: none;
      }
      ul.checks details.reason {
        margin-left: calc(20px + var(--zz-space-2));
      }
      ul.checks details.reason[hidden] {
        display: none;
      }
      ul.checks input.reason {
        display: block;
        width: 100%;
        box-sizing: border-box;
      }
      ul.checks li.missing {
        background: var(--zz-color-unmet-soft);
      }
      [aria-invalid='true'] {
        outline: 2px solid var(--zz-color-unmet);
      }
      p.requirement {
        margin: var(--zz-space-2) 0 0;
      }
      .note h2 {
        margin-top: 0;
      }
      .verdict {
        margin-top: var(--zz-space-3);
        padding: var(--zz-space-2) var(--zz-space-3);
        border-left: 4px solid var(--zz-color-border);
        background: var(--zz-color-surface);
        font-weight: 600;
      }
      .verdict.unmet {
        border-left-color: var(--zz-color-unmet);
      }
      .verdict.partial {
        border-left-color: var(--zz-color-partial);
      }
      .verdict.met {
        border-left-color: var(--zz-color-met);
      }
      .verdict p {
        margin: var(--zz-space-1) 0 0;
        font-weight: 400;
        color: var(--zz-color-unmet);
      }
      .draft {
        white-space: pre-wrap;
        font-size: var(--zz-font-size-sm);
      }
      /* Label and value side by side on a desktop, stacked on a phone. */
      dl.facts {
        display: grid;
        grid-template-columns: minmax(8em, max-content) 1fr;
        gap: var(--zz-space-1) var(--zz-space-3);
        margin: 0 0 var(--zz-space-3);
      }
      dl.facts dt {
        color: var(--zz-color-muted);
      }
      dl.facts dd {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      @media (max-width: 600px) {
        dl.facts {
          grid-template-columns: 1fr;
        }
        dl.facts dd {
          margin-bottom: var(--zz-space-2);
        }
      }
    `,
  ];

  @state() private _ov: Overview | null = null;
  @state() private _detail: Detail | null = null;
  @state() private _error = '';
  @state() private _saved = '';
  /** The open record's ticks as the bureau sets them, so an item's reason field shows while it is unticked. */
  @state() private _ticks: Record<string, boolean> = {};
  /** Why the last save was refused, with the fields it names; the form keeps everything typed. */
  @state() private _refusal: { message: string; notes: boolean; siteNotes: boolean; unchecked: string[] } | null = null;
  /** The server's request to confirm the finance warnings before a new 推荐, asked once the 初审 record is complete. */
  /** A warning the bureau confirms before 推荐 (finance figures, unmet element conditions), and the confirmations given so far. */
  @state() private _financeConfirm: string | null = null;
  private _confirmFlag: 'financeConfirmed' | 'conditionsConfirmed' = 'financeConfirmed';
  private _confirmed: { financeConfirmed?: boolean; conditionsConfirmed?: boolean } = {};
  /** A colleague saved this record after the page opened it: their time, and what the server said. Nothing typed is lost. */
  @state() private _conflict: { message: string; at: string | null } | null = null;

  /** Applicants that came in since the page was opened, by session, until the bureau opens them. */
  @state() private _new: Record<string, true> = {};
  /** What the last refresh brought, said once as a status line. */
  @state() private _news = '';

  private readonly _live: LiveRefresh;

  connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  constructor() {
    super();
    this._live = new LiveRefresh(this, () => this._refresh(), { url: '/api/staff/bureau/events', pollMs: REFRESH_MS });
  }

  /**
   * The list fetched again in the background: an enterprise that submits while the page is open appears, named in a
   * status line and marked in the list, without a reload. The record open below is left as it is (it may hold typed
   * notes). A failed refresh says nothing: the list stays as last shown and the next one tries again.
   */
  private async _refresh(): Promise<void> {
    const before = this._ov;
    if (!before) return this._load();
    let ov: Overview;
    try {
      ov = await call<Overview>('GET', `/api/staff/bureau${this._yearQuery}`);
    } catch {
      return;
    }
    // A year picked meanwhile has loaded its own list; this answer is for the year asked.
    if (ov.year !== this._ov?.year) return;
    const known = new Set((before.applicants ?? []).map((a) => a.sessionId));
    const arrived = (ov.applicants ?? []).filter((a) => !known.has(a.sessionId));
    this._ov = ov;
    if (!arrived.length) return;
    this._new = { ...this._new, ...Object.fromEntries(arrived.map((a) => [a.sessionId, true as const])) };
    this._news = fill(W.news, { count: arrived.length, names: arrived.map((a) => a.name ?? W.noName).join(words.common.listSep) });
  }

  /** The programme year shown; the server's default (the default knowledge version's year) until one is chosen. */
  @state() private _year: number | null = null;

  private get _yearQuery(): string {
    return this._year === null ? '' : `?year=${this._year}`;
  }

  private async _load() {
    try {
      this._ov = await call<Overview>('GET', `/api/staff/bureau${this._yearQuery}`);
      this._year = this._ov.year;
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  private async _open(id: string) {
    if (this._detail && this._detail.sessionId !== id && this._unsaved() && !confirm(W.leaveUnsaved)) return;
    this._saved = '';
    this._error = '';
    this._refusal = null;
    this._financeConfirm = null;
    this._conflict = null;
    this._ticks = {};
    const { [id]: _seen, ...unseen } = this._new;
    this._new = unseen;
    try {
      this._detail = await call<Detail>('GET', `/api/staff/bureau/applicants/${encodeURIComponent(id)}`);
      // The record opens below the whole list: on a phone that is screens away from the name tapped,
      // and the tap would seem to do nothing. The view goes to it, and so does the focus.
      await this.updateComplete;
      const card = this.renderRoot.querySelector<HTMLElement>('[data-testid=detail]');
      const heading = card?.querySelector<HTMLElement>('h2');
      card?.scrollIntoView({ block: 'start' });
      heading?.focus({ preventScroll: true });
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  render() {
    const ov = this._ov;
    if (!ov) return html`${this._error ? html`<div class="error" role="alert">${this._error}</div>` : html`<p class="muted">${W.loading}</p>`}`;
    const q = ov.quota;
    return html`
      <div class="stats">
        <div class="card" data-testid="quota">
          <div class="muted">${fill(W.quota, { clause: q.clause })}</div>
          <div class="big">${q.recommended} / ${q.max}</div>
          <div class="muted">${fill(W.quote, { quote: q.quote })}</div>
        </div>
        ${ov.deadline
          ? html`<div class="card" data-testid="deadline">
              <div class="muted">${fill(W.deadline, { clause: ov.deadline.clause })}</div>
              <div class="big">${deadlineStatus(ov.deadline)}</div>
              <div class="muted">${fill(W.deadlineWhat, { label: ov.deadline.label, what: ov.deadline.what })}</div>
            </div>`
          : ''}
      </div>
      ${q.warning ? html`<div class="warn" role=${q.atLimit ? 'alert' : 'status'} data-testid="quota-warning">${q.warning}</div>` : ''}
      ${ov.countiesOwn
        ? html`<div class="card note" data-testid="counties-own">
            <h2>${ov.countiesOwn.title}</h2>
            <p>${ov.countiesOwn.text}</p>
          </div>`
        : ''}
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
      <div class="card">
        <p class="muted news" role="status" data-testid="news">${this._news}</p>
        <div class="row">
          <h2 class="grow">${fill(W.heading, { region: ov.region, year: ov.year })}</h2>
          ${ov.years.length > 1
            ? html`<label class="row" style="margin:0">${W.year}
                <select data-testid="year" aria-label=${W.yearSelect} @change=${this._pickYear}>
                  ${ov.years.map((y) => html`<option value=${y} ?selected=${y === ov.year}>${fill(W.yearOption, { year: y })}</option>`)}
                </select></label>`
            : ''}
          <button class="btn" data-testid="export" @click=${this._export}>${W.export}</button>
        </div>
        <p class="muted">${W.exportNote}</p>
        <p class="muted live" data-testid="live">${this._live.live ? W.live : fill(W.polling, { seconds: REFRESH_MS / 1000 })}</p>
        <div class="table-wrap">
          <table class="stack">
            <thead><tr><th>${W.columns.enterprise}</th><th>${W.columns.category}</th><th>${W.columns.verdict}</th><th>${W.columns.gaps}</th><th>${W.columns.recommended}</th></tr></thead>
            <tbody>
              ${(ov.applicants ?? []).map(
                (a) => html`<tr class=${[this._detail?.sessionId === a.sessionId ? 'sel' : '', this._new[a.sessionId] ? 'new' : ''].join(' ')} data-session=${a.sessionId}>
                  <td data-label=${W.columns.enterprise}><div><button class="btn ghost" @click=${() => this._open(a.sessionId)}>${a.name ?? W.noName}</button>${this._new[a.sessionId] ? html` <span class="tag" data-testid="new-tag">${W.newTag}</span>` : ''}${a.outOfArea
                      ? html`<div><span class="tag unmet area-flag" data-testid="outside-area-tag">${a.outOfArea.tag}</span></div>`
                      : ''}</div></td>
                  <td data-label=${W.columns.category}>${a.categoryLabel}</td>
                  <td data-label=${W.columns.verdict}><span class="tag ${VERDICT[a.verdict][1]}">${VERDICT[a.verdict][0]}</span></td>
                  <td data-label=${W.columns.gaps}>${a.gaps.length}</td>
                  <td data-label=${W.columns.recommended}>${a.recommended ? html`<span class="tag met">${W.recommendedTag}</span>` : '—'}${a.changedSinceReview
                      ? html` <span class="tag partial" data-testid="changed">${W.changed}</span>`
                      : ''}${a.movedFrom ? html` <span class="tag" data-testid="moved">${fill(W.movedFrom, { region: a.movedFrom.region })}</span>` : ''}${a.recommendationIncomplete
                      ? html`<div><span class="tag unmet area-flag" data-testid="incomplete-tag">${a.recommendationIncomplete}</span></div>`
                      : ''}${a.outsideAreaRecommended
                      ? html`<div><span class="tag unmet area-flag" data-testid="outside-area-recommended-tag">${a.outsideAreaRecommended}</span></div>`
                      : ''}${a.confirmation ? html`<div class="muted confirmation-note" data-testid="confirmation-tag">${a.confirmation}</div>` : ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${ov.applicants?.length ? '' : html`<p class="muted">${W.empty}</p>`}
      </div>
      ${this._detail ? keyed(this._detail.sessionId, this._detailView(this._detail)) : ''}
    `;
  }

  /** The review as the form holds it now, or null when no record is open. */
  private _form(): { notes: string; siteNotes: string; checklist: Record<string, boolean>; reasons: Record<string, string>; recommended: boolean } | null {
    const root = this.renderRoot;
    const notes = root.querySelector<HTMLTextAreaElement>('#notes');
    if (!this._detail || !notes) return null;
    const checklist: Record<string, boolean> = {};
    root.querySelectorAll<HTMLInputElement>('ul.checks input[type=checkbox]').forEach((c) => (checklist[c.dataset.id!] = c.checked));
    const reasons: Record<string, string> = {};
    root.querySelectorAll<HTMLInputElement>('ul.checks input.reason').forEach((r) => {
      if (r.value.trim()) reasons[r.dataset.reason!] = r.value;
    });
    return { notes: notes.value, siteNotes: root.querySelector<HTMLTextAreaElement>('#site')!.value, checklist, reasons, recommended: root.querySelector<HTMLInputElement>('#rec')!.checked };
  }

  /** Whether the open record's form differs from its saved review: typed notes must not be dropped by a tap on another name. */
  private _unsaved(): boolean {
    const d = this._detail;
    const f = this._form();
    if (!d || !f) return false;
    const saved = d.review.reasons ?? {};
    const reasonsChanged = [...new Set([...Object.keys(f.reasons), ...Object.keys(saved)])].some((id) => (f.reasons[id] ?? '') !== (saved[id] ?? ''));
    return (
      f.notes !== d.review.notes ||
      f.siteNotes !== d.review.siteNotes ||
      f.recommended !== d.recommended ||
      reasonsChanged ||
      Object.entries(f.checklist).some(([id, v]) => v !== !!d.review.checklist[id])
    );
  }

  /**
   * One applicant's record, rendered keyed by its session: with one form reused for every applicant,
   * a value bound as '' → '' is not reset, and notes typed for one enterprise would show, and be
   * saved, under the next one opened.
   */
  private _detailView(d: Detail) {
    return html`<div class="card" data-testid="detail">
      <h2 tabindex="-1">${fill(W.detailHeading, { name: d.name ?? W.noName, category: d.categoryLabel })}</h2>
      <p class="muted">${fillParts(W.submittedAt, { at: beijingTimeSpan(d.submittedAt), zone: TIME_ZONE_LABEL })}${d.programmeYear ? fill(W.submittedYear, { year: d.programmeYear }) : ''}</p>
      ${d.deadline
        ? html`<p class="muted" data-testid="detail-deadline">${fill(W.detailDeadline, { label: d.deadline.label, clause: d.deadline.clause, status: deadlineStatus(d.deadline) })}</p>`
        : ''}
      ${d.movedFrom
        ? html`<div class="warn" role="status" data-testid="moved-banner">${fill(W.movedBanner, { region: d.movedFrom.region, at: beijingTime(d.movedFrom.at), zone: TIME_ZONE_LABEL })}</div>`
        : ''}
      ${d.outsideArea ? html`<div class="warn" role="status" data-testid="outside-area">${d.outsideArea}</div>` : ''}
      ${d.changedSinceReview
        ? html`<div class="warn" role="status" data-testid="changed-banner">${W.changedBanner}</div>`
        : ''}
      ${this._financeWarnings(d)}
      <h2>${W.gapsHeading}</h2>
      ${d.gaps.length ? html`<ul>${d.gaps.map((g) => html`<li><strong>${g.clause}</strong> ${fill(W.gap, { title: g.title, advice: g.advice })}</li>`)}</ul>` : html`<p class="muted">${W.none}</p>`}
      <h2>${W.checklistHeading}</h2>
      <p class="muted">${W.checklistIntro}</p>
      ${checklistGroups(d.checklist).map(
        (g) => html`<h3 class="check-group" data-clause=${g.clause}>${g.clause} ${g.element}</h3>
          ${g.requirements.map(
            (r) => html`<p class="muted requirement">${r.text}</p>
              <ul class="checks">
                ${r.items.map((i) => this._checkItem(d, i))}
              </ul>`,
          )}`,
      )}
      <label for="notes">${W.notes}</label>
      <textarea id="notes" .value=${d.review.notes} aria-invalid=${this._refusal?.notes ? 'true' : 'false'} aria-describedby="refusal"></textarea>
      <label for="site" style="margin-top: var(--zz-space-3)">${W.siteNotes}</label>
      <textarea id="site" .value=${d.review.siteNotes} aria-invalid=${this._refusal?.siteNotes ? 'true' : 'false'} aria-describedby="refusal"></textarea>
      <div class="verdict ${VERDICT[d.verdict][1]}" data-testid="verdict">
        <span>${W.verdict}</span> <span class="tag ${VERDICT[d.verdict][1]}">${VERDICT[d.verdict][0]}</span>
        ${d.pending?.length ? html`<p data-testid="hard-pending">${fill(W.hardPending, { items: d.pending.map((p) => `${p.clause} ${p.title}`).join(words.common.listSep) })}</p>` : ''}
        ${d.notRecommendable ? html`<p>${d.notRecommendable}</p>` : ''}
      </div>
      ${d.recommendationIncomplete ? html`<div class="warn" role="status" data-testid="incomplete-banner">${d.recommendationIncomplete}</div>` : ''}
      ${d.outsideAreaRecommended ? html`<div class="warn" role="status" data-testid="outside-area-recommended">${d.outsideAreaRecommended}</div>` : ''}
      ${d.confirmation ? html`<p class="muted" data-testid="confirmation">${d.confirmation}</p>` : ''}
      <div class="row" style="margin-top: var(--zz-space-3)">
        <label class="row" style="margin:0; font-size: var(--zz-font-size)"
          ><input id="rec" type="checkbox" .checked=${d.recommended} ?disabled=${!!d.notRecommendable && !d.recommended} /> ${W.recommend}</label
        >
        <button class="btn primary" data-testid="save" @click=${() => this._save()}>${W.save}</button>
        ${this._saved ? html`<span class="ok">${this._saved}</span>` : ''}
      </div>
      ${this._refusal
        ? html`<div class="error" id="refusal" role="alert" data-testid="refusal">${this._refusal.message}<br /><span class="muted">${W.refusalKept}</span></div>`
        : ''}
      ${this._conflict
        ? html`<div class="warn" role="alert" data-testid="conflict">
            <p>${this._conflict.message}</p>
            <div class="row">
              <button class="btn" data-testid="load-theirs" @click=${this._loadTheirs}>${W.loadTheirs}</button>
              <button class="btn primary" data-testid="overwrite" @click=${() => this._save({}, this._conflict?.at ?? null)}>${W.overwrite}</button>
            </div>
          </div>`
        : ''}
      ${this._financeConfirm
        ? html`<div class="warn" role="alert" data-testid="finance-confirm">
            <p>${this._financeConfirm}</p>
            <div class="row">
              <button class="btn primary" data-testid="confirm-recommend" @click=${() => this._save({ ...this._confirmed, [this._confirmFlag]: true })}>${W.confirmRecommend}</button>
              <button class="btn" data-testid="cancel-recommend" @click=${this._cancelRecommend}>${W.cancelRecommend}</button>
            </div>
          </div>`
        : ''}
      ${this._application(d.application)}
    </div>`;
  }

  /** The finance warnings of the submitted figures, beside the verdict: what the 初审 should question, decided by no one here. */
  private _financeWarnings(d: Detail) {
    const w = d.financeWarnings;
    if (!w?.items.length) return '';
    return html`<div class="warn" role="status" data-testid="finance-warnings">
      <strong>${W.financeHeading}</strong>
      <ul>${w.items.map((i) => html`<li>${fill(W.financeItem, { text: i.text, clause: i.clause })}</li>`)}</ul>
      <p class="muted">${w.note}</p>
    </div>`;
  }

  /** One checklist item: its tick, and, while it is not ticked, the reason it was not verified. */
  private _checkItem(d: Detail, i: ChecklistItem) {
    const ticked = this._ticks[i.id] ?? !!d.review.checklist[i.id];
    const missing = !!this._refusal?.unchecked.includes(i.id);
    return html`<li data-kind=${i.kind ?? 'presence'} class=${missing ? 'missing' : ''}>
      <label><input type="checkbox" data-id=${i.id} .checked=${!!d.review.checklist[i.id]} @change=${this._tick} />
        <span>${i.kind === 'integration' ? html`<strong>${W.integration}</strong> ` : ''}${i.label}${i.claim === 'partial' ? W.partialClaim : ''}${i.checkedAt?.length
            ? html`<span class="muted">${fill(W.checkedAt, { clauses: i.checkedAt.join(words.common.listSep) })}</span>`
            : ''}</span></label>
      <!--
        Folded until asked for, so an unticked list is not a column of empty boxes; hidden rather than removed once
        ticked, so a reason typed and then ticked away is still there when unticked again.
      -->
      <details class="reason" ?hidden=${ticked} ?open=${missing || !!d.review.reasons?.[i.id]}>
        <summary class="muted">${W.reasonSummary}</summary>
        <input
          class="reason"
          type="text"
          data-reason=${i.id}
          maxlength="1000"
          aria-label=${fill(W.reasonLabel, { label: i.label })}
          aria-invalid=${missing ? 'true' : 'false'}
          placeholder=${W.reasonPlaceholder}
          .value=${d.review.reasons?.[i.id] ?? ''}
        />
      </details>
    </li>`;
  }

  private _tick(e: Event) {
    const box = e.target as HTMLInputElement;
    this._ticks = { ...this._ticks, [box.dataset.id!]: box.checked };
  }

  /**
   * The application as submitted. Every section of the form is drafted from the facts the
   * enterprise filled in; only the sections it rewrote itself are text of its own. Saying 「没有草稿」
   * of an enterprise that filled in the whole form but rewrote nothing would misreport it.
   */
  private _application(a: Detail['application']) {
    return html`<section data-testid="application">
      <h2 style="margin-top: var(--zz-space-4)">${W.applicationHeading}</h2>
      ${a.formAnswers.length
        ? html`<dl class="facts">${a.formAnswers.map(
            (f) => html`<dt>${f.label}</dt><dd>${f.display}${(f.flags ?? []).map((x) => html`<p class="warn" data-testid="form-flag">${fill(W.formFlag[x.severity], { message: x.message })}</p>`)}</dd>`,
          )}</dl>`
        : html`<p class="muted" data-testid="no-form-answers">${W.noFormAnswers}</p>`}
      <h2>${W.sectionsHeading}</h2>
      ${a.editedSections.length
        ? html`<p class="muted">${fill(W.editedSections, { count: a.editedSections.length })}</p>
            ${a.editedSections.map((s) => html`<details><summary>${s.title}</summary>${s.stale ? html`<p class="warn" data-testid="stale-section">${s.stale}</p>` : ''}<p class="draft">${s.text}</p></details>`)}`
        : html`<p class="muted" data-testid="no-edited-sections">${fill(W.noEditedSections, { source: a.formAnswers.length ? W.sourceForm : W.sourceAnswers })}</p>`}
    </section>`;
  }

  /** 「暂不推荐」 beside the finance confirmation: 推荐 is unticked, and the rest of the record is kept for saving. */
  private _cancelRecommend() {
    this._financeConfirm = null;
    const rec = this.renderRoot.querySelector<HTMLInputElement>('#rec');
    if (rec) rec.checked = false;
  }

  /**
   * Saves the record. The server checks a 推荐 in the bureau's order, each once: the 初审 record, then (for an
   * applicant whose figures raise warnings) the bureau's confirmation, then the quota. `financeConfirmed` is sent
   * only from the confirmation's own button, so the warnings are read before 推荐, not clicked past.
   */
  private async _save(confirmed: { financeConfirmed?: boolean; conditionsConfirmed?: boolean } = {}, basedOn: string | null | undefined = undefined) {
    const d = this._detail;
    if (!d) return;
    const root = this.renderRoot;
    const form = this._form();
    if (!form) return;
    // The record as this page read it (or, to overwrite a colleague's save knowingly, as they saved it).
    this._confirmed = confirmed;
    const body = { ...form, financeConfirmed: !!confirmed.financeConfirmed, conditionsConfirmed: !!confirmed.conditionsConfirmed, basedOn: basedOn !== undefined ? basedOn : (d.reviewedAt ?? null) };
    const checklist = body.checklist;
    this._error = '';
    this._saved = '';
    this._refusal = null;
    this._financeConfirm = null;
    this._conflict = null;
    try {
      const { applicant, ...ov } = await call<Overview & { reviewedAt: string; applicant: Applicant | null }>('PUT', `/api/staff/bureau/applicants/${encodeURIComponent(d.sessionId)}/review`, body);
      // The record as the server now lists it: what it recorded (a confirmation) and says of it (a flag).
      const saved = { ...applicant, recommended: body.recommended, changedSinceReview: false, recommendationIncomplete: applicant?.recommendationIncomplete ?? null, reviewedAt: ov.reviewedAt };
      this._ov = { ...ov, applicants: this._ov?.applicants?.map((a) => (a.sessionId === d.sessionId ? { ...a, ...saved } : a)) };
      this._detail = { ...d, ...saved, review: { notes: body.notes, siteNotes: body.siteNotes, checklist, reasons: body.reasons } };
      this._saved = W.saved;
    } catch (err) {
      if (err instanceof ConsoleError && err.code === 'REVIEW_INCOMPLETE') {
        // Everything typed stays in the form, 推荐 still ticked: the bureau completes the record and saves again.
        const m = (err.details ?? {}) as { notes?: boolean; siteNotes?: boolean; unchecked?: string[] };
        this._refusal = { message: err.message, notes: !!m.notes, siteNotes: !!m.siteNotes, unchecked: m.unchecked ?? [] };
        await this.updateComplete;
        root.querySelector<HTMLElement>('[data-testid=refusal]')?.scrollIntoView({ block: 'nearest' });
        return;
      }
      if (err instanceof ConsoleError && err.code === 'REVIEW_CONFLICT') {
        this._conflict = { message: err.message, at: ((err.details ?? {}) as { at?: string | null }).at ?? null };
        await this.updateComplete;
        root.querySelector<HTMLElement>('[data-testid=conflict]')?.scrollIntoView({ block: 'nearest' });
        return;
      }
      if (err instanceof ConsoleError && (err.code === 'FINANCE_UNCONFIRMED' || err.code === 'CONDITIONS_UNCONFIRMED')) {
        // The bureau confirms each warning in turn; the confirmations it gave are sent again with the next one.
        this._confirmFlag = err.code === 'FINANCE_UNCONFIRMED' ? 'financeConfirmed' : 'conditionsConfirmed';
        this._financeConfirm = err.message;
        await this.updateComplete;
        root.querySelector<HTMLElement>('[data-testid=finance-confirm]')?.scrollIntoView({ block: 'nearest' });
        return;
      }
      this._error = (err as Error).message;
      root.querySelector<HTMLInputElement>('#rec')!.checked = d.recommended;
    }
  }

  /** Opens the record again as the colleague saved it; what this page typed is dropped only once the bureau agrees. */
  private readonly _loadTheirs = async () => {
    const d = this._detail;
    if (!d || !confirm(W.loadTheirsConfirm)) return;
    await this._open(d.sessionId);
  };

  private async _pickYear(e: Event) {
    this._year = Number((e.target as HTMLSelectElement).value);
    this._detail = null;
    await this._load();
  }

  private async _export() {
    try {
      await download(`/api/staff/bureau/summary.xlsx${this._yearQuery}`, W.summaryFile);
    } catch (err) {
      this._error = (err as Error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-bureau': ZzConsoleBureau;
  }
}
