import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { walk } from './drive';
import { NEW_ENTERPRISES, interviewAnswersOf } from '../fixtures/new-enterprises';
import { assess } from '../../server/engine';
import { labelOf } from '../../server/engine/kb';
import { Profile } from '../../server/schemas/profile';
import { realKb } from '../engine/kb';

/*
 * Seven enterprises unlike the development samples (tests/fixtures/new-enterprises.ts), interviewed
 * over the real socket with their own facts and nothing else: what they do not say is skipped.
 */
const srv = serveForFile();
const kb = realKb();
const drafting = kb.formDrafting;

describe('seven new enterprises interviewed over the chat socket', () => {
  for (const e of NEW_ENTERPRISES) {
    it(`${e.id}: reaches the verdict the notice gives, the same as /api/assess, and says it in the category's own words`, async () => {
      const facts = interviewAnswersOf(e);
      // A question the enterprise has no fact for is skipped (null), so nothing is invented for it.
      const table = new Proxy(facts, { has: () => true, get: (t, k: string) => (k in t ? t[k] : null) });
      const w = await walk(srv.url, { name: e.id, facts: table });
      const a = w.assessment;
      expect(a.eligible).toBe(e.expected.eligible);
      expect(a.verdict).toBe(e.expected.verdict);
      expect(a.category.recommended).toBe(e.expected.category);
      expect(a.category.ifEligible).toBe(e.expected.ifEligible);
      expect(a.blocking.map((b) => b.clause)).toEqual(e.expected.unmet.filter((c) => !c.startsWith('三')));
      const quota = a.notes.find((n) => n.clause === '四(三)')?.text ?? '';
      expect(quota).toContain(e.expected.quotaRegion);
      expect(quota.includes('县（市）')).toBe(e.expected.county);

      const said = w.client.received.filter((m) => m.type === 'message.end').map((m) => (m as { text: string }).text);
      const verdict = said[said.length - 1]!;
      expect(verdict).toMatch(/^评估结果/);
      if (!e.expected.eligible) {
        for (const b of a.blocking) expect(verdict).toContain(b.clause);
        // No 申报书 questions for an enterprise that cannot apply.
        expect(w.asked.some((id) => id.startsWith('form.'))).toBe(false);
        await w.client.close();
        return;
      }
      // The interview and the public /api/assess contract agree element by element.
      const direct = assess(kb, Profile.parse(e.profile));
      expect(a.conditions.map((c) => [c.clause, c.status, [...c.missing].sort()])).toEqual(direct.conditions.map((c) => [c.clause, c.status, [...c.missing].sort()]));
      expect(a.conditions.filter((c) => c.status === 'unmet').map((c) => c.clause)).toEqual(e.expected.unmet);
      expect(a.conditions.filter((c) => c.status === 'partial').map((c) => c.clause)).toEqual(e.expected.partial);
      // The spoken verdict names each gap in the words of the recommended category's own clause.
      const category = a.category.recommended!;
      for (const c of a.conditions.filter((x) => x.status === 'unmet' || x.status === 'partial')) {
        expect(verdict).toContain(c.title);
        for (const id of c.missing) {
          const own = labelOf(kb, id, category);
          const neutral = labelOf(kb, id);
          expect(verdict).toContain(own);
          if (!own.includes(neutral)) expect(verdict, `${c.clause} ${id}`).not.toContain(neutral);
        }
      }
      // The session's drafts (the recommended category's form) claim nothing the enterprise denied.
      const auth = { authorization: `Bearer ${w.token}` };
      const drafts = await fetch(`${srv.http}/api/sessions/${w.sessionId}/drafts`, { headers: auth });
      expect(drafts.status).toBe(200);
      const body = (await drafts.json()) as { category: string; sections: { section: string; text: string }[] };
      expect(body.category).toBe(category);
      const claims = body.sections.map((x) => x.text.replace(/〔请补充：[^〕]*〕/g, '')).join('\n');
      const denied = Object.entries(e.profile.capabilities ?? {}).filter(([, v]) => v === false).map(([id]) => id as keyof typeof drafting.capabilities);
      for (const id of denied) expect(claims, id).not.toContain(drafting.capabilities[id]!.name);
      const docx = await fetch(`${srv.http}/api/sessions/${w.sessionId}/export.docx?category=${category}`, { headers: auth });
      expect(docx.status).toBe(200);
      expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
      await w.client.close();
    }, 120_000);
  }
});
