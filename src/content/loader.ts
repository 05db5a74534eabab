/**
 * The one glue module between content and Astro: a Content Loader that reads
 * each article folder (article.md + annotations.yaml), renders it with our own
 * unified pipeline and stores the result.
 *
 * Why not Astro's glob() loader: its cache is keyed on the Markdown alone, so an
 * edit to annotations.yaml (or to the pipeline) would keep the old page, and it
 * logs plugin errors instead of failing the build (see docs/architecture.md).
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { renderArticle, pipelineFingerprint } from '../pipeline/render-article.ts';
import { ContentError, formatMessage } from '../pipeline/messages.ts';

export interface ArticlesLoaderOptions {
  /** Folder holding one sub-folder per article, relative to the project root. */
  base: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function articlesLoader({ base }: ArticlesLoaderOptions): Loader {
  return {
    name: 'articles-loader',
    load: async (context) => {
      const root = resolve(base);
      await loadAll(context, root);
      // The dev server re-renders an article when either of its files changes.
      context.watcher?.add(root);
      context.watcher?.on('all', async (_event, path) => {
        if (path.startsWith(root + sep)) await loadAll(context, root);
      });
    },
  };
}

async function loadAll(context: LoaderContext, root: string): Promise<void> {
  const { store, logger, parseData, generateDigest } = context;
  const slugs = existsSync(root)
    ? readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory()).sort()
    : [];
  const problems: string[] = [];
  const seen = new Set<string>();

  for (const slug of slugs) {
    const folder = join(root, slug);
    const articleFile = relative(process.cwd(), join(folder, 'article.md'));
    const annotationsFile = relative(process.cwd(), join(folder, 'annotations.yaml'));
    if (!SLUG.test(slug)) {
      problems.push(`${relative(process.cwd(), folder)}:1:1: error: article folder "${slug}" is not lower-case letters, digits and single hyphens [slug-format]`);
      continue;
    }
    const missing = [articleFile, annotationsFile].filter((file) => !existsSync(file));
    if (missing.length > 0) {
      for (const file of missing) problems.push(`${file}:1:1: error: file is missing [file-missing]`);
      continue;
    }
    seen.add(slug);
    const articleSource = readFileSync(articleFile, 'utf8');
    const annotationsSource = readFileSync(annotationsFile, 'utf8');
    // Both files and the pipeline's own code make the digest, so editing any of them re-renders.
    const digest = generateDigest(`${pipelineFingerprint}\0${articleSource}\0${annotationsSource}`);
    if (store.get(slug)?.digest === digest) continue;

    try {
      const edition = renderArticle({ slug, articleFile, articleSource, annotationsFile, annotationsSource });
      for (const warning of edition.warnings) logger.warn(formatMessage(warning));
      const data = await parseData({
        id: slug,
        filePath: articleFile,
        data: { ...edition.frontmatter, edition },
      });
      store.set({ id: slug, data, digest, filePath: articleFile });
    } catch (error) {
      if (error instanceof ContentError) problems.push(error.message);
      else throw error;
    }
  }

  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  if (problems.length > 0) {
    // Astro prints only the message, so it carries every file:line:column.
    throw new Error(`Content has errors:\n${problems.join('\n')}`);
  }
}
