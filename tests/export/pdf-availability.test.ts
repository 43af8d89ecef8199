import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { delimiter } from 'node:path';
import { build, type Built } from '../helper';
import { findSoffice, sofficeLocator } from '../../server/export/pdf';
import { sparse } from '../forms/fixtures';

/*
 * Whether PDF export can be made is looked up when it is asked for, not once at start: LibreOffice installed
 * while the server runs is offered at once, and one missing is said in Chinese with how to make the PDF.
 */

describe('sofficeLocator', () => {
  it('looks again for a missing LibreOffice on every call, and keeps a found one only for its short cache', () => {
    vi.useFakeTimers();
    try {
      let installed: string | null = null;
      const find = vi.fn(() => installed);
      const now = sofficeLocator(10_000, find);
      expect(now()).toBeNull();
      expect(now()).toBeNull();
      installed = '/usr/bin/soffice';
      expect(now(), 'installed after the first look: found at the next').toBe('/usr/bin/soffice');
      installed = null;
      expect(now(), 'within the cache the found binary is kept').toBe('/usr/bin/soffice');
      vi.advanceTimersByTime(10_001);
      expect(now(), 'removed and the cache run out: missing again').toBeNull();
      expect(find).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });
});

const soffice = findSoffice();

describe.skipIf(!soffice)('PDF export on a server started without LibreOffice on its PATH', () => {
  const path = process.env.PATH;
  let b: Built;
  beforeAll(async () => {
    // The server starts with LibreOffice out of reach, as on a machine where it is installed later.
    process.env.PATH = (path ?? '').split(delimiter).filter((d) => !findSoffice(d)).join(delimiter);
    b = await build();
  });
  afterAll(async () => {
    process.env.PATH = path;
    await b?.close();
  });

  it('refuses PDF in Chinese while it is missing, and offers it as soon as it is installed, without a restart', async () => {
    const missing = (await b.app.inject({ method: 'GET', url: '/api/export/formats' })).json();
    expect(missing.pdf).toBe(false);
    expect(missing.pdfHowTo).toContain('未安装 LibreOffice');
    const refused = await b.app.inject({ method: 'POST', url: '/api/export/pdf', payload: { profile: sparse, category: 'smartWorkshop' } });
    expect(refused.statusCode).toBe(501);
    expect(refused.json().error.message).toContain('另存为 PDF');
    // 「Installed」: the binary is on the PATH again.
    process.env.PATH = path;
    const now = (await b.app.inject({ method: 'GET', url: '/api/export/formats' })).json();
    expect(now.pdf).toBe(true);
    expect(now.pdfHowTo).toBeUndefined();
  });
});
