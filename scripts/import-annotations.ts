/**
 * npm run import -- <slug> <annotations.jsonld> [--skip-orphans] [--dry-run]
 *
 * Reads W3C Web Annotations (JSON-LD from Hypothesis, or this site's
 * /articles/<slug>/annotations.jsonld) and adds them as claims to
 * content/articles/<slug>/annotations.yaml (see docs/editing.md). Annotations that cannot
 * become claims (orphans) are listed with the reason; if there are any, nothing is written
 * unless --skip-orphans is given. Exits 1 when nothing was written because of orphans or errors.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importClaims } from '../src/editor/import-claims.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'skip-orphans': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, content: { type: 'string' } },
});
const [slug, jsonFile] = positionals;
if (!slug || !jsonFile) {
  console.error('usage: npm run import -- <slug> <annotations.jsonld> [--skip-orphans] [--dry-run]');
  process.exit(2);
}
const folder = resolve(values.content ?? 'content/articles', slug);
const articleFile = relative(process.cwd(), join(folder, 'article.md'));
const annotationsFile = relative(process.cwd(), join(folder, 'annotations.yaml'));

try {
  const document: unknown = JSON.parse(readFileSync(jsonFile, 'utf8'));
  const result = importClaims({
    slug,
    articleFile,
    articleSource: readFileSync(articleFile, 'utf8'),
    annotationsFile,
    annotationsSource: readFileSync(annotationsFile, 'utf8'),
    document,
  });
  for (const claim of result.claims) console.log(`claim "${claim.id}": ${claim.kind}${claim.rating ? `, ${claim.rating}` : ''}: "${claim.quote}"`);
  for (const warning of result.warnings) console.log(`warning: ${warning}`);
  for (const orphan of result.orphans) {
    console.log(`orphan: ${orphan.label}${orphan.quote ? ` ("${orphan.quote.replace(/\s+/g, ' ')}")` : ''}: ${orphan.reason}`);
  }
  const counts = `${result.claims.length} ${result.claims.length === 1 ? 'claim' : 'claims'}, ${result.orphans.length} ${result.orphans.length === 1 ? 'orphan' : 'orphans'}`;
  if (result.orphans.length > 0 && !values['skip-orphans']) {
    console.log(`\n${counts}: nothing written. Fix the orphans, or run again with --skip-orphans to add the claims without them.`);
    process.exitCode = 1;
  } else if (!result.annotationsSource) {
    console.log(`\n${counts}: nothing to write.`);
  } else if (values['dry-run']) {
    console.log(`\n${counts}: --dry-run, nothing written. annotations.yaml would be:\n\n${result.annotationsSource}`);
  } else {
    const temporary = join(folder, `.annotations.yaml.${process.pid}.tmp`);
    writeFileSync(temporary, result.annotationsSource);
    renameSync(temporary, annotationsFile);
    console.log(`\n${counts}: added to ${annotationsFile}. Run npm run check, then read each new claim's summary and note.`);
  }
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
