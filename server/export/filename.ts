import type { FormSpec } from '../knowledge/schemas/forms';

/** Characters no file system accepts in a name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * The exported file's name: the form's own title and branch from knowledge, then the company:
 * 「2023年度河南省智能工厂申报书（离散型）-洛阳某某公司.docx」. `kind` names a document other than the form
 * (「自评报告」), placed after the title.
 */
export function exportFileName(spec: Pick<FormSpec, 'title' | 'subtitle'>, company: string | undefined, ext: 'docx' | 'pdf', kind?: string): string {
  const title = `${spec.title}${spec.subtitle ?? ''}${kind ? `-${kind}` : ''}`;
  const who = company?.replace(UNSAFE, '').trim().slice(0, 80);
  return `${title}${who ? `-${who}` : ''}.${ext}`.replace(UNSAFE, '');
}

/**
 * Content-Disposition with the UTF-8 name in RFC 5987 `filename*` and an ASCII fallback for old clients.
 * encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987's attr-char does not allow.
 */
export function contentDisposition(name: string, asciiFallback: string): string {
  const star = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${star}`;
}
