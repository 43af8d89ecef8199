/**
 * The "next year" notice of the ingest tests: the shipped notice with a known set of edits, so
 * the diff can be checked against exactly what was changed.
 */
export const EDITS = {
  quotas: [
    { from: '郑州市推荐企业不多于20家', to: '郑州市推荐企业不多于25家' },
    { from: '各县（市）不多于5家', to: '各县（市）不多于6家' },
  ],
  deadline: { from: '于3月15日前', to: '于3月20日前' },
  /** A new last condition of 二. */
  addedClause: '（五）申报企业近三年未发生重大安全、环保、质量事故。',
  /** One sentence of the discrete factory's 经营管理 element, reworded. */
  element: {
    from: '应用仓储管理系统（WMS）、自动化立体仓库等智能仓储与物流设备，实现库存管理优化、自动化出入库、自动装车。',
    to: '应用仓储管理系统（WMS）、自动化立体仓库和智能物流装备，实现库存精细化管理、自动化出入库和自动装车。',
  },
  /** The 试验数据管理系统 row of 附件2's table. */
  removedCell: ['试验数据管理系统应用', '（请简要说明工厂试验数据管理系统应用情况）'],
};

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one "${from}" in the notice`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export function synthetic2024(notice: string): string {
  let t = notice;
  for (const q of EDITS.quotas) t = replaceOnce(t, q.from, q.to);
  t = replaceOnce(t, EDITS.deadline.from, EDITS.deadline.to);
  t = replaceOnce(t, EDITS.element.from, EDITS.element.to);
  const credit = t.indexOf('列入“严重违法失信名单”。');
  const eol = t.indexOf('\n', credit);
  t = `${t.slice(0, eol)}\n${EDITS.addedClause}${t.slice(eol)}`;
  // Remove the row from 附件2 only; 附件3 has the same row and keeps it.
  const lines = t.split('\n');
  const start = lines.findIndex((l) => l.trim() === '附件2');
  const row = lines.findIndex((l, i) => i > start && l.trim() === EDITS.removedCell[0]);
  if (start < 0 || row < 0 || lines[row + 1]!.trim() !== EDITS.removedCell[1]) throw new Error('the 附件2 row to remove was not found');
  lines.splice(row, 2);
  return lines.join('\n');
}

/** The same notice a year on: 2023年度 becomes 2024年度, and the economic-indicator years move on by one. */
export function shiftYears(notice: string): string {
  // A year is one before 年 or at the start of a span (「2020—2022年」).
  return notice.replace(/(?<!\d)(202[0-3])(?=年|—)/g, (y) => String(Number(y) + 1));
}

/**
 * What an operator changes after reviewing the synthetic notice, in answer-base.json and in the
 * files of REVISED_FILES: the answers, quotes, requirements, help texts and answer templates that repeated the old
 * figures and the old element sentence now repeat the new ones. Accepted unchanged, they would
 * quote words the notice no longer has.
 */
export function reviseAnswers(answerBase: string, years = false): string {
  const t = answerBase
    .replaceAll(EDITS.element.from, EDITS.element.to)
    .replaceAll('应用仓储管理系统（WMS）、自动化立体仓库等智能仓储与物流设备', '应用仓储管理系统（WMS）、自动化立体仓库和智能物流装备')
    .replaceAll('自动化立体仓库等智能仓储与物流设备', '自动化立体仓库和智能物流装备')
    .replaceAll('实现库存管理优化、自动化出入库、自动装车', '实现库存精细化管理、自动化出入库和自动装车')
    .replaceAll('不多于20家', '不多于25家')
    .replaceAll('不多于5家', '不多于6家')
    .replaceAll('3月15日', '3月20日');
  return years ? shiftYears(t) : t;
}

/** The entry whose quotes break when the element sentence is reworded. */
export const WMS_ENTRY = 'discrete-wms';

/** The carried files whose wording repeats the notice, revised with reviseAnswers before publishing. */
export const REVISED_FILES = ['answer-base.json', 'elements.json', 'interview.json', 'intents.json'];
