import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { formView, interpretForm } from '../../server/forms/phase';

/*
 * The asked field answered among other facts of the same reply, one of them a none: of a thing the form has no cell
 * for (没有邮编), which records nothing, or of 传真, whose none is printed 无. The asked field lands in its field with
 * the others. The phrasings are this file's own.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const read = (id: string, text: string) => interpretForm(data, text, formView(data, id, 'discreteFactory'));
const items = (id: string, text: string) => {
  const r = read(id, text);
  return r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value]) : r;
};

describe('the asked field among other facts', () => {
  it('is read beside a none of 传真, which is recorded as 无', () => {
    expect(items('form.contact.name', '联系人是周雅琴，财务部副部长，座机0371-68881234，手机13598761234，邮箱zyq@hnjx.com，也没有传真')).toEqual([
      ['form.contact.name', '周雅琴'],
      ['form.contact.title', '财务部副部长'],
      ['form.contact.phone', '0371-68881234'],
      ['form.contact.mobile', '13598761234'],
      ['form.contact.email', 'zyq@hnjx.com'],
      ['form.contact.fax', '无'],
    ]);
    expect(items('form.contact.name', '张晓东，生产部经理，手机13838381234，无传真')).toEqual([
      ['form.contact.name', '张晓东'],
      ['form.contact.title', '生产部经理'],
      ['form.contact.mobile', '13838381234'],
      ['form.contact.fax', '无'],
    ]);
    expect(items('form.contact.phone', '0371-66668888，暂无传真')).toEqual([['form.contact.phone', '0371-66668888'], ['form.contact.fax', '无']]);
  });

  it('is read beside a none of a thing the form does not ask, which records nothing', () => {
    expect(items('form.contact.name', '张晓东，生产部经理，手机13838381234，没有邮编')).toEqual([
      ['form.contact.name', '张晓东'],
      ['form.contact.title', '生产部经理'],
      ['form.contact.mobile', '13838381234'],
    ]);
    expect(items('form.contact.phone', '0371-66668888，暂无邮编')).toEqual([['form.contact.phone', '0371-66668888']]);
  });

  it('is asked back when the reply holds nothing but such a none; a none of 传真 alone is 传真\'s, and the field waits', () => {
    expect(read('form.contact.name', '没有邮编')).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
    expect(read('form.contact.name', '没有传真')).toEqual({ kind: 'answers', items: [{ questionId: 'form.contact.fax', value: '无', extra: true }] });
    expect(read('form.contact.email', '没有传真，没有邮编')).toEqual({ kind: 'answers', items: [{ questionId: 'form.contact.fax', value: '无', extra: true }] });
    // A none of the asked field itself is that field left empty, as before.
    expect(items('form.contact.email', '没有邮箱')).toEqual([['form.contact.email', null]]);
  });
});
