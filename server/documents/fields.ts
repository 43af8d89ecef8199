import type { KnowledgeData } from '../knowledge/load';

/**
 * The form's fields a document may fill, from the form's questions: those whose facts the documents' knowledge can
 * read (a particular under its label, a year's figure, a head count, the project's and the workshop's figures, the
 * construction's indicators before and after it).
 * The rules' suggestions and the model's are both kept to this one list. A workshop's figure is listed for the
 * first workshop only: a document's figure is put on the workshop it names afterwards (placeWorkshops), never by
 * whoever read it.
 */
export function documentFields(data: KnowledgeData): string[] {
  const docs = data.formDrafting.documents;
  const readable = new Set([
    ...Object.keys(docs.labels),
    ...Object.keys(docs.prose.counts),
    ...docs.prose.project.map((p) => p.field.replace(/^ws\.1\./, 'ws.{i}.')),
    ...docs.indicators.rows.flatMap((r) => [`${r.field}.before`, `${r.field}.after`]),
  ]);
  return data.formQuestions.questions.flatMap((q) => {
    const id = q.id.replace(/^form\./, '');
    return readable.has(id.replace(/^finance\.\d{4}\./, 'finance.')) ? [id.replace('{i}', '1')] : [];
  });
}
