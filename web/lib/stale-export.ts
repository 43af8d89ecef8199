import type { StaleExport } from '../../server/schemas/forms';

/** The export's header of stale edited sections (the server's `STALE_EXPORT_HEADER`, kept in step by the route tests). */
const STALE_EXPORT_HEADER = 'x-stale-sections';

/**
 * The stale edited sections an export's response names; null when it names none or cannot be read. The enterprise's
 * page and the helpline's assisted view read the same header, so both show the note the file itself cannot carry.
 */
export function staleOf(headers: Headers): StaleExport | null {
  const raw = headers.get(STALE_EXPORT_HEADER);
  if (!raw) return null;
  try {
    const v = JSON.parse(decodeURIComponent(raw)) as StaleExport;
    if (typeof v?.warning !== 'string' || !Array.isArray(v.sections)) return null;
    return { warning: v.warning, sections: v.sections, ...(Array.isArray(v.figures) ? { figures: v.figures.filter((x) => typeof x === 'string') } : {}) };
  } catch {
    return null;
  }
}
