/**
 * The one walker over a built site: every file under a folder, in a stable (sorted) order.
 * Used by the CSP-hash integration, the link check and the tests.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

export function htmlFilesUnder(dir: string): string[] {
  return [...filesUnder(dir)].filter((file) => file.endsWith('.html'));
}
