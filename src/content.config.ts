import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { articlesLoader } from './content/loader.ts';
import { articleFrontmatterSchema } from './pipeline/parse-article.ts';
import type { StoredArticle } from './content/stored-article.ts';

// The front matter schema lives with the pipeline (npm run check uses it too);
// the collection adds the rendered article that the loader stores beside it, less the fields no
// page reads (src/content/stored-article.ts: the claims' Markdown notes and selectors as written,
// the warnings), typed as such: a page that reads a dropped field does not compile.
const articles = defineCollection({
  // CONTENT_DIR builds another content folder (the test fixtures: CONTENT_DIR=tests/fixtures/content).
  loader: articlesLoader({ base: `${process.env.CONTENT_DIR ?? 'content'}/articles` }),
  schema: articleFrontmatterSchema.extend({
    article: z.custom<StoredArticle>((value) => typeof value === 'object' && value !== null),
  }),
});

export const collections = { articles };
