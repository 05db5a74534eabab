/**
 * One digest of a list of files: each file's path (relative to `root`) and bytes, in the order
 * given, a missing file counted as missing, then `extra`. The build's caches are keyed by it: the
 * content store's fingerprint (src/content/fingerprint.ts), the CSP hash cache's code version
 * (src/integrations/style-hash-cache.ts) and the browser code's digest (client-code.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

export function filesDigest(files: readonly string[], root: string, extra = ''): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${relative(root, file)}\n`).update(existsSync(file) ? readFileSync(file) : '(none)').update('\0');
  }
  return hash.update(extra).digest('hex').slice(0, 16);
}
