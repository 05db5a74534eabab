/**
 * An Astro integration: keep the output folder between builds instead of emptying it, so a page
 * that Astro's incremental build would restore from its cache (astro.config.mjs,
 * `experimental.incrementalBuild`) is left where it is rather than deleted and copied back. At 300
 * synthetic articles (3,304 pages) deleting and copying back cost about 5 s of CPU of a 12 s
 * no-change rebuild, and most of its wall time (docs/performance.md).
 *
 * Astro empties the folder unless `vite.build.emptyOutDir` is false, and leaves a page it may
 * skip in place when its file is there. That is only right when the folder is exactly what the
 * last build left, so this integration:
 * - records, when a build is done, every file of the folder with its size and time, in
 *   `<cacheDir>/output-state.json` (beside the page cache it goes with);
 * - when a build starts, compares the folder with that record, and empties it, as Astro would,
 *   when anything differs: no record (a first build, a deleted or restored cache folder), a file
 *   added, removed or changed by hand or by another build. The search index (`pagefind/`, written
 *   after the build) is left out of the comparison;
 * - when the build is done, deletes every file the build neither wrote nor listed as one of its
 *   pages (Astro's `assets`, restored pages included): the pages of a deleted article, old
 *   bundles, the last search index. The folder then holds what an emptied one would.
 */
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { emptyFolder, outputState, prune, readState, sameState, writeState, written, type OutputState } from './output-state.ts';

export default function keepOutput(): AstroIntegration {
  let stateFile = '';
  let outDir = '';
  let before: OutputState = {};
  return {
    name: 'keep-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        stateFile = join(fileURLToPath(config.cacheDir), 'output-state.json');
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        const recorded = readState(stateFile, outDir);
        before = outputState(outDir);
        if (recorded && sameState(recorded, before)) return;
        if (Object.keys(before).length > 0) logger.info('the output folder is not what the last build left: emptying it');
        emptyFolder(outDir);
        before = {};
      },
      // Last of the integrations (astro.config.mjs): the others' files (_headers) are written by now.
      'astro:build:done': ({ assets, logger }) => {
        const keep = written(before, outputState(outDir));
        for (const urls of assets.values()) for (const url of urls) keep.add(relative(outDir, fileURLToPath(url)).split(sep).join('/'));
        const removed = prune(outDir, keep);
        if (removed > 0) logger.info(`removed ${removed} file(s) no longer built`);
        writeState(stateFile, outDir, outputState(outDir));
      },
    },
  };
}
