import { describe, expect, it } from 'vitest';
import { applyAnswer, describeAnswers, evaluate, profileFromAnswers, type Answers } from '../../server/engine';
import { sealAnswers, type AnswerValue, type QuestionView } from '../../server/schemas/interview';
import { Assessment } from '../../server/schemas/profile';
import { realKb } from './kb';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';

const kb = realKb();

const SOUND_ENTERPRISE: Record<string, AnswerValue> = {
  ...HARD_CONDITIONS_MET,
  'ent.city': '郑州市',
  'ent.county': null,
  'ent.foundedYear': '2012',
  'ent.greenPriority': false,
};

/** Answers like an enterprise that has everything unless the script says otherwise. */
function answerer(script: Record<string, AnswerValue>) {
  return (q: QuestionView): AnswerValue => {
    if (q.id in script) return script[q.id];
    if (q.id in SOUND_ENTERPRISE) return SOUND_ENTERPRISE[q.id];
    if (q.id.startsWith('cap.') || q.id.startsWith('self.')) return true;
    if (q.id.startsWith('metric.')) return 88;
    throw new Error(`the script has no answer for ${q.id}`);
  };
}

function walk(script: Record<string, AnswerValue>) {
  const answer = answerer(script);
  let answers: Answers = {};
  const asked: QuestionView[] = [];
  const blocking: { at: string; clause: string }[] = [];
  for (let i = 0; i < 200; i++) {
    const r = evaluate(kb, answers);
    if (!r.question) return { last: r, answers, asked, ids: asked.map((q) => q.id), blocking };
    expect(asked.map((q) => q.id), 'a question is never asked twice').not.toContain(r.question.id);
    asked.push(r.question);
    const res = applyAnswer(kb, answers, r.question.id, answer(r.question));
    if (!res.ok) throw new Error(res.error);
    answers = res.answers;
    for (const b of res.newlyBlocking) blocking.push({ at: r.question.id, clause: b.clause });
  }
  throw new Error('the interview did not end');
}

const PROCESS_ONLY = ['cap.dcs', 'cap.sis', 'cap.apc', 'cap.rto', 'cap.tankYard', 'cap.energyManagement', 'cap.emergencyCommand', 'cap.smartInstruments', 'cap.manufacturingControl', 'self.dataCollectionAdvanced'];
const DISCRETE_FACTORY_ONLY = ['cap.andon', 'cap.errorProofing', 'cap.cadCae', 'cap.autoWarehouse'];
const FACTORY_ONLY = ['cap.factoryNetwork', 'cap.securityPolicy', 'cap.pdm', 'cap.lims', 'cap.scm', 'cap.wms', 'cap.systemIntegration', 'cap.aiApplication', 'cap.predictiveMaintenance'];

describe('the guided interview', () => {
  it('walks a discrete factory to the end: qualified, and never asks process-only questions', () => {
    const { last, ids, asked } = walk({ 'cat.scope': 'factory', 'ent.industryCode': '汽车制造业', 'cat.productionMode': 'discrete' });
    expect(last.assessment.verdict).toBe('qualified');
    expect(last.assessment.category.recommended).toBe('discreteFactory');
    expect(last.progress).toEqual({ answered: ids.length, remaining: 0, phase: 'done' });
    for (const id of PROCESS_ONLY) expect(ids).not.toContain(id);
    for (const id of [...DISCRETE_FACTORY_ONLY, ...FACTORY_ONLY]) expect(ids).toContain(id);
    // Hard conditions first, then the category, then the elements.
    const phases = asked.map((q) => q.phase);
    expect(phases.indexOf('category')).toBeGreaterThan(phases.lastIndexOf('hard'));
    expect(phases.indexOf('elements')).toBeGreaterThan(phases.lastIndexOf('category'));
  });

  it('walks a process factory whose type comes from the industry prior: qualified, no discrete-only questions', () => {
    const { last, ids } = walk({ 'cat.scope': 'factory', 'ent.industryCode': 'C2614', 'cat.productionMode': 'unsure' });
    // 化学原料和化学制品制造业 is clearly process: the production-mode question is not asked at all.
    expect(ids).not.toContain('cat.productionMode');
    expect(last.assessment.category.recommended).toBe('processFactory');
    expect(last.assessment.verdict).toBe('qualified');
    for (const id of DISCRETE_FACTORY_ONLY) expect(ids).not.toContain(id);
    expect(ids).toContain('self.dataCollectionAdvanced');
    expect(ids).toContain('metric.dataCollectionRate');
  });

  it('walks a smart workshop: qualified, without factory-level questions', () => {
    const { last, ids } = walk({ 'cat.scope': 'workshop', 'ent.industryCode': '34', 'cat.productionMode': 'discrete' });
    expect(last.assessment.category.recommended).toBe('smartWorkshop');
    expect(last.assessment.verdict).toBe('qualified');
    for (const id of [...FACTORY_ONLY, ...PROCESS_ONLY]) expect(ids).not.toContain(id);
    expect(ids).toContain('cap.flexibleCell');
  });

  it('does not ask a workshop without MES whether SCADA, MES and ERP are integrated, and holds the integration absent', () => {
    const { last, ids } = walk({ 'cat.scope': 'workshop', 'ent.industryCode': '34', 'cat.productionMode': 'discrete', 'cap.mes': false });
    expect(ids).not.toContain('cap.scadaMesErpIntegration');
    const c = last.assessment.conditions.find((x) => x.clause === '三(一)5')!;
    expect(c.missing).toEqual(['mes', 'scadaMesErpIntegration']);
    expect(c.unknown).toEqual([]);
    // Said yes before MES was answered no: the rules still hold it absent, so no draft can claim it.
    const said = walk({ 'cat.scope': 'workshop', 'ent.industryCode': '34', 'cat.productionMode': 'discrete' }).answers;
    const r = applyAnswer(kb, said, 'cap.mes', false);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answers['cap.scadaMesErpIntegration']).toBe(true);
    expect(profileFromAnswers(kb, r.answers).profile.capabilities?.scadaMesErpIntegration).toBe(false);
    expect(evaluate(kb, r.answers).assessment.conditions.find((x) => x.clause === '三(一)5')!.missing).toContain('scadaMesErpIntegration');
  });

  it('walks a process workshop through the process branch of 三(一)4', () => {
    const { last, ids } = walk({ 'cat.scope': 'workshop', 'ent.industryCode': '25', 'cat.productionMode': 'process' });
    expect(last.assessment.verdict).toBe('qualified');
    expect(ids).toEqual(expect.arrayContaining(['cap.smartInstruments', 'cap.dcs', 'cap.apc', 'cap.rto']));
    expect(ids).not.toContain('cap.flexibleCell');
  });

  it('settles an undecided scope with the factory-level elements and stops asking them once one is missing', () => {
    const { last, ids, asked } = walk({ 'cat.scope': 'unsure', 'ent.industryCode': '35', 'cat.productionMode': 'discrete', 'cap.lims': false });
    expect(last.assessment.category.recommended).toBe('smartWorkshop');
    expect(last.assessment.verdict).toBe('qualified');
    // The design element (三(二)2) is asked in the category phase; LIMS missing decides for the workshop.
    expect(asked.find((q) => q.id === 'cap.lims')?.phase).toBe('category');
    expect(ids).not.toContain('cap.scm');
    expect(ids).not.toContain('cap.aiApplication');
    expect(last.assessment.category.alternatives.find((a) => a.category === 'discreteFactory')?.whyNot).toContain('三(二)2');
  });

  it('recommends the factory when an undecided enterprise has every factory-level element', () => {
    const { last } = walk({ 'cat.scope': 'unsure', 'ent.industryCode': '35', 'cat.productionMode': 'discrete' });
    expect(last.assessment.category.recommended).toBe('discreteFactory');
    expect(last.assessment.verdict).toBe('qualified');
  });

  it('reads the industries of Henan enterprises by their everyday names', () => {
    const code = (text: string) => {
      const r = applyAnswer(kb, {}, 'ent.industryCode', text);
      return r.ok ? r.answers['ent.industryCode'] : 'refused';
    };
    const cases: [string, string][] = [
      ['人造金刚石', '30'], ['超硬材料', '30'], ['PCB电路板', '39'], ['手机', '39'], ['光伏组件', '38'], ['变压器', '38'],
      ['疫苗', '27'], ['血液制品', '27'], ['钛白粉', '26'], ['客车', '36'], ['医疗器械', '35'], ['无人机', '37'], ['铝板带', '32'], ['运动鞋', '19'],
    ];
    for (const [text, want] of cases) expect(code(text), text).toBe(want);
  });

  it('reads a trade outside manufacturing by its everyday name, so 二(一) blocks it, and a maker of its machines stays in manufacturing', () => {
    const code = (text: string) => {
      const r = applyAnswer(kb, {}, 'ent.industryCode', text);
      return r.ok ? r.answers['ent.industryCode'] : 'refused';
    };
    const cases: [string, string][] = [['仓储', '59'], ['主要做冷库冷链仓储', '59'], ['批发', '51'], ['软件开发', '65'], ['建筑施工', '47'], ['煤矿', '06'], ['煤矿机械', '35'], ['发电机', '38']];
    for (const [text, want] of cases) expect(code(text), text).toBe(want);
    // GB/T 4754 division 59 is 装卸搬运和仓储业, outside manufacturing's 13—43: 二(一) names it.
    const blocked = evaluate(kb, { ...SOUND_ENTERPRISE, 'ent.industryCode': code('仓储') as string }).assessment;
    expect(blocked.blocking.map((b) => b.clause)).toEqual(['二(一)']);
    expect(blocked.blocking[0]!.reason).toContain('59');
  });

  it('asks the production mode for a mixed industry, and when the systems named contradict the industry', () => {
    expect(walk({ 'cat.scope': 'workshop', 'ent.industryCode': '29', 'cat.productionMode': 'discrete' }).ids).toContain('cat.productionMode');
    const before: Answers = { 'cap.dcs': true, 'cap.sis': true, 'cap.apc': true };
    const r = applyAnswer(kb, before, 'ent.industryCode', '34');
    const answers = r.ok ? r.answers : before;
    const { ids } = (() => {
      const asked: string[] = [];
      let a = answers;
      for (let q = evaluate(kb, a).question; q && q.phase !== 'elements'; q = evaluate(kb, a).question) {
        asked.push(q.id);
        const res = applyAnswer(kb, a, q.id, answerer({ 'cat.scope': 'workshop', 'cat.productionMode': 'process' })(q));
        a = res.ok ? res.answers : a;
      }
      return { ids: asked };
    })();
    expect(ids).toContain('cat.productionMode');
  });

  it('asks for the systems that tell discrete from process when neither the enterprise nor its industry does', () => {
    const { last, asked } = walk({ 'cat.scope': 'unsure', 'ent.industryCode': '42', 'cat.productionMode': 'unsure', 'cap.andon': false, 'cap.agvRgv': false });
    expect(asked.find((q) => q.id === 'cap.dcs')?.phase).toBe('category');
    expect(last.assessment.category.recommended).toBe('processFactory');
  });

  it('walks an ineligible enterprise: the failing hard condition is reported at once, and the user may carry on', () => {
    const { last, blocking } = walk({ 'ent.groupOrHeadOffice': true, 'cat.scope': 'factory', 'ent.industryCode': '34', 'cat.productionMode': 'discrete' });
    expect(blocking).toEqual([{ at: 'ent.groupOrHeadOffice', clause: '二(一)' }]);
    expect(last.assessment.verdict).toBe('ineligible');
    expect(last.assessment.eligible).toBe(false);
    // Nothing is recommended while a hard condition fails; the category it would have is kept apart.
    expect(last.assessment.category.recommended).toBeNull();
    expect(last.assessment.category.ifEligible).toBe('discreteFactory');
  });

  it('reports a non-manufacturing industry as blocking when the industry is answered', () => {
    const { blocking, last } = walk({ 'cat.scope': 'workshop', 'ent.industryCode': 'F51', 'cat.productionMode': 'discrete' });
    expect(blocking).toEqual([{ at: 'ent.industryCode', clause: '二(一)' }]);
    expect(last.assessment.verdict).toBe('ineligible');
  });

  it('says with a newly failing hard condition what would change the answer', () => {
    const r = applyAnswer(kb, {}, 'ent.groupOrHeadOffice', true);
    expect(r.ok && r.newlyBlocking).toEqual([
      { clause: '二(一)', title: kb.categoryRules.hard.groupOrHeadOffice.title, reason: kb.categoryRules.hard.groupOrHeadOffice.reason, remedy: kb.categoryRules.hard.groupOrHeadOffice.remedy },
    ]);
  });

  it('reports only the newly failing conditions, not the ones already known', () => {
    let r = applyAnswer(kb, {}, 'ent.credit.dishonestExecutee', true);
    expect(r.ok && r.newlyBlocking.map((b) => b.clause)).toEqual(['二(四)']);
    r = applyAnswer(kb, r.ok ? r.answers : {}, 'ent.credit.taxViolationBlacklist', true);
    expect(r.ok && r.newlyBlocking).toHaveLength(1);
    r = applyAnswer(kb, r.ok ? r.answers : {}, 'ent.operatingWell', true);
    expect(r.ok && r.newlyBlocking).toEqual([]);
  });

  it('keeps a skipped fact unknown, so the verdict stays incomplete', () => {
    const { last } = walk({ 'cat.scope': 'workshop', 'ent.industryCode': '34', 'cat.productionMode': 'discrete', 'cap.andon': null, 'cap.agvRgv': null });
    expect(last.assessment.verdict).toBe('incomplete');
    expect(last.assessment.conditions.find((c) => c.clause === '三(一)6')?.unknown).toEqual(['agvRgv']);
  });

  it('re-runs the assessment when an answer is changed, and asks what the new category needs', () => {
    const { answers } = walk({ 'cat.scope': 'workshop', 'ent.industryCode': '34', 'cat.productionMode': 'discrete' });
    const noMes = applyAnswer(kb, answers, 'cap.mes', false);
    expect(noMes.ok && evaluate(kb, noMes.answers).assessment.verdict).toBe('gaps');
    const factory = applyAnswer(kb, answers, 'cat.scope', 'factory');
    const after = evaluate(kb, factory.ok ? factory.answers : {});
    expect(after.assessment.category.recommended).toBe('discreteFactory');
    expect(after.question?.phase).toBe('elements');
    expect(after.question?.clause).toMatch(/^三\(二\)/);
  });

  it('gives each question its clause and a help text quoting it', () => {
    const { asked } = walk({ 'cat.scope': 'factory', 'ent.industryCode': '26', 'cat.productionMode': 'process' });
    for (const q of asked) {
      expect(q.clause, q.id).toBeTruthy();
      expect(q.help, q.id).toMatch(/^通知.+：“.+”/);
    }
    // In a process factory the SCADA question serves 三(三)3, not the workshop clause.
    expect(asked.find((q) => q.id === 'cap.scada')?.clause).toBe('三(三)3');
  });

  it('returns a contract-valid assessment at every step of a walk', () => {
    let answers: Answers = {};
    const answer = answerer({ 'cat.scope': 'unsure', 'ent.industryCode': '36', 'cat.productionMode': 'unsure' });
    for (let r = evaluate(kb, answers); r.question; r = evaluate(kb, answers)) {
      expect(Assessment.safeParse(r.assessment).success).toBe(true);
      const res = applyAnswer(kb, answers, r.question.id, answer(r.question));
      answers = res.ok ? res.answers : answers;
    }
  });
});

describe('applyAnswer validates the value against the question kind', () => {
  const bad: [string, unknown, RegExp][] = [
    ['cap.mes', 'yes', /cap\.mes/],
    ['cap.mes', 1, /true、false、"partial" 或 "building"/],
    ['ent.operatingWell', 'partial', /ent\.operatingWell: 应为 true 或 false/],
    ['cat.scope', 'plant', /"workshop"、"factory"、"unsure"/],
    ['metric.networkedRatio', 120, /不能大于 100%/],
    ['metric.networkedRatio', -1, /不能小于 0%/],
    ['metric.networkedRatio', '85', /应为数字/],
    ['metric.networkedRatio', Number.NaN, /应为数字/],
    ['ent.industryCode', '不知道是什么', /未能识别行业/],
    ['ent.industryCode', '   ', /不能为空/],
    ['ent.county', 'x'.repeat(51), /不能超过 50/],
  ];
  for (const [id, value, error] of bad) {
    it(`rejects ${JSON.stringify(value)} for ${id} with a message naming the question`, () => {
      const r = applyAnswer(kb, {}, id, value);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(error);
    });
  }

  it('rejects unknown and form.* question ids', () => {
    expect(applyAnswer(kb, {}, 'cap.teleporter', true)).toEqual({ ok: false, error: '未知的问题 cap.teleporter' });
    expect(applyAnswer(kb, {}, 'form.companyName', 'x').ok).toBe(false);
  });

  it('normalises an industry given as a code or a name to the division', () => {
    for (const [text, code] of [['C3670', '36'], ['36', '36'], ['汽车制造业', '36'], ['我们是化学原料和化学制品制造业', '26'], ['行业代码 C2710', '27'], ['我们是化工企业', '26'], ['做化学纤维的', '28'], ['汽车零部件', '36'], ['耐火材料', '30'], ['棉纺', '17'],
      // Two words of one length: the trade named first is the one the enterprise states (轴承 before 电机).
      ['轴承，也做点电机', '34'], ['电机，也做点轴承', '38']]) {
      const r = applyAnswer(kb, {}, 'ent.industryCode', text);
      expect(r.ok && r.answers['ent.industryCode'], text).toBe(code);
    }
  });

  it('reads a maker of an industry\'s machines as 专用设备 (35), and 机械 alone as no division', () => {
    const cases: [string, string][] = [
      ['做饲料机械的，制粒机粉碎机这些', '35'],
      ['制药设备', '35'],
      ['塑料机械', '35'],
      ['造纸机械', '35'],
      ['水泥成套设备', '35'],
      // The industry itself, and machines named by a division of their own, stay where they are.
      ['饲料', '13'],
      ['做饲料的，设备是自动化的', '13'],
      ['光伏设备', '38'],
      ['电子设备', '39'],
      ['机械修理', '43'],
      ['金属制品、机械和设备修理业', '43'],
      // 煤矿机械 and its products are 矿山机械制造 (351); 液压支架 is no 液压 component maker (34).
      ['煤矿机械，液压支架', '35'],
      ['液压支架和刮板输送机', '35'],
      ['液压油缸', '34'],
    ];
    for (const [text, code] of cases) {
      const r = applyAnswer(kb, {}, 'ent.industryCode', text);
      expect(r.ok && r.answers['ent.industryCode'], text).toBe(code);
    }
  });

  it('records a county or city typed by its short name under the regions\' own name, so 四(三) reads the right quota', () => {
    for (const [text, name] of [['汤阴', '汤阴县'], ['巩义', '巩义市'], ['汤阴县', '汤阴县'], ['新乡县', '新乡县']]) {
      const r = applyAnswer(kb, {}, 'ent.county', text);
      expect(r.ok && r.answers['ent.county'], text).toBe(name);
    }
    // A city's short name in the county field is not a 县（市）: its 省辖市 recommends, and no county is filled in.
    const bare = applyAnswer(kb, {}, 'ent.county', '新乡');
    expect(bare.ok && bare.answers['ent.county'], '新乡 is the 省辖市').toBeNull();
    const city = evaluate(kb, { ...SOUND_ENTERPRISE, 'ent.city': '新乡市', 'ent.county': bare.ok ? bare.answers['ent.county']! : '新乡市' });
    expect(city.assessment.notes.find((n) => n.clause === '四(三)')!.text).not.toContain('县（市）');
    const county = applyAnswer(kb, { ...SOUND_ENTERPRISE, 'ent.city': '安阳市' }, 'ent.county', '汤阴');
    const note = county.ok ? evaluate(kb, county.answers).assessment.notes.find((n) => n.clause === '四(三)')!.text : '';
    expect(note).toContain('汤阴县');
    expect(note).toContain('不多于5家');
  });

  it('reads the county named in a longer reply (「永城，省直管的」), so 四(三) names the county and not the words around it', () => {
    for (const [text, name] of [['永城，省直管的', '永城市'], ['我们在巩义市', '巩义市'], ['属于汤阴县', '汤阴县']]) {
      const r = applyAnswer(kb, {}, 'ent.county', text);
      expect(r.ok && r.answers['ent.county'], text).toBe(name);
    }
    const r = applyAnswer(kb, { ...SOUND_ENTERPRISE, 'ent.city': '商丘市' }, 'ent.county', '永城，省直管的');
    const note = r.ok ? evaluate(kb, r.answers).assessment.notes.find((n) => n.clause === '四(三)')!.text : '';
    expect(note).toContain('（永城市）');
    expect(note).toContain('不多于5家');
    // The regions data lists every 县 and 县级市: a name it does not list (a misheard one, a sentence) is asked back.
    for (const text of ['某某县', '我们厂子很大', '刚才集团那个说错了，我们不是以集团名义申报的']) {
      const other = applyAnswer(kb, {}, 'ent.county', text);
      expect(other.ok ? other.answers['ent.county'] : other.error, text).toMatch(/未能识别县（市）名称/);
    }
  });

  it('a 县级市 named in the reply to the 省辖市 question is kept as the county, so a skipped county question leaves it in the 县（市） channel', () => {
    const { 'ent.county': _unasked, ...noCounty } = SOUND_ENTERPRISE;
    const r = applyAnswer(kb, noCounty, 'ent.city', '邓州市，省直管');
    expect(r.ok && r.answers['ent.city']).toBe('南阳市');
    expect(r.ok && r.answers['ent.county']).toBe('邓州市');
    expect(r.ok && r.recorded.map((x) => x.questionId)).toEqual(['ent.city', 'ent.county']);
    const note = r.ok ? evaluate(kb, r.answers).assessment.notes.find((n) => n.clause === '四(三)')!.text : '';
    expect(note).toContain('（邓州市）');
    expect(note).toContain('不多于5家');
    // A 省辖市 alone names no county; a county already answered is not overwritten.
    const city = applyAnswer(kb, {}, 'ent.city', '南阳');
    expect(city.ok && 'ent.county' in city.answers).toBe(false);
    const kept = applyAnswer(kb, { 'ent.county': null }, 'ent.city', '邓州');
    expect(kept.ok && kept.answers['ent.county']).toBeNull();
  });

  it('reads a 省辖市 typed by sound as the city it sounds like, and a correct name as typed', () => {
    const city = (text: string) => {
      const r = applyAnswer(kb, {}, 'ent.city', text);
      return r.ok ? r.answers['ent.city'] : r.error;
    };
    expect(['落阳', '俺们在焦做', '郑洲高新区', '驻马点', '平顶三'].map(city)).toEqual(['洛阳市', '焦作市', '郑州市', '驻马店市', '平顶山市']);
    // 新安县 is a county of 洛阳, named as typed; a word that is no place is still refused.
    expect(city('新安县')).toBe('洛阳市');
    expect(city('南洋')).toMatch(/未能识别所在省辖市/);
  });

  it('does not change the answers map it was given', () => {
    const before: Answers = { 'cap.mes': true };
    const r = applyAnswer(kb, before, 'cap.erp', true);
    expect(before).toEqual({ 'cap.mes': true });
    expect(r.ok && r.answers).toEqual({ 'cap.mes': true, 'cap.erp': true });
  });

  it('confirms what was recorded, with the label and a readable value', () => {
    const r = applyAnswer(kb, {}, 'cap.autoWarehouse', 'partial');
    expect(r.ok && r.recorded).toEqual([{ questionId: 'cap.autoWarehouse', label: '自动化立体仓库等智能仓储设备', value: 'partial', display: '部分具备' }]);
  });
});

describe('reviewing answers', () => {
  it('describes every answer in interview order with labels and display values', () => {
    const answers: Answers = { 'cap.mes': false, 'ent.industryCode': '36', 'ent.registeredInHenan': true, 'metric.networkedRatio': 85, 'cat.scope': 'workshop', 'cap.erp': null };
    const rec = describeAnswers(kb, answers);
    expect(rec.map((r) => r.questionId)).toEqual(['ent.registeredInHenan', 'cat.scope', 'ent.industryCode', 'cap.mes', 'cap.erp', 'metric.networkedRatio']);
    expect(rec.map((r) => r.display)).toEqual(['是', '智能车间', '36 汽车制造业', '否', '已跳过', '85%']);
  });

  it('ignores answers that are not the engine\'s (form.* belongs to the forms phase)', () => {
    expect(describeAnswers(kb, { 'form.companyName': '某公司', 'cap.mes': true })).toHaveLength(1);
  });

  it('builds a profile-shaped view and says when nothing more is needed', () => {
    expect(profileFromAnswers(kb, {}).complete).toBe(false);
    const { answers } = walk({ 'cat.scope': 'workshop', 'ent.industryCode': '36', 'cat.productionMode': 'discrete' });
    const { profile, complete } = profileFromAnswers(kb, answers);
    expect(complete).toBe(true);
    expect(profile.enterprise.province).toBe('河南省');
    expect(profile.enterprise.industryCode).toBe('36');
    expect(profile.scope).toBe('workshop');
    expect(profile.capabilities.mes).toBe(true);
    expect(profile.metrics.networkedRatio).toBe(88);
  });
});

describe('work shared between answer maps', () => {
  const sealed = (a: Answers) => sealAnswers(a);
  const base: Answers = { ...SOUND_ENTERPRISE, 'cat.scope': 'factory', 'cat.productionMode': 'discrete' };

  it('gives every new session the one empty answer map, so its first assessment is worked out once', () => {
    const a = sealAnswers({});
    expect(sealAnswers({})).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(evaluate(kb, sealAnswers({}))).toBe(evaluate(kb, a));
  });

  it('shares an element condition between maps that answer its capabilities alike, frozen, and works it out anew when one changes', () => {
    const one = evaluate(kb, sealed({ ...base, 'cap.mes': true, 'ent.city': '郑州市' }));
    const other = evaluate(kb, sealed({ ...base, 'cap.mes': true, 'ent.city': '洛阳市' }));
    expect(one.assessment.conditions.length).toBeGreaterThan(0);
    one.assessment.conditions.forEach((c, i) => expect(other.assessment.conditions[i]).toBe(c));
    const first = one.assessment.conditions[0]!;
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first.missing as string[]).push('x')).toThrow();
    const without = evaluate(kb, sealed({ ...base, 'cap.mes': false, 'ent.city': '郑州市' }));
    // Only the elements that name MES are worked out again; the others are the very same results.
    const changed = without.assessment.conditions.filter((c, i) => c !== one.assessment.conditions[i]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(without.assessment.conditions.length);
    expect(changed.every((c) => c.missing.includes('mes'))).toBe(true);
    // The same answers unsealed are worked out alike, whether or not a shared result exists.
    expect(evaluate(kb, { ...base, 'cap.mes': false, 'ent.city': '郑州市' }).assessment).toEqual(without.assessment);
  });
});
