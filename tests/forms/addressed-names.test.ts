import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { formView, interpretForm } from '../../server/forms/phase';

/*
 * 「刘总」 at 联系人姓名 is how the person is addressed, a surname and a title, not the full name the signed form prints.
 * Nothing is stored as the name; the ask keeps the surname (如刘××) and offers the post the address stands for
 * (总经理) for the post field. What else the reply gave (a phone) is kept. A full name is stored as typed.
 */
const kb = loadKnowledgeData('knowledge', 'henan-2023');
const ask = (id: string, text: string) => interpretForm(kb, text, formView(kb, id, 'smartWorkshop'));

describe('a surname and a title at a name question', () => {
  it.each([
    ['form.contact.name', '刘总', '联系人姓名（写全名，如刘××；职务如是总经理，可填在职务一栏）'],
    ['form.contact.name', '张工', '联系人姓名（写全名，如张××；职务如是工程师，可填在职务一栏）'],
    ['form.contact.name', '联系人是王经理', '联系人姓名（写全名，如王××；职务如是经理，可填在职务一栏）'],
    ['form.leader.name', '欧阳副主任', '企业负责人姓名（写全名，如欧阳××；职务如是副主任，可填在职务一栏）'],
    ['form.leader.name', '刘总经理', '企业负责人姓名（写全名，如刘××；职务如是总经理，可填在职务一栏）'],
  ])('%s 「%s」 is asked for the full name, keeping the surname', (id, said, wanted) => {
    const r = ask(id, said);
    expect(r).toMatchObject({ kind: 'unclear', reason: 'wrongKind', choices: [said.replace(/^联系人是/u, ''), '姓氏加称呼，不是全名', wanted] });
  });

  it('a phone said with it is kept, and the name is asked for', () => {
    expect(ask('form.contact.name', '张工，13812345678')).toEqual({
      kind: 'answers',
      items: [{ questionId: 'form.contact.mobile', value: '13812345678', extra: true }],
      pendingLeft: { reason: 'wrongKind', choices: ['张工', '姓氏加称呼，不是全名', '联系人姓名（写全名，如张××；职务如是工程师，可填在职务一栏）'], field: '联系人姓名' },
    });
  });

  it('named in passing at another person\'s question, an address is not stored as the name', () => {
    const r = ask('form.leader.name', '联系人是王经理');
    expect(r.kind === 'answers' ? r.items.filter((i) => i.questionId === 'form.contact.name') : []).toEqual([]);
  });

  it.each([
    ['刘建国', '刘建国'],
    ['张总成', '张总成'],
    ['欧阳娜娜', '欧阳娜娜'],
    ['高工程', '高工程'],
  ])('a full name (「%s」) is stored as typed', (said, stored) => {
    expect(ask('form.contact.name', said)).toEqual({ kind: 'answers', items: [{ questionId: 'form.contact.name', value: stored }] });
  });

  it.each(['总经理', '高工'])('a title alone (「%s」) is no name either, asked back as before', (said) => {
    expect(ask('form.contact.name', said)).toMatchObject({ kind: 'unclear', reason: 'notAnAnswer' });
  });
});
