/**
 * The one glue module between content and Astro: a Content Loader that reads
 * each article folder (article.md + annotations.yaml), renders it with our own
 * unified pipeline and stores the result.
 *
 * Why not Astro's glob() loader: its cache is keyed on the Markdown alone, so an
 * edit to annotations.yaml (or to the pipeline) would keep the old page, and it
 * logs plugin errors instead of failing the build (see docs/architecture.md).
 *
 * Articles to (re-)render go through ./render-pool.ts: on a pool of worker threads when there
 * are enough of them, inline otherwise; either way the outcomes come back in folder order, so
 * warnings, errors and the store are the same as rendering one by one here. The pool, and with it
 * the whole pipeline (unified and its plugins), is imported only when an article needs rendering:
 * a build where no article changed reads the folders, compares digests and loads none of it.
 */
import { resolve, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ArticleInput } from '../pipeline/render-article.ts';
import { ContentError, formatMessage } from '../pipeline/messages.ts';
import type { RenderedArticle } from '../pipeline/types.ts';
import { readArticleFolders } from './article-folders.ts';
import { recordContentProblems } from './content-problems.ts';
import { contentFingerprint } from './fingerprint.ts';
import { articleOrThrow } from './render-outcome.ts';
import { articleHtmlFolder, hasArticleHtml, removeUnusedArticleHtml, writeArticleHtml } from './article-html.ts';
import { storeFull, storedArticle, type StoredArticle } from './stored-article.ts';

export interface ArticlesLoaderOptions {
  /** Folder holding one sub-folder per article, relative to the project root. */
  base: string;
}

/** The watchers this loader listens to, each with the context of the latest load() (see load()). */
const latestContext = new WeakMap<object, LoaderContext>();

export function articlesLoader({ base }: ArticlesLoaderOptions): Loader {
  return {
    name: 'articles-loader',
    load: async (context) => {
      const root = resolve(base);
      await loadOrRecord(context, root);
      // The dev server re-renders an article when either of its files changes. Astro may call
      // load() again on the same watcher (a config change, a sync): listen once per watcher, or
      // each edit would render everything once per earlier call.
      const watcher = context.watcher;
      if (!watcher) return;
      const listening = latestContext.has(watcher);
      latestContext.set(watcher, context);
      if (listening) return;
      watcher.add(root);
      // One load at a time, in the order of the edits: an editor's save is often two events (the
      // file emptied, then written), and two loads side by side could let the older one store its
      // article last, or remove the HTML file (./article-html.ts) the newer one has just written.
      let loading: Promise<void> = Promise.resolve();
      watcher.on('all', (_event, path) => {
        if (!path.startsWith(root + sep)) return loading;
        loading = loading.then(() => loadOrRecord(latestContext.get(watcher)!, root));
        return loading;
      });
    },
  };
}

/**
 * In a build (no watcher) a content error throws and stops the build. In the dev server it
 * must not stop the server: the problems are logged and recorded (content-problems.ts), the
 * broken articles leave the store, and the next edit loads again.
 */
async function loadOrRecord(context: LoaderContext, root: string): Promise<void> {
  if (!context.watcher) {
    await loadAll(context, root);
    return;
  }
  try {
    const bySlug = await loadAll(context, root);
    recordContentProblems(bySlug);
    const lines = Object.values(bySlug).flat();
    if (lines.length > 0) context.logger.error(`Content has errors:\n${lines.join('\n')}`);
  } catch (error) {
    // Not a content problem (those are collected above): a pipeline bug. Still keep the server up.
    const line = `${root}:1:1: error: the pipeline crashed: ${error instanceof Error ? error.message : String(error)} [internal-error]`;
    recordContentProblems({ '': [line] });
    context.logger.error(error instanceof Error ? (error.stack ?? error.message) : line);
  }
}

/** An article to render: its files, its new digest, and its folder's problems (its own are added). */
interface ToRender {
  input: ArticleInput;
  digest: string;
  problems: string[];
}

/** Loads every folder; throws on content errors in a build, returns them by slug in dev. */
async function loadAll(context: LoaderContext, root: string): Promise<Record<string, string[]>> {
  const { store, generateDigest } = context;
  // Problems in folder order: a folder's own, or its article's, each in its place.
  const problems = new Map<string, string[]>();
  const seen = new Set<string>();
  const toRender: ToRender[] = [];
  const fingerprint = contentFingerprint();

  for (const folder of readArticleFolders(root)) {
    const itsProblems = folder.problems.map(formatMessage);
    problems.set(folder.slug, itsProblems);
    if (!folder.input) continue;
    const { input } = folder;
    // Both files and what else decides the stored entry (fingerprint.ts) make the digest, so editing
    // any of them re-renders; the digest is also the cacheKey of the article's pages (src/lib/site.ts).
    const digest = generateDigest(`${fingerprint}\0${input.articleSource}\0${input.annotationsSource}`);
    seen.add(folder.slug);
    const stored = store.get(folder.slug);
    // Unchanged, and its HTML file (./article-html.ts) still there: nothing to do. A file gone
    // from the cache folder while the store kept the entry means rendering the article again.
    if (stored?.digest === digest && (storeFull() || hasArticleHtml(articleOf(stored.data)?.htmlFile))) continue;
    toRender.push({ input, digest, problems: itsProblems });
  }

  if (toRender.length > 0) await renderAndStore(context, toRender, seen);

  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  const used = new Set(store.values().flatMap((entry) => articleOf(entry.data)?.htmlFile ?? []));
  removeUnusedArticleHtml(articleHtmlFolder(context.config.cacheDir, Boolean(context.watcher)), used);
  const messages = [...problems.values()].flat();
  if (messages.length > 0 && !context.watcher) {
    // Astro prints only the message, so it carries every file:line:column.
    throw new Error(`Content has errors:\n${messages.join('\n')}`);
  }
  return Object.fromEntries([...problems].filter(([, lines]) => lines.length > 0));
}

/** The stored article of an entry's data (the collection's schema puts it under `article`). */
function articleOf(data: Record<string, unknown>): StoredArticle | undefined {
  return data.article as StoredArticle | undefined;
}

/** Renders the articles whose digest changed and stores them; an article with content errors gets them in its problems. */
async function renderAndStore(context: LoaderContext, toRender: ToRender[], seen: Set<string>): Promise<void> {
  const { store, logger, parseData } = context;
  const { renderEach } = await import('./render-pool.ts');
  const folder = articleHtmlFolder(context.config.cacheDir, Boolean(context.watcher));
  let i = 0;
  const rendering = renderEach(toRender.map((item) => item.input), {
    onInline: (reason) => logger.info(reason),
    onPool: (workers, articles) => logger.info(`rendering ${articles} articles on ${workers} worker threads`),
  });
  for await (const outcome of rendering) {
    const { input, digest, problems: itsProblems } = toRender[i++]!;
    try {
      const article: RenderedArticle = articleOrThrow(outcome);
      for (const warning of article.warnings) logger.warn(formatMessage(warning));
      const data = await parseData({
        id: input.slug,
        filePath: input.articleFile,
        data: { ...article.frontmatter, article: storedArticle(article, storeFull() ? undefined : writeArticleHtml(folder, input.slug, digest, article)) },
      });
      store.set({ id: input.slug, data, digest, filePath: input.articleFile });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      itsProblems.push(error.message);
      // No stale page in dev: a broken article is gone until it is fixed.
      seen.delete(input.slug);
    }
  }
}
