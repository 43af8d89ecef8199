import type { KnowledgeData } from '../knowledge/load';
import type { Assessment, Category } from '../schemas/profile';
import { factsFromAnswers, type Answers } from '../engine';
import { SavedDrafts } from '../schemas/forms';
import { describeForm, factOf, formFactsFromAnswers } from '../forms/phase';
import { formFlags } from '../forms/form-view';
import { staleNotice } from '../forms/session';
import { sectionIds } from '../forms/draft';
import { fill, gapItems, gapLabel } from '../engine/kb';
import { evaluationOf } from '../engine/plan';

/** The 四(三) quota of a region, read from regions.json. */
export interface RegionQuota {
  region: string;
  group: string;
  groupLabel: string;
  max: number;
  quote: string;
  clause: string;
  overQuota: string;
}

/** The regions that recommend under 四(三): every listed one but the 市辖区, whose 省辖市 recommends for them. */
function recommending(kb: KnowledgeData) {
  return kb.regions.regions.filter((r) => r.kind !== '市辖区');
}

/** The recommending region of a listed one: a 市辖区's 省辖市, else itself. */
function recommenderOf(r: KnowledgeData['regions']['regions'][number]): string {
  return r.kind === '市辖区' && r.prefecture ? r.prefecture : r.name;
}

export function regionNames(kb: KnowledgeData): string[] {
  return recommending(kb).map((r) => r.name);
}

export function quotaOf(kb: KnowledgeData, regionName: string): RegionQuota | undefined {
  const region = recommending(kb).find((r) => r.name === regionName);
  const group = region && kb.regions.groups.find((g) => g.id === region.group);
  if (!region || !group) return undefined;
  return { region: region.name, group: group.id, groupLabel: group.label, max: group.max, quote: group.quote, clause: kb.regions.clause, overQuota: kb.regions.overQuota };
}

/** The region an enterprise names when it submits: an exact name or one of its aliases / short names. */
/**
 * The recommending region an address names: the longest name or short name found in it, so 新乡县
 * wins over 新乡 (a county's own bureau does its 初审 under 四(三)). A 市辖区 stands for its 省辖市,
 * and only when no other region is named (several cities have a 鼓楼区). Null when none is named.
 */
export function regionIn(kb: KnowledgeData, address: string): string | null {
  const found = matchesIn(kb, address);
  const county = countyBesideCity(found);
  if (county) return county.name;
  const best = (xs: typeof found) => xs.reduce<(typeof found)[number] | null>((b, x) => (!b || x.length > b.length ? x : b), null);
  const at = best(found.filter((x) => x.r.kind !== '市辖区')) ?? best(found.filter((x) => x.r.kind === '市辖区'));
  return at ? recommenderOf(at.r) : null;
}

/** Every listed place a text names, with the length of the longest of its names found. */
function matchesIn(kb: KnowledgeData, text: string): { r: Region; length: number }[] {
  return kb.regions.regions.flatMap((r) => {
    const length = Math.max(0, ...[r.name, r.short, ...r.aliases].filter((t) => t && t.length >= 2 && text.includes(t)).map((t) => t.length));
    return length ? [{ r, length }] : [];
  });
}

/**
 * A county (县, 县级市) named with its own 省辖市 or alone (濮阳市范县, 范县城关镇): the county is where the applicant is,
 * however much longer the city's name, since 四(三) has the county's bureau recommend it. A county of another city than
 * the one named is no such place (a coincidence of characters), and the longer name decides as before.
 */
function countyBesideCity(found: { r: Region; length: number }[]): Region | null {
  const cities = found.filter((x) => x.r.kind === '省辖市').map((x) => x.r.name);
  const counties = found.filter((x) => (x.r.kind === '县' || x.r.kind === '县级市') && (!cities.length || (x.r.prefecture !== undefined && x.r.prefecture !== null && cities.includes(x.r.prefecture))));
  return counties.sort((a, b) => b.length - a.length)[0]?.r ?? null;
}

/** The recommending region a typed name means: 「偃师区」 is 洛阳市. */
export function resolveRegion(kb: KnowledgeData, text: string): string | undefined {
  const t = text.trim();
  const r = kb.regions.regions.find((x) => x.name === t || x.short === t || x.aliases.includes(t));
  return r && recommenderOf(r);
}

type Region = KnowledgeData['regions']['regions'][number];

/** The most precise listed place a text names: a county or district over the city it is in (longest name wins). */
function placeIn(kb: KnowledgeData, text: string): Region | null {
  const county = countyBesideCity(matchesIn(kb, text));
  if (county) return county;
  let best: { r: Region; score: number } | null = null;
  for (const r of kb.regions.regions) {
    const finer = r.kind === '省辖市' ? 0 : 0.5;
    for (const term of [r.name, r.short, ...r.aliases]) {
      if (term && term.length >= 2 && text.includes(term) && (!best || term.length + finer > best.score)) best = { r, score: term.length + finer };
    }
  }
  return best?.r ?? null;
}

/** Where the applicant says it is, from its own answers: the address, the county, the city, the most precise first. */
export function statedPlace(kb: KnowledgeData, answers: Answers): { place: string; said: string; recommender: string; kind: string; prefecture: string | null } | null {
  const found = ['form.address', 'ent.county', 'ent.city']
    .map((id) => answers[id])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((said) => ({ said: said.trim(), r: placeIn(kb, said) }))
    .filter((x): x is { said: string; r: Region } => x.r !== null);
  const best = found.find((x) => x.r.kind !== '省辖市') ?? found[0];
  if (!best) return null;
  return { place: best.r.name, said: best.said, recommender: recommenderOf(best.r), kind: best.r.kind, prefecture: best.r.prefecture ?? (best.r.kind === '省辖市' ? best.r.name : null) };
}

/** The location an applicant gave, against a bureau whose area does not hold it: where it is, and who recommends there. */
export interface AreaMismatch {
  /** The applicant's own words (its address, county or city). */
  said: string;
  /** The place those words name, with its city: 「郑州市金水区」. */
  where: string;
  /** The bureau chosen. */
  region: string;
  /** The bureau that recommends for that place under 四(三). */
  recommender: string;
  clause: string;
}

/**
 * Whether the bureau of `region` covers the location this applicant gave; null when it does (or nothing was stated).
 * A city covers its districts, not its counties: under 四(三) a 县（市） does its own 初审 and recommends on its own
 * quota. A county covers itself, and a city named alone may be any of its counties, so it does not rule a county's
 * bureau out.
 */
export function areaMismatch(kb: KnowledgeData, region: string, answers: Answers): AreaMismatch | null {
  const at = statedPlace(kb, answers);
  if (!at || at.recommender === region || at.place === region) return null;
  const bureau = kb.regions.regions.find((r) => r.name === region);
  if (at.kind === '省辖市' && bureau?.prefecture === at.place) return null;
  const where = at.prefecture && at.prefecture !== at.place ? `${at.prefecture}${at.place}` : at.place;
  return { said: at.said, where, region, recommender: at.recommender, clause: kb.regions.clause };
}

/** The words a mismatch fills into its sentences. */
const areaVars = (m: AreaMismatch) => ({ said: m.said, where: m.where, region: m.region, clause: m.clause, recommender: m.recommender });

/** What the applicant is told, when it picks the bureau and again when it submits; null when the bureau covers it. */
export function outsideArea(kb: KnowledgeData, region: string, answers: Answers): string | null {
  const m = areaMismatch(kb, region, answers);
  return m ? fill(kb.regions.wording.outsideArea, areaVars(m)) : null;
}

/** What the chosen bureau is told in its 初审 view: the same facts, and what it can do, since it cannot move the submission itself. */
export function outsideAreaForBureau(kb: KnowledgeData, m: AreaMismatch): string {
  return fill(kb.regions.wording.outsideAreaForBureau, areaVars(m));
}

/** The flag beside an out-of-area applicant's name in the bureau's list. */
export function outsideAreaTag(kb: KnowledgeData, m: AreaMismatch): string {
  return fill(kb.regions.wording.outsideAreaTag, { where: m.where, recommender: m.recommender });
}

/**
 * The refusal of 推荐 by a bureau whose area does not hold the place the applicant gave: 四(三) has that place's own
 * bureau recommend it, on that bureau's quota, so it is never counted against this one. The bureau cannot move the
 * submission; the applicant resubmits to its own bureau, or corrects its address if it was wrong.
 */
export function outsideAreaRefusal(kb: KnowledgeData, m: AreaMismatch): string {
  return fill(kb.regions.wording.outsideAreaRecommend, areaVars(m));
}

/**
 * What a stored 推荐 of an applicant outside the bureau's area is said to be. Such a row was saved before 推荐 was
 * refused for it (outsideAreaRefusal): it stays as saved, flagged, but it is no recommendation of this bureau, since
 * 四(三) has the applicant's own bureau recommend it on its own quota.
 */
export function outsideAreaRecommended(kb: KnowledgeData, m: AreaMismatch): string {
  return fill(kb.regions.wording.outsideAreaRecommended, { where: m.where, region: m.region, clause: m.clause, recommender: m.recommender });
}

/**
 * Whether a stored submission takes a place of its bureau's quota: it is recommended, and the place the applicant
 * gave lies in the area of the bureau it is stored with. Decided from the stored region and the submitted answers,
 * so a recommendation saved before out-of-area 推荐 was refused never counts, whatever its flag says.
 */
export function countsInQuota(kb: KnowledgeData, s: { region: string; recommended: boolean; snapshot: unknown }): boolean {
  return s.recommended && !areaMismatch(kb, s.region, (s.snapshot as SubmissionSnapshot).answers ?? {});
}

/** The refusal of a 推荐 beyond the region's quota of the programme year (none recorded: no year named). */
export function overQuotaMessage(kb: KnowledgeData, q: RegionQuota, year: number | null): string {
  return fill(kb.regions.wording.overQuota, { region: q.region, year: year ? `${year}年度` : '', max: q.max, clause: q.clause, quote: q.quote, overQuota: q.overQuota });
}

/** The warning on the bureau's page at its quota, or with few places left; null while places are plenty. */
export function quotaWarning(kb: KnowledgeData, q: RegionQuota, recommended: number): { atLimit: boolean; text: string } | null {
  const w = kb.regions.wording;
  const remaining = Math.max(0, q.max - recommended);
  if (recommended >= q.max) return { atLimit: true, text: fill(w.atLimit, { region: q.region, recommended, clause: q.clause, max: q.max, overQuota: q.overQuota }) };
  if (remaining <= w.nearLimitAt) return { atLimit: false, text: fill(w.nearLimit, { remaining, max: q.max, overQuota: q.overQuota }) };
  return null;
}

/** The quota line of the 推荐汇总表. */
export function summaryQuotaLine(kb: KnowledgeData, q: RegionQuota, recommended: number): string {
  return fill(kb.regions.wording.summaryQuota, { recommended, max: q.max, clause: q.clause, quote: q.quote });
}

/**
 * On a 省辖市's page: the counties (县, 县级市) of the city do their own 初审 and recommend on the county quota of
 * 四(三), and upload their own 推荐汇总表 (四(四)), so their applicants are not on this page. Null for any other
 * region, and for a city with no county listed.
 */
export function countiesOwnNote(kb: KnowledgeData, region: string): { title: string; text: string; counties: string[] } | null {
  const city = kb.regions.regions.find((r) => r.name === region);
  if (city?.kind !== '省辖市') return null;
  const counties = kb.regions.regions.filter((r) => r.prefecture === region && (r.kind === '县' || r.kind === '县级市'));
  const group = kb.regions.groups.find((g) => g.id === counties[0]?.group);
  if (!counties.length || !group) return null;
  const w = kb.regions.wording.countiesOwn;
  const text = fill(w.text, {
    region,
    counties: counties.map((c) => c.name).join('、'),
    count: counties.length,
    review: w.review.text,
    reviewClause: w.review.clauses.join('、'),
    quota: group.quote,
    quotaClause: kb.regions.clause,
    date: kb.facts.deadlines.find((d) => d.id === 'recommendationSummary')?.date ?? '',
    upload: w.upload.text,
    uploadClause: w.upload.clauses.join('、'),
  });
  return { title: w.title, text, counties: counties.map((c) => c.name) };
}

export interface Deadline {
  /** ISO date (local calendar date of the notice's year). */
  date: string;
  label: string;
  what: string;
  who: string;
  clause: string;
  /** Whole days from `today` (in Beijing) to the deadline; negative once it has passed. */
  daysLeft: number;
}

/** Beijing is UTC+8 all year (no daylight saving), so its calendar date is the UTC date eight hours on. */
const BEIJING_OFFSET_MS = 8 * 3600_000;

/**
 * The 推荐汇总表 deadline of 四(四). The notice gives only month and day; the year is the
 * programme year of the knowledge version (manifest.year), which the console shows beside the date.
 */
export function summaryDeadline(kb: KnowledgeData, today: Date): Deadline | undefined {
  const d = kb.facts.deadlines.find((x) => x.id === 'recommendationSummary');
  if (!d) return undefined;
  const year = kb.manifest.year;
  const due = Date.UTC(year, d.month - 1, d.day);
  // The bureaus' day turns at midnight in Beijing: at 01:00 on 3月15日 there, UTC still says 3月14日.
  const local = new Date(today.getTime() + BEIJING_OFFSET_MS);
  const now = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return {
    date: `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
    label: `${year}年${d.date}`,
    what: d.what,
    who: d.who,
    clause: d.clause,
    daysLeft: Math.round((due - now) / 86_400_000),
  };
}

export interface ChecklistItem {
  id: string;
  clause: string;
  element: string;
  /** The capability checked; for an integration item, the systems it joins, joined by '+'. */
  capability: string;
  label: string;
  claim: 'yes' | 'partial';
  requirement: string;
  /**
   * presence: the applicant has the capability. integration: the systems an earlier element already checks work
   * together, as the element (系统集成) asks; each system's presence is not checked a second time here.
   */
  kind: 'presence' | 'integration';
  /** For an integration item, the clauses where its systems' presence is checked. */
  checkedAt?: string[];
}

/**
 * The 初审 / 真实性核查 checklist, element by element: one item per capability the applicant says it
 * has, under the first element condition of its category that asks for it. A later element naming
 * systems already listed (三(三)5 系统集成 names the DCS, SCADA, ERP… of 三(三)3 and 三(三)4) asks
 * for their integration, and gets one integration item naming them instead of a second presence
 * check of each, when the applicant claims that element's own capability. Only claims are listed, because the
 * bureau verifies what the application asserts; what it denies is a gap of the assessment, shown with the gaps.
 */
export function checklistOf(kb: KnowledgeData, category: Category | null, answers: Answers): ChecklistItem[] {
  if (!category) return [];
  const facts = factsFromAnswers(kb, answers);
  const cat = kb.elements.categories[category];
  if (!cat) return [];
  const labels = new Map<string, string>(kb.capabilities.capabilities.map((c) => [c.id, c.label]));
  const claim = (cap: string) => (facts.capabilities as Record<string, boolean | 'partial' | undefined>)[cap];
  const claimed = (cap: string) => claim(cap) === true || claim(cap) === 'partial';
  const reqsOf = (el: (typeof cat.elements)[number]) => el.requirements ?? (facts.productionMode === 'process' ? el.branches?.process : el.branches?.discrete) ?? [];
  /** The element that checks each capability's presence: the first that names it. */
  const owner = new Map<string, string>();
  for (const el of cat.elements) for (const req of reqsOf(el)) for (const cap of [...(req.all ?? []), ...(req.any ?? [])]) if (!owner.has(cap)) owner.set(cap, el.clause);
  const items: ChecklistItem[] = [];
  const seen = new Set<string>();
  for (const el of cat.elements) {
    const joined: { cap: string; req: string }[] = [];
    for (const req of reqsOf(el)) {
      for (const cap of [...(req.all ?? []), ...(req.any ?? [])]) {
        if (!claimed(cap)) continue;
        if (owner.get(cap) !== el.clause) {
          if (!joined.some((j) => j.cap === cap)) joined.push({ cap, req: req.text });
          continue;
        }
        const id = `${el.clause}:${cap}`;
        if (seen.has(id)) continue;
        seen.add(id);
        items.push({ id, clause: el.clause, element: el.title, capability: cap, label: labels.get(cap) ?? cap, claim: claim(cap) === true ? 'yes' : 'partial', requirement: req.text, kind: 'presence' });
      }
    }
    // The integration is the applicant's claim only where it claims the element's own capability (系统集成): one who
    // answered 没有 to it, or never said, has its gap in the assessment, and there is nothing of it to verify on site.
    const own = reqsOf(el).flatMap((req) => [...(req.all ?? []), ...(req.any ?? [])]).filter((cap) => owner.get(cap) === el.clause);
    if (joined.length && (own.length === 0 || own.some(claimed))) {
      const caps = joined.map((j) => j.cap);
      items.push({
        id: `${el.clause}:integration`,
        clause: el.clause,
        element: el.title,
        capability: caps.join('+'),
        label: `${caps.map((c) => labels.get(c) ?? c).join('、')} 之间的${el.title}`,
        claim: caps.every((c) => claim(c) === true) ? 'yes' : 'partial',
        requirement: [...new Set(joined.map((j) => j.req))].join('；'),
        kind: 'integration',
        checkedAt: [...new Set(caps.map((c) => owner.get(c)!))],
      });
    }
  }
  return items;
}

/**
 * Saved ticks read against the checklist as it is now. Before an integration element (三(三)5, 三(二)5 系统集成) was
 * grouped, it listed each system it names as an item of its own (「三(三)5:dcs」), and a bureau may have ticked those:
 * a tick there verified that system, so it ticks the system's presence item where it is now checked, unless that
 * item was already decided; the integration item is ticked when every system it joins was ticked under the element.
 * The old ids stay in the record as they were, so nothing a bureau saved is lost.
 */
export function migrateTicks(items: ChecklistItem[], ticks: Record<string, boolean>): Record<string, boolean> {
  const out = { ...ticks };
  for (const join of items) {
    if (join.kind !== 'integration' || join.id in ticks) continue;
    const caps = join.capability.split('+');
    const old = caps.map((cap) => ticks[`${join.clause}:${cap}`]);
    if (old.every((v) => v === undefined)) continue;
    out[join.id] = old.every((v) => v === true);
    caps.forEach((cap, k) => {
      const presence = items.find((i) => i.kind === 'presence' && i.capability === cap);
      if (presence && old[k] === true && !(presence.id in ticks)) out[presence.id] = true;
    });
  }
  return out;
}

/**
 * The checklist ticks of a review that still hold after the applicant resubmitted: an item the
 * new submission still lists, with the same claim (已具备 or 部分具备). A tick on a capability the
 * applicant no longer claims, or now claims differently, verified something that is not asserted any more.
 */
export function ticksStillValid(kb: KnowledgeData, before: SubmissionSnapshot, after: SubmissionSnapshot, ticks: Record<string, boolean>): Record<string, boolean> {
  const listOf = (s: SubmissionSnapshot) => checklistOf(kb, s.assessment.category.recommended, s.answers);
  const beforeList = listOf(before);
  const was = new Map(beforeList.map((i) => [i.id, i.claim]));
  const now = new Map(listOf(after).map((i) => [i.id, i.claim]));
  // Ticks saved under the checklist's older ids are read as today's first, or every one of them would be cleared.
  return Object.fromEntries(Object.entries(migrateTicks(beforeList, ticks)).filter(([id]) => was.has(id) && now.get(id) === was.get(id)));
}

/** What a bureau sees of an applicant: taken when the enterprise submits, so later edits do not change what was submitted. */
export interface SubmissionSnapshot {
  name: string | null;
  answers: Answers;
  assessment: Assessment;
  drafts: unknown;
}

/** What an application held when it was submitted: the form's facts as entered, and the sections the enterprise wrote itself. */
export interface ApplicationContent {
  /** Each 申报书 field the enterprise filled, by its label, as the form prints it. */
  formAnswers: { label: string; display: string; flags?: { severity: 'error' | 'warning'; message: string }[] }[];
  /** The sections of the recommended form whose text the enterprise edited and saved, by their titles. */
  editedSections: { title: string; text: string; savedAt: string; stale?: string }[];
}

/**
 * The application as submitted, so the bureau sees what is there rather than an absent "draft":
 * an enterprise that never edited a section still filled in the form's facts, from which every
 * section is drafted. A meta question (继续填写吗) is no field of the form.
 */
export function applicationContent(kb: KnowledgeData, snap: SubmissionSnapshot, today?: string): ApplicationContent {
  const category = snap.assessment.category.recommended;
  const meta = new Set(kb.formQuestions.questions.filter((q) => q.fact.startsWith('meta.') && q.fact !== 'meta.workshopCount').map((q) => q.id));
  // What the form view flagged beside a box (联网设备数大于自动化设备数) is flagged beside the value submitted too, a
  // relative date (前年) counted from the day the enterprise wrote it (`today`), as its form view counted it.
  const flags = category ? formFlags(kb, snap.answers, category, undefined, today) : [];
  const formAnswers = describeForm(kb, snap.answers, category)
    .filter((r) => !meta.has(r.questionId) && r.display.trim() !== '')
    .map((r) => {
      const own = flags.filter((f) => f.field === factOf(kb, r.questionId)).map((f) => ({ severity: f.severity, message: f.message }));
      return { label: r.label, display: r.display, ...(own.length ? { flags: own } : {}) };
    });
  const saved = SavedDrafts.safeParse(snap.drafts ?? {});
  const own = category && saved.success ? (saved.data[category] ?? {}) : {};
  const titles = new Map(category ? sectionIds(kb, category).map((x) => [x.id, x.title]) : []);
  const facts = formFactsFromAnswers(kb, snap.answers);
  const editedSections = Object.entries(own)
    .filter(([, d]) => d.edited && d.text.trim() !== '')
    .map(([key, d]) => {
      // A per-workshop section is keyed 「ws.infra@2」: its title, for the second workshop.
      const [id, n] = key.split('@');
      const title = titles.get(id!) ?? key;
      // A text saved before facts it asks for were filled in: the bureau is told which, rather than reading it as unanswered.
      const stale = staleNotice(kb, facts, d.text, kb.formDrafting.messages.staleSubmitted);
      return { title: n ? `${title}（车间${n}）` : title, text: d.text, savedAt: d.savedAt, ...(stale ? { stale: stale.notice } : {}) };
    });
  return { formAnswers, editedSections };
}

export function categoryLabel(kb: KnowledgeData, category: Category | null): string {
  if (!category) return '未定';
  return kb.elements.categories[category]?.label ?? category;
}

/** A bureau's 初审 record of one applicant, as saved or as about to be saved. */
export interface ReviewRecord {
  notes: string;
  siteNotes: string;
  checklist: Record<string, boolean>;
  /** Why a checklist item was not verified, by item id: a claim the bureau could not or did not confirm on site. */
  reasons?: Record<string, string>;
  /**
   * The conditions the applicant's answers left unmet, partial or unknown when the bureau recommended it
   * (unconfirmedConditions), which the bureau confirmed it recommends all the same: its own judgement, kept with the
   * 初审 record and written into the 推荐汇总表.
   */
  confirmedUnmet?: {
    clauses: string[];
    /** Each condition confirmed, with its status then; absent from confirmations saved before statuses were recorded. */
    conditions?: Pick<UnconfirmedCondition, 'clause' | 'title' | 'status' | 'detail' | 'kind'>[];
    by: string;
    at: string;
  };
}

/** A condition not shown to be met when the bureau recommends: an element condition (三) or a hard one (二, 四(一)). */
export interface UnconfirmedCondition {
  clause: string;
  title: string;
  kind: 'element' | 'hard';
  status: 'unmet' | 'partial' | 'unknown';
  /** What is lacking (unmet, partial) or not answered (unknown), as the bureau reads it; empty when the condition names none. */
  detail: string[];
}

/**
 * The conditions a bureau confirms before it recommends, from the submitted answers and assessment: every element
 * condition the applicant's assessment left unmet, partial or unknown (二(二) makes meeting them a 申报条件), and every
 * hard condition its answers leave unknown. An applicant with a gap gets the verdict 「存在差距」 whatever else is
 * unanswered, so an unanswered 二(四) credit question or element would otherwise pass 推荐 unremarked.
 */
export function unconfirmedConditions(kb: KnowledgeData, snap: SubmissionSnapshot): UnconfirmedCondition[] {
  const category = snap.assessment.category.recommended ?? undefined;
  const elements: UnconfirmedCondition[] = snap.assessment.conditions
    .filter((c): c is typeof c & { status: UnconfirmedCondition['status'] } => c.status !== 'met')
    .map((c) => ({
      clause: c.clause,
      title: c.title,
      kind: 'element',
      status: c.status,
      detail: (c.status === 'unknown' ? c.unknown : gapItems(c)).map((id) => gapLabel(kb, id, category)),
    }));
  const { ev } = evaluationOf(kb, snap.answers ?? {});
  const hard: UnconfirmedCondition[] = Object.entries(ev.hard)
    .filter(([, fails]) => fails === undefined)
    .flatMap(([id]) => {
      const rule = kb.categoryRules.hard[id];
      return rule ? [{ clause: rule.clause, title: rule.title, kind: 'hard' as const, status: 'unknown' as const, detail: [] }] : [];
    });
  return [...hard, ...elements];
}

/** One unconfirmed condition as the bureau reads it: its clause, title, status and what it lacks. */
export function conditionText(kb: KnowledgeData, c: Pick<UnconfirmedCondition, 'clause' | 'title' | 'status' | 'detail'>): string {
  const w = kb.facts.review.gate.conditions;
  const vars = { clause: c.clause, title: c.title, status: w.status[c.status] };
  return c.detail.length ? fill(w.itemDetail, { ...vars, detail: c.detail.join(w.listSeparator) }) : fill(w.item, vars);
}

/**
 * The bureau's confirmation kept with a recommendation, as the 推荐汇总表 and the list say it; null when none was
 * given. A confirmation saved before each condition's status was recorded named only unmet clauses: they read as
 * unmet, titled from the submitted assessment.
 */
export function confirmationText(kb: KnowledgeData, snap: SubmissionSnapshot, confirmed: ReviewRecord['confirmedUnmet'] | undefined, time: (iso: string) => string): string | null {
  if (!confirmed?.clauses.length) return null;
  const w = kb.facts.review.gate.conditions;
  const titles = new Map(snap.assessment.conditions.map((c) => [c.clause, c.title]));
  const items = confirmed.conditions ?? confirmed.clauses.map((clause) => ({ clause, title: titles.get(clause) ?? '', status: 'unmet' as const, detail: [] }));
  return fill(w.confirmed, { by: confirmed.by, at: time(confirmed.at), items: items.map((c) => conditionText(kb, c)).join(w.separator) });
}

/** Text that says something: 「。」 or a few spaces is no 初审意见. */
const written = (s: string | undefined): boolean => /[\p{L}\p{N}]/u.test(s ?? '');

/** What a review lacks before 推荐 may stand; empty when it has what 四(三) asks for. */
export interface ReviewShortfall {
  notes: boolean;
  siteNotes: boolean;
  /** Checklist items neither ticked nor given a reason. */
  unchecked: ChecklistItem[];
}

/**
 * What a bureau must have recorded before it recommends: 四(三) has it 初审 the materials and 到企业现场进行真实性核查
 * before 择优推荐, and the forms' 推荐意见 reads 「经材料初审和现场核查，同意申报」. So a written 初审意见, a written
 * 现场核查情况, and every checklist item either ticked as verified or given the reason it was not. An unticked item
 * with a reason is allowed: the checklist lists what the enterprise claims, and a bureau may recommend an applicant
 * one of whose claims it could not confirm on the day (a system down for maintenance, a partial claim it judged
 * differently); forcing a tick there would record a verification that did not happen. The reason is kept and goes
 * into the 推荐汇总表. Null when nothing is missing.
 */
export function reviewShortfall(items: ChecklistItem[], review: ReviewRecord): ReviewShortfall | null {
  const ticks = migrateTicks(items, review.checklist);
  const unchecked = items.filter((i) => ticks[i.id] !== true && !written(review.reasons?.[i.id]));
  const out = { notes: !written(review.notes), siteNotes: !written(review.siteNotes), unchecked };
  return out.notes || out.siteNotes || unchecked.length ? out : null;
}

/** What is missing, as the bureau reads it: each part in the knowledge's words, joined. */
export function shortfallText(kb: KnowledgeData, s: ReviewShortfall): string {
  const g = kb.facts.review.gate;
  const parts: string[] = [];
  if (s.notes) parts.push(fill(g.notes, {}));
  if (s.siteNotes) parts.push(fill(g.siteNotes, {}));
  if (s.unchecked.length) parts.push(fill(g.unchecked, { count: s.unchecked.length, items: s.unchecked.map((i) => `${i.clause} ${i.label}`).join('、') }));
  return parts.join(g.separator);
}

/** The refusal of 推荐 while the 初审 record is incomplete, quoting 四(三) and the forms' 推荐意见. */
export function reviewRefusal(kb: KnowledgeData, s: ReviewShortfall): string {
  const g = kb.facts.review.gate;
  return fill(g.refusal, { clause: g.quote.clauses.join('、'), quote: g.quote.text, opinion: g.opinion.text, missing: shortfallText(kb, s) });
}

/** Said of a recommendation that does not pass the gate (saved before it existed): it is left out of the 推荐汇总表's 推荐企业. */
export function incompleteRecommendation(kb: KnowledgeData, s: ReviewShortfall): string {
  return fill(kb.facts.review.gate.incomplete, { missing: shortfallText(kb, s) });
}

/** The gate read for a stored submission: its checklist as it is now and its saved review. */
export function submissionShortfall(kb: KnowledgeData, snap: SubmissionSnapshot, review: ReviewRecord | null): ReviewShortfall | null {
  const items = checklistOf(kb, snap.assessment.category.recommended, snap.answers ?? {});
  return reviewShortfall(items, review ?? { notes: '', siteNotes: '', checklist: {} });
}

/**
 * The verdict is open only for hard conditions (二, 四(一)) the enterprise left unanswered (不清楚, skipped), with a
 * category and every element condition answered. The notice leaves those to the bureau's 初审 and on-site check (四(三)),
 * and 二(四)'s lists are public, so such an applicant may submit and be recommended once the bureau confirms them.
 */
export function onlyHardConditionsOpen(a: Assessment): boolean {
  return a.verdict === 'incomplete' && !!a.pending?.length && !!a.category.recommended && !a.conditions.some((c) => c.status === 'unknown');
}
