import type { KnowledgeData } from '../knowledge/load';
import type { ElementsFile, HardRule, HardRuleId, HardTest, Requirement } from '../knowledge/schemas/engine';
import type { Assessment, CapabilityId, CapabilityValue, Category, ConditionStatus } from '../schemas/profile';
import type { Facts } from './facts';
import { divisionLabel, fill, gapItems, gapLabel, indexOf, labelOf, requirementsOf, type Division, type Mode } from './kb';

type Condition = Assessment['conditions'][number];
type ElementSpec = ElementsFile['categories']['smartWorkshop']['elements'][number];

export interface Evaluation {
  assessment: Assessment;
  /** Each hard rule: true = fails, false = passes, undefined = not yet known. */
  hard: Record<HardRuleId, boolean | undefined>;
  mode: Mode | undefined;
  /** How the workshop/factory question stands when the enterprise did not say: decided or still open. */
  scopeDecision: 'given' | 'factory' | 'workshop' | 'open';
  /** The category applied for or left by the rules, blocked or not; undefined while workshop or factory is still open. */
  settled?: Category;
}

/* ------------------------------------------------------------------ hard conditions (二, 四(一)) */

const pathParts = new Map<string, string[]>();

/** The value at a dotted path of the facts (enterprise.credit.dishonestExecutee, declared.majorAccident). */
function factAt(f: Facts, path: string): unknown {
  let v: unknown = f;
  let parts = pathParts.get(path);
  // The paths are the rules' own (a few dozen): split once, not on every condition of every answer.
  if (!parts) pathParts.set(path, (parts = path.split('.')));
  for (const part of parts) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

const numberOf = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;

/**
 * Whether a fact fails a condition's test: true fails, false passes, undefined while the fact is unknown (or,
 * for `yearsUnder`, while the founding year alone cannot tell: founded in the boundary year, the month decides).
 */
export function failsTest(test: HardTest, value: unknown, year: number, dated: { month?: number; day?: number } = {}): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if ('equals' in test) return value === test.equals;
  if ('includes' in test) return Array.isArray(value) ? value.includes(test.includes) : undefined;
  const n = numberOf(value);
  if (n === undefined) return undefined;
  if ('outside' in test) return n < test.outside.from || n > test.outside.to;
  if ('below' in test) return n < test.below;
  if ('above' in test) return n > test.above;
  const age = year - n;
  if (age !== test.yearsUnder) return age < test.yearsUnder;
  return boundaryFails(test.asOf, dated);
}

/**
 * Founded exactly `yearsUnder` years before the notice's year: the founding date against the date the notice
 * counts to. Founded on or before it, the enterprise is of age by then. Undecided while the notice gives no date,
 * or the month (or, in the same month, the day) of the founding is not known — except when the notice counts to
 * the year's end, which every founding of that year reaches.
 */
function boundaryFails(asOf: { month: number; day: number } | undefined, dated: { month?: number; day?: number }): boolean | undefined {
  if (!asOf) return undefined;
  if (asOf.month === 12 && asOf.day === 31) return false;
  if (dated.month === undefined) return undefined;
  if (dated.month !== asOf.month) return dated.month > asOf.month;
  return dated.day === undefined ? undefined : dated.day > asOf.day;
}

/** The month and day of the founding, for a condition on the founding year (see boundaryFails). */
const datedOf = (f: Facts, fact: string) => (fact === 'enterprise.foundedYear' ? { month: f.enterprise.foundedMonth, day: f.enterprise.foundedDay } : {});

/**
 * Whether a guarded condition concerns this applicant: false when a guard rules it out (another category, a fact
 * that does not hold), undefined while one is unknown, true otherwise. `category` is the category applied for or
 * left by the rules, undefined while that is still open.
 */
export function concerns(kb: KnowledgeData, rule: HardRule, f: Facts, category: Category | undefined): boolean | undefined {
  if (!rule.only) return true;
  const held = (rule.only.facts ?? []).map((g) => {
    const r = failsTest(g.test, factAt(f, g.fact), kb.manifest.year, datedOf(f, g.fact));
    return r === undefined ? undefined : r === g.is;
  });
  const cats = rule.only.categories;
  const inCategory = !cats ? true : category === undefined ? undefined : cats.includes(category);
  const all = [...held, inCategory];
  if (all.includes(false)) return false;
  return all.includes(undefined) ? undefined : true;
}

function hardRules(kb: KnowledgeData, f: Facts, category: Category | undefined): Record<HardRuleId, boolean | undefined> {
  const out: Record<HardRuleId, boolean | undefined> = {};
  for (const [id, rule] of Object.entries(kb.categoryRules.hard)) {
    const c = concerns(kb, rule, f, category);
    const fails = c === false ? false : failsTest(rule.fails, factAt(f, rule.fact), kb.manifest.year, datedOf(f, rule.fact));
    // A fact that passes passes whoever applies; one that fails blocks only an applicant the condition concerns.
    out[id] = c === undefined && fails === true ? undefined : fails;
  }
  return out;
}

/* ------------------------------------------------------------------ element conditions (三) */

interface ReqResult {
  status: ConditionStatus;
  missing: CapabilityId[];
  /** The alternatives of each unmet anyOf requirement: named as one item, any one of them would do. */
  missingAny: CapabilityId[][];
  /** What the requirements that name all their capabilities lack. */
  missingAll: CapabilityId[];
  partial: CapabilityId[];
  /** Systems being built: a gap like a partial one, named as being built, with the advice for once they are in use. */
  building: CapabilityId[];
  unknown: CapabilityId[];
  selfMissing: string[];
  selfUnknown: string[];
  selfNotes: string[];
  /** The notice's words of each requirement that is not met, to quote. */
  quotes: string[];
  /** Advice of the requirements that are not met (or, for 「根据…需要」, not in place). */
  advice: string[];
  /** Capabilities of a 「根据…需要」 requirement answered as not (fully) in place. */
  asNeededLacking: CapabilityId[];
}

const RANK: Record<ConditionStatus, number> = { unmet: 0, partial: 1, unknown: 2, met: 3 };

// A system being built meets no condition (the notice asks for it 应用), but it is on its way, so it ranks with a partial one.
function capStatus(v: CapabilityValue | undefined): ConditionStatus {
  return v === true ? 'met' : v === 'partial' || v === 'building' ? 'partial' : v === false ? 'unmet' : 'unknown';
}

const isAsNeeded = (req: Requirement) => (req.qualifiers ?? []).some((q) => q.reading === 'asNeeded');

function evalRequirements(kb: KnowledgeData, f: Facts, reqs: Requirement[]): ReqResult {
  const r: ReqResult = { status: 'met', missing: [], missingAny: [], missingAll: [], partial: [], building: [], unknown: [], selfMissing: [], selfUnknown: [], selfNotes: [], quotes: [], advice: [], asNeededLacking: [] };
  const sa = kb.elements.selfAssessment;
  const statuses: ConditionStatus[] = [];
  const fails = (req: Requirement) => {
    r.quotes.push(req.text);
    if (req.advice) r.advice.push(req.advice);
  };
  for (const req of reqs) {
    if (req.all && isAsNeeded(req)) {
      // 「根据生产需要」: the notice leaves it to the enterprise's production, so not having it is no gap.
      // Only an unanswered question keeps the element open; anything short of "yes" brings the advice.
      const ss = req.all.map((id) => capStatus(f.capabilities[id]));
      req.all.forEach((id, i) => {
        if (ss[i] === 'unknown') r.unknown.push(id);
        else if (ss[i] !== 'met') r.asNeededLacking.push(id);
      });
      statuses.push(ss.includes('unknown') ? 'unknown' : 'met');
      if (ss.some((s) => s !== 'met') && req.advice) r.advice.push(req.advice);
    } else if (req.all) {
      let failed = false;
      for (const id of req.all) {
        const s = capStatus(f.capabilities[id]);
        statuses.push(s);
        if (s === 'unmet') {
          r.missing.push(id);
          r.missingAll.push(id);
        } else if (s === 'partial') (f.capabilities[id] === 'building' ? r.building : r.partial).push(id);
        else if (s === 'unknown') r.unknown.push(id);
        if (s === 'unmet' || s === 'partial') failed = true;
      }
      if (failed) fails(req);
    } else if (req.any) {
      // One of the named systems suffices (an anyOf reading of the notice): the best answer among them decides.
      const best = req.any.map((id) => capStatus(f.capabilities[id])).sort((a, b) => RANK[b] - RANK[a])[0];
      statuses.push(best);
      const pick = (s: ConditionStatus) => req.any!.filter((id) => capStatus(f.capabilities[id]) === s);
      if (best === 'unmet') {
        r.missing.push(...req.any);
        r.missingAny.push(req.any);
      }
      else if (best === 'partial') for (const id of pick('partial')) (f.capabilities[id] === 'building' ? r.building : r.partial).push(id);
      else if (best === 'unknown') r.unknown.push(...pick('unknown'));
      if (best === 'unmet' || best === 'partial') fails(req);
    } else if (req.self) {
      // 达到省内行业先进水平 has no number in the notice: only the enterprise's own assessment decides here.
      const v = f.selfAssessment[req.self];
      const label = sa.labels[req.self];
      statuses.push(v === true ? 'met' : v === false ? 'unmet' : 'unknown');
      if (req.metric) {
        const metric = sa.metricLabels[req.metric];
        const value = f.metrics[req.metric];
        // A figure given round stays round in the note, wherever the assessment is shown (panel, bureau, report).
        const reported = f.approxMetrics?.[req.metric] ? (sa.reportedApprox ?? sa.reported) : sa.reported;
        r.selfNotes.push(value === undefined ? fill(sa.notReported, { metric }) : fill(reported, { metric, value: fmt(value) }));
      }
      if (v === undefined) {
        r.selfUnknown.push(label);
        r.selfNotes.push(fill(sa.unknown, { label }));
      } else if (v === false) {
        // The gap wording names the failing self-assessment; the notes add only the reported figure.
        r.selfMissing.push(label);
        fails(req);
      }
      r.selfNotes.push(sa.noThreshold);
    }
  }
  r.status = statuses.reduce<ConditionStatus>((acc, s) => (RANK[s] < RANK[acc] ? s : acc), 'met');
  return r;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/**
 * One element for one category. Its advice is built from this enterprise's own results only:
 * the capabilities it lacks, the notice's words of the requirements it fails and their advice,
 * in the words of the category's own clause. Nothing it already has is named as a gap.
 */
function evalElement(kb: KnowledgeData, f: Facts, el: ElementSpec, mode: Mode | undefined, category: Category): Condition {
  const t = kb.categoryRules.texts;
  // With an undetermined mode the workshop's 三(一)4 is judged by the better of its two branches.
  const results = requirementsOf(el, mode).map((reqs) => evalRequirements(kb, f, reqs));
  const best = [...results].sort((a, b) => RANK[b.status] - RANK[a.status])[0]!;
  let advice = adviceOf(kb, el, best, category);
  if (results.length > 1 && best.status !== 'met') {
    // Neither branch is met and the mode is open: what each branch needs, not one picked for the enterprise.
    const modes: Mode[] = ['discrete', 'process'];
    const items = results.map((r, i) => fill(t.branchItem, { mode: kb.categoryRules.modes[modes[i]!], advice: adviceOf(kb, el, r, category) })).join('');
    advice = fill(t.branchesAdvice, { items });
  }
  // A group is one item only where none of its members is also lacking for a requirement that names it outright.
  const anyOf = uniqGroups(best.missingAny.filter((g) => !g.some((id) => best.missingAll.includes(id))));
  return {
    clause: el.clause,
    title: el.title,
    status: best.status,
    missing: uniq([...best.missing, ...best.partial, ...best.building]),
    unknown: uniq(best.unknown),
    advice,
    ...(best.asNeededLacking.length ? { asNeededLacking: uniq(best.asNeededLacking) } : {}),
    ...(anyOf.length ? { anyOf } : {}),
  };
}

function uniqGroups(groups: CapabilityId[][]): CapabilityId[][] {
  const seen = new Set<string>();
  return groups.filter((g) => !seen.has(g.join()) && !!seen.add(g.join()));
}

/** The element's advice for one set of results, in the words of the category's own clause. */
function adviceOf(kb: KnowledgeData, el: ElementSpec, best: ReqResult, category: Category): string {
  const t = kb.categoryRules.texts;
  const labels = (ids: CapabilityId[]) => ids.map((id) => labelOf(kb, id, category));
  // A capability an all-requirement of the element also lacks stays an item of its own.
  const inAny = new Set(best.missingAny.flat().filter((id) => !best.missingAll.includes(id)));
  const anyText = best.missingAny.map((ids) => fill(t.anyItem, { items: labels(ids).join(t.anySeparator) }));
  const missingText = [
    ...labels(uniq(best.missing.filter((id) => !inAny.has(id)))),
    ...uniq(anyText),
    ...labels(uniq(best.partial)).map((label) => fill(t.partialItem, { label })),
    ...labels(uniq(best.building)).map((label) => fill(t.buildingItem, { label })),
    ...best.selfMissing,
  ];
  const unknownText = [...labels(uniq(best.unknown)), ...best.selfUnknown];
  const join = (xs: string[]) => (xs.length ? xs.join(t.listSeparator) : t.noneItem);
  const template = best.status === 'met' ? el.advice.met : best.status === 'unknown' ? el.advice.unknown : el.advice.gap;
  return fill(template, {
    missing: join(missingText),
    unknown: join(unknownText),
    quotes: uniq(best.quotes).map((text) => fill(t.quoteItem, { text })).join(t.quoteSeparator),
    // What to do once a system being built is in use comes before the clause's own advice, which speaks of what is lacking.
    advice: (best.building.length ? fill(t.buildingAdvice, { labels: labels(uniq(best.building)).join(t.listSeparator) }) : '') + uniq(best.advice).join(''),
    selfNotes: best.selfNotes.join(''),
  }).trim();
}

export function evalCategory(
  kb: KnowledgeData,
  f: Facts,
  category: Category,
  mode: Mode | undefined,
  memo = new Map<ElementSpec, Condition>(),
  only?: (el: ElementSpec) => boolean,
): Condition[] {
  const out: Condition[] = [];
  for (const el of kb.elements.categories[category].elements) {
    if (only && !only(el)) continue;
    let c = memo.get(el);
    if (!c) memo.set(el, (c = sharedElement(kb, f, el, mode, category)));
    out.push(c);
  }
  return out;
}

/**
 * An element's condition depends only on the answers its requirements name (capabilities, self-assessments, metrics),
 * the mode and the category, and those take few values: most answers change one element or none, and enterprises
 * that answer alike share the result. So each condition is worked out once per combination of those values and
 * shared, frozen, by every evaluation that has them. Bounded: a table that fills up is started afresh.
 */
const elementResults = new WeakMap<ElementSpec, Map<string, Condition>>();
const ELEMENT_RESULTS_MAX = 2048;

function sharedElement(kb: KnowledgeData, f: Facts, el: ElementSpec, mode: Mode | undefined, category: Category): Condition {
  const inputs = inputsOf(el, mode);
  // One character per capability and self-assessment (yes, no, partly, not known), and each metric's figure.
  let key = `${category}:`;
  for (const id of inputs.caps) {
    const v = f.capabilities[id];
    key += v === true ? 'y' : v === false ? 'n' : v === 'partial' ? 'p' : v === 'building' ? 'b' : '-';
  }
  for (const k of inputs.selves) {
    const v = f.selfAssessment[k];
    key += v === true ? 'y' : v === false ? 'n' : '-';
  }
  for (const k of inputs.metrics) key += `|${f.metrics[k] ?? ''}${f.approxMetrics?.[k] ? '~' : ''}`;
  let table = elementResults.get(el);
  if (!table) elementResults.set(el, (table = new Map()));
  const tableKey = `${mode ?? ''}|${key}`;
  let c = table.get(tableKey);
  if (!c) {
    if (table.size >= ELEMENT_RESULTS_MAX) table.clear();
    c = freezeCondition(evalElement(kb, f, el, mode, category));
    table.set(tableKey, c);
  }
  return c;
}

type ElementInputs = { caps: CapabilityId[]; selves: (keyof Facts['selfAssessment'])[]; metrics: (keyof Facts['metrics'])[] };
const elementInputs = new WeakMap<ElementSpec, Map<Mode | undefined, ElementInputs>>();

/** The answers an element's requirements read under a mode, listed once. */
function inputsOf(el: ElementSpec, mode: Mode | undefined): ElementInputs {
  let byMode = elementInputs.get(el);
  if (!byMode) elementInputs.set(el, (byMode = new Map()));
  let inputs = byMode.get(mode);
  if (!inputs) {
    inputs = { caps: [], selves: [], metrics: [] };
    for (const reqs of requirementsOf(el, mode))
      for (const req of reqs) {
        inputs.caps.push(...(req.all ?? req.any ?? []));
        if (req.self) inputs.selves.push(req.self);
        if (req.metric) inputs.metrics.push(req.metric);
      }
    byMode.set(mode, inputs);
  }
  return inputs;
}

function freezeCondition(c: Condition): Condition {
  Object.freeze(c.missing);
  Object.freeze(c.unknown);
  if (c.anyOf) Object.freeze(c.anyOf);
  return Object.freeze(c);
}

/**
 * Only the hard conditions that fail: what applyAnswer compares before and after an answer. `category` is the one
 * applied for (a draft's, or the one the rules leave); without it a condition of one category only blocks nothing.
 */
export function blockingOf(kb: KnowledgeData, f: Facts, category?: Category): Assessment['blocking'] {
  const rules = kb.categoryRules;
  const hard = hardRules(kb, f, category);
  const code = f.enterprise.industryCode;
  const division = code === undefined ? undefined : divisionLabel(kb, code);
  return Object.entries(rules.hard)
    .filter(([id]) => hard[id] === true)
    .map(([, rule]) => {
      const value = factAt(f, rule.fact);
      const vars = { code, division, value: Array.isArray(value) ? undefined : (value as string | number | undefined), year: kb.manifest.year };
      return { clause: rule.clause, title: rule.title, reason: fill(rule.reason, vars), remedy: fill(rule.remedy, vars) };
    });
}

/* ------------------------------------------------------------------ category (一, 二(二)) */

interface ModeResult {
  mode: Mode | undefined;
  reason: { clause: string; text: string };
  division: Division | undefined;
}

function decideMode(kb: KnowledgeData, f: Facts): ModeResult {
  const r = kb.categoryRules;
  const division = f.enterprise.industryCode ? indexOf(kb).divisions.get(f.enterprise.industryCode) : undefined;
  if (f.productionMode) {
    return { mode: f.productionMode, division, reason: { clause: r.texts.modeGiven.clause, text: fill(r.texts.modeGiven.text, { mode: r.modes[f.productionMode] }) } };
  }
  const ev = r.modeEvidence;
  const score = { discrete: 0, process: 0 };
  // Per mode: the reason names only the systems that point to the mode chosen, the partly built ones apart.
  const evidence: Record<Mode, { built: string[]; partial: string[] }> = { discrete: { built: [], partial: [] }, process: { built: [], partial: [] } };
  const { capLabel } = indexOf(kb);
  for (const m of ['process', 'discrete'] as const) {
    for (const [id, w] of Object.entries(ev[m]) as [CapabilityId, number][]) {
      const v = f.capabilities[id];
      if (v === true || v === 'partial') {
        score[m] += v === true ? w : w * ev.partialFactor;
        const label = capLabel.get(id) ?? id;
        evidence[m][v === true ? 'built' : 'partial'].push(label);
      }
    }
  }
  if (division && division.prior !== 'mixed') score[division.prior] += division.mixed ? ev.prior.mixed : ev.prior.strong;
  const mode: Mode | undefined = score.process > score.discrete ? 'process' : score.discrete > score.process ? 'discrete' : undefined;
  if (!mode) return { mode, division, reason: r.texts.modeUndetermined };
  const { built, partial } = evidence[mode];
  const hasEvidence = built.length + partial.length > 0;
  const sep = r.texts.listSeparator;
  const said =
    built.length && partial.length
      ? fill(r.texts.evidenceBoth, { built: built.join(sep), partial: partial.join(sep) })
      : fill(built.length ? r.texts.evidenceBuilt : r.texts.evidencePartial, { list: (built.length ? built : partial).join(sep) });
  const vars = { mode: r.modes[mode], industry: division?.name, prior: division ? r.priors[division.prior] : undefined, evidence: said };
  const tpl = !division ? r.texts.modeEvidenceOnly : hasEvidence ? r.texts.modeInferred : r.texts.modeInferredNoEvidence;
  return { mode, division, reason: { clause: tpl.clause, text: fill(tpl.text, vars) } };
}

function describeElements(kb: KnowledgeData, conds: Condition[], category: Category | undefined): string {
  const t = kb.categoryRules.texts;
  return conds
    .map((c) => {
      const ids = c.status === 'unknown' ? c.unknown : gapItems(c);
      const labels = ids.map((id) => gapLabel(kb, id, category));
      // 「人工智能技术应用（产品配方优化…）」 already names its element: said once, not inside its own title. Alone it
      // stands for the element; beside others, what its brackets say is listed within the element's.
      if (labels.length === 1 && labels[0]!.startsWith(c.title)) return fill(t.elementUnknownItem, { clause: c.clause, title: labels[0]! });
      const detail = labels.map((l) => withoutTitle(l, c.title)).join(t.listSeparator);
      return detail ? fill(t.elementGapItem, { clause: c.clause, title: c.title, detail }) : fill(t.elementUnknownItem, { clause: c.clause, title: c.title });
    })
    .join(t.listSeparator);
}

/** 「人工智能技术应用（产品质量改进…）」 under the element 人工智能技术应用 is what its brackets say; other labels as they are. */
function withoutTitle(label: string, title: string): string {
  const open = `${title}（`;
  return label.startsWith(open) && label.endsWith('）') ? label.slice(open.length, -1) : label;
}

/* ------------------------------------------------------------------ the whole assessment */

export function evaluateFacts(kb: KnowledgeData, f: Facts): Evaluation {
  const rules = kb.categoryRules;
  const t = rules.texts;
  // One evaluation per element and call: the factory-level check and the conditions share it.
  const memo = new Map<ElementSpec, Condition>();

  const { mode, reason: modeReason, division } = decideMode(kb, f);
  let reasons: Assessment['category']['reasons'] = [modeReason];
  let alternatives: Assessment['category']['alternatives'] = [];
  // The category the element rules give; it becomes the recommendation only when no hard condition fails.
  let chosen: Category | null = null;
  let scopeDecision: Evaluation['scopeDecision'] = 'given';

  const catLabel = (c: Category) => kb.elements.categories[c].label;
  const factoryCat: Category | undefined = mode ? indexOf(kb).factoryCategory[mode] : undefined;
  const otherFactory: Category | undefined = mode ? indexOf(kb).factoryCategory[mode === 'discrete' ? 'process' : 'discrete'] : undefined;
  const describe = (conds: Condition[], category: Category | undefined) => describeElements(kb, conds, category);
  const failing = (c: Condition) => c.status === 'unmet' || c.status === 'partial';
  const workshopConditions = () => evalCategory(kb, f, 'smartWorkshop', mode, memo);

  // Workshop or factory: the enterprise's intent decides; otherwise the factory-level elements do.
  let factoryLevel: Condition[] = [];
  if (factoryCat) factoryLevel = evalCategory(kb, f, factoryCat, mode, memo, (e) => !!e.factoryLevel);
  const notReady = factoryLevel.filter(failing);
  const unknownLevel = factoryLevel.filter((c) => c.status === 'unknown');

  if (f.scope === 'workshop') {
    chosen = 'smartWorkshop';
    reasons.push(t.scopeGivenWorkshop);
  } else if (f.scope === 'factory') {
    chosen = factoryCat ?? null;
    reasons.push(t.scopeGivenFactory);
  } else if (factoryCat) {
    if (notReady.length) {
      chosen = 'smartWorkshop';
      scopeDecision = 'workshop';
      reasons.push({ clause: t.scopeFactoryNotReady.clause, text: fill(t.scopeFactoryNotReady.text, { elements: describe(notReady, factoryCat) }) });
    } else if (unknownLevel.length) {
      chosen = 'smartWorkshop';
      scopeDecision = 'open';
      reasons.push({ clause: t.scopeFactoryUnknown.clause, text: fill(t.scopeFactoryUnknown.text, { elements: describe(unknownLevel, factoryCat) }) });
    } else {
      chosen = factoryCat;
      scopeDecision = 'factory';
      reasons.push(t.scopeFactoryReady);
    }
  } else {
    // Without a mode no factory can be judged, but the workshop can: 三(一)4 accepts either branch.
    chosen = 'smartWorkshop';
    scopeDecision = 'workshop';
    reasons.push(t.scopeModeUnknown);
  }

  if (chosen) {
    for (const c of ['smartWorkshop', 'discreteFactory', 'processFactory'] as Category[]) {
      if (c === chosen) continue;
      let whyNot: string;
      if (c === 'smartWorkshop') {
        whyNot = f.scope === 'factory' ? t.whyNotWorkshopFactoryChosen : t.whyNotWorkshopFactoryReady;
        // A factory applicant with gaps often asks whether the workshop would pass instead: say so when it would not.
        const workshopGaps = workshopConditions().filter(failing);
        if (workshopGaps.length) whyNot += fill(t.whyNotWorkshopAlsoGaps, { elements: describe(workshopGaps, 'smartWorkshop') });
      } else if (!mode) {
        whyNot = t.whyNotModeUnknown;
      } else if (c === otherFactory) {
        whyNot = fill(t.whyNotOtherMode, { mode: rules.modes[mode], category: catLabel(c) });
      } else if (f.scope === 'workshop') {
        whyNot = t.whyNotFactoryScopeWorkshop + (notReady.length ? fill(t.whyNotFactoryNotReady, { elements: describe(notReady, factoryCat) }) : '');
      } else if (notReady.length) {
        whyNot = fill(t.whyNotFactoryNotReady, { elements: describe(notReady, factoryCat) });
      } else {
        whyNot = fill(t.whyNotFactoryUnknown, { elements: describe(unknownLevel, factoryCat) });
      }
      alternatives.push({ category: c, whyNot });
    }
  }

  // A condition of one category (the titled workshop, 四(一)) reads the category applied for or the one the rules
  // leave, once settled: not while the factory-level elements are still asked, nor on the stand-in workshop of an
  // enterprise whose production mode is not known yet.
  const settled = chosen && (f.scope || (mode && scopeDecision !== 'open')) ? chosen : undefined;
  const hard = hardRules(kb, f, settled);
  const blocking = blockingOf(kb, f, settled);

  // While a hard condition fails nothing is recommended: the reasons say what blocks, and the
  // conditions of the category the enterprise would have are kept only for its preparation.
  const ineligible = blocking.length > 0;
  const recommended: Category | null = ineligible ? null : chosen;
  if (ineligible) {
    reasons = [{ clause: blocking[0].clause, text: fill(t.ineligible, { clauses: uniq(blocking.map((b) => b.clause)).join(t.listSeparator) }) }];
    if (chosen) reasons.push({ text: fill(t.ineligibleIfCleared, { category: catLabel(chosen) }) });
    alternatives = [];
  }

  const conditions = chosen ? evalCategory(kb, f, chosen, mode, memo) : [];

  // A scope the enterprise chose is kept, but when the other scope has fewer element conditions failing, the reasons
  // say so with both counts: 「建议申报」 must not read as the rules' own preference for a category that fits worse.
  let fitsBetter: Assessment['category']['fitsBetter'];
  if (f.scope && chosen && !ineligible && t.scopeGivenFitsWorse) {
    const other = chosen === 'smartWorkshop' ? factoryCat : 'smartWorkshop';
    const chosenGaps = conditions.filter(failing);
    const otherGaps = other ? evalCategory(kb, f, other, mode, memo).filter(failing) : [];
    const otherUnknown = other ? evalCategory(kb, f, other, mode, memo).filter((c) => c.status === 'unknown') : [];
    // The other's conditions never asked on this path are 未核实, not met: it fits better only where all of them
    // failing would still leave it fewer failing, and how many there are is said beside its count.
    if (other && otherGaps.length + otherUnknown.length < chosenGaps.length) {
      const unasked = otherUnknown.length && t.fitsWorseUnasked ? fill(t.fitsWorseUnasked, { better: catLabel(other), count: otherUnknown.length }) : '';
      const vars = { chosen: catLabel(chosen), better: catLabel(other), chosenGaps: chosenGaps.length, betterGaps: otherGaps.length, elements: describe(chosenGaps, chosen), unasked };
      reasons.push({ clause: t.scopeGivenFitsWorse.clause, text: fill(t.scopeGivenFitsWorse.text, vars) });
      fitsBetter = { category: other, gaps: otherGaps.length, chosenGaps: chosenGaps.length, ...(otherUnknown.length ? { unknown: otherUnknown.length } : {}) };
      // The workshop fits better than the factory chosen: its 「why not」 says it fails fewer, in agreement with the reason above.
      const workshop = other === 'smartWorkshop' ? alternatives.find((x) => x.category === 'smartWorkshop') : undefined;
      if (workshop && otherGaps.length) {
        workshop.whyNot =
          t.whyNotWorkshopFactoryChosen +
          fill(t.whyNotWorkshopFewerGaps, { elements: describe(otherGaps, 'smartWorkshop'), gaps: otherGaps.length, chosen: catLabel(chosen), chosenGaps: chosenGaps.length });
      }
    }
  }

  // A hard condition left unanswered (or answered 不清楚) is 待确认, by its clause: it never reads as met.
  const pending = Object.entries(rules.hard)
    .filter(([id]) => hard[id] === undefined)
    .map(([, rule]) => ({ clause: rule.clause, title: rule.title }));
  const hardUnknown = pending.length > 0;
  let verdict: Assessment['verdict'];
  if (ineligible) verdict = 'ineligible';
  else if (conditions.some(failing)) verdict = 'gaps';
  else if (hardUnknown || !recommended || conditions.some((c) => c.status === 'unknown')) verdict = 'incomplete';
  else verdict = 'qualified';

  const n = rules.notes;
  const notes: Assessment['notes'] = [];
  const titles = f.enterprise.priorTitles ?? [];
  if (titles.includes('smartWorkshop') && !titles.includes('smartFactory')) {
    // The workshop applied for, or offered as the better fit (the chat's 「改报智能车间」): the condition it is under is said with it.
    const held =
      chosen === 'smartWorkshop' && n.smartWorkshopHolderWorkshop
        ? n.smartWorkshopHolderWorkshop
        : fitsBetter?.category === 'smartWorkshop' && n.smartWorkshopHolderSwitch
          ? n.smartWorkshopHolderSwitch
          : n.smartWorkshopHolder;
    notes.push({ clause: held.clause, text: held.text });
  }
  if (chosen === 'smartWorkshop') notes.push(n.workshopNature);
  if (!f.productionMode && division?.mixed) notes.push({ clause: n.mixedIndustry.clause, text: fill(n.mixedIndustry.text, { industry: division.name }) });
  const selfClauses = new Set(
    chosen
      ? kb.elements.categories[chosen].elements
          .filter((e) => requirementsOf(e, mode).some((rs) => rs.some((r) => r.self)))
          .map((e) => e.clause)
      : [],
  );
  if (selfClauses.size) notes.push(n.selfAssessment);
  // A factory applicant short of factory-level elements: whether 智能车间 is a way out depends on the
  // workshop's own status, so the note never suggests it when the workshop would fail as well.
  const factoryGaps = recommended && recommended === factoryCat ? conditions.filter((c) => failing(c) && factoryLevel.includes(c)) : [];
  if (factoryGaps.length) {
    const ws = workshopConditions();
    const wsGaps = ws.filter(failing);
    const wsUnknown = ws.filter((c) => c.status === 'unknown');
    const vars = { elements: describe(factoryGaps, recommended!), workshop: describe(wsGaps.length ? wsGaps : wsUnknown, 'smartWorkshop') };
    const fewer = fitsBetter?.category === 'smartWorkshop';
    const text = wsGaps.length ? (fewer ? n.factoryGaps.workshopFewerGaps : n.factoryGaps.workshopGaps) : wsUnknown.length ? n.factoryGaps.workshopUnknown : n.factoryGaps.workshopReady;
    notes.push({ clause: n.factoryGaps.clause, text: fill(text, vars) });
  }
  if (f.enterprise.greenPriority) notes.push(n.greenPriority);
  const founding = foundingNote(kb, f, chosen);
  if (founding) notes.push(founding);
  // 四(三): who reviews and recommends the applicant, and the quota it counts against.
  const county = countyOf(kb, f);
  const city = county ? undefined : cityQuotaOf(kb, f);
  if (county) notes.push({ clause: n.countyQuota.clause, text: fill(n.countyQuota.text, { county }) });
  else if (city) notes.push({ clause: n.cityQuota.clause, text: fill(n.cityQuota.text, city) });
  if (verdict === 'qualified') notes.push(n.demonstration);

  // Most element conditions failing: the category fits, but the verdict advises closing the gaps before applying.
  const notYet = !ineligible && !!recommended && rules.notYetShare !== undefined && conditions.length > 0 && conditions.filter(failing).length > conditions.length * rules.notYetShare;
  const category: Assessment['category'] = { recommended, reasons, alternatives, ...(fitsBetter ? { fitsBetter } : {}), ...(notYet ? { notYet: true as const } : {}) };
  if (ineligible && chosen) category.ifEligible = chosen;
  return {
    assessment: {
      eligible: !ineligible,
      verdict,
      blocking,
      pending,
      category,
      conditions,
      notes,
      knowledgeVersion: kb.version,
    },
    hard,
    mode,
    scopeDecision: f.scope ? 'given' : scopeDecision,
    ...(settled ? { settled } : {}),
  };
}

/**
 * What a young enterprise cannot fill: the form's 近三年主要经济指标 are fixed years (2020—2022 for the 2023
 * notice), and a year before the founding has no figures; founded after all of them, it has no 上年度 audit
 * either. The notice sets no minimum age (二), so this is a note on the form, never a condition.
 */
function foundingNote(kb: KnowledgeData, f: Facts, chosen: Category | null): Assessment['notes'][number] | undefined {
  const founded = f.enterprise.foundedYear;
  const t = kb.categoryRules.notes.founding;
  const spec = kb.forms[chosen ?? 'smartWorkshop'];
  if (founded === undefined || !t || !spec) return undefined;
  const block = spec.section1.blocks.find((b) => b.type === 'matrix' && b.id === 'finance');
  const years = block && block.type === 'matrix' ? block.columns.map((c) => c.key).filter((k) => /^\d{4}$/.test(k)) : [];
  const before = years.filter((y) => Number(y) < founded);
  if (!before.length) return undefined;
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const text = before.length === years.length ? t.afterFigures : t.withinFigures;
  return { clause: t.clause.replace(/^附件\d+/, spec.attachment), text: fill(text, { founded, first, last, years: before.join('、') }) };
}

/** The 省辖市 (or 示范区, 航空港区) of an applicant and the 四(三) quota of its group, from the regions data. */
function cityQuotaOf(kb: KnowledgeData, f: Facts): { city: string; quota: string; overQuota: string } | undefined {
  const name = f.enterprise.city?.trim();
  const region = name ? kb.regions.regions.find((r) => r.name === name) : undefined;
  const group = region ? kb.regions.groups.find((g) => g.id === region.group) : undefined;
  return region && group ? { city: region.name, quota: group.quote, overQuota: kb.regions.overQuota } : undefined;
}

/**
 * A county-level applicant is one that names its county, or whose city is a 县级市/县 in the regions data.
 * 四(三)'s 县（市） are 县 and 县级市: a city district (区) named in the county field, or the 省辖市 itself,
 * is recommended by its 省辖市. A name the regions data does not list is read by its ending.
 */
function countyOf(kb: KnowledgeData, f: Facts): string | undefined {
  const c = f.enterprise.county?.trim();
  const { counties } = indexOf(kb);
  if (c && (counties.has(c) || (!/区$/.test(c) && !kb.regions.regions.some((r) => r.name === c || r.aliases.includes(c))))) return c;
  const city = f.enterprise.city?.trim();
  if (city && indexOf(kb).counties.has(city)) return city;
  return undefined;
}
