import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION_NAME = /^[a-z0-9-]+$/;

function status(root: string, version: string): 'draft' | 'published' | null {
  try {
    const m = JSON.parse(readFileSync(join(root, version, 'manifest.json'), 'utf8'));
    return m.status === 'draft' ? 'draft' : 'published';
  } catch {
    return null;
  }
}

/** True when knowledge/<version>/ is an ingested draft that has not been published. */
export const isDraft = (root: string, version: string) => status(root, version) === 'draft';

/**
 * The versions under a knowledge root that may be served: a manifest without status (written by
 * hand) or with status published. Drafts are left out until `knowledge:publish` has checked them.
 */
export function publishedVersions(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => VERSION_NAME.test(d) && status(root, d) === 'published')
    .sort();
}

/** One version directory as the console lists it. */
export interface VersionSummary {
  version: string;
  status: 'draft' | 'published';
  title: string;
  year: number | null;
  basedOn: string | null;
  /** Items of review.json still needing review; null when the version was not ingested. */
  pending: number | null;
  reviewed: number | null;
}

/** Every version directory under a root with a readable manifest, drafts included, newest name last. */
export function listVersions(root: string): VersionSummary[] {
  if (!existsSync(root)) return [];
  const out: VersionSummary[] = [];
  for (const d of readdirSync(root).filter((n) => VERSION_NAME.test(n)).sort()) {
    let m: { status?: string; title?: unknown; year?: unknown; basedOn?: unknown };
    try {
      m = JSON.parse(readFileSync(join(root, d, 'manifest.json'), 'utf8'));
    } catch {
      continue;
    }
    let pending: number | null = null;
    let reviewed: number | null = null;
    try {
      const items = JSON.parse(readFileSync(join(root, d, 'review.json'), 'utf8')).items as { needsReview?: boolean; status?: string }[];
      pending = items.filter((i) => i.needsReview && i.status !== 'accepted' && i.status !== 'dropped').length;
      reviewed = items.filter((i) => i.needsReview && i.status === 'accepted').length;
    } catch {
      // A version written by hand has no review list.
    }
    out.push({
      version: d,
      status: m.status === 'draft' ? 'draft' : 'published',
      title: typeof m.title === 'string' ? m.title : d,
      year: typeof m.year === 'number' ? m.year : null,
      basedOn: typeof m.basedOn === 'string' ? m.basedOn : null,
      pending,
      reviewed,
    });
  }
  return out;
}
