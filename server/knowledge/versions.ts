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
