import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first of the named executables on PATH, or null. */
export function findExecutable(names: string[], pathEnv = process.env.PATH ?? ''): string | null {
  for (const dir of pathEnv.split(delimiter).filter(Boolean))
    for (const name of names) {
      const p = join(dir, name);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        /* not here */
      }
    }
  return null;
}
