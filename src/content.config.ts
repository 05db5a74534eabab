import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { articlesLoader } from './content/loader.ts';
import { articleFrontmatterSchema } from './pipeline/parse-article.ts';
import type { RenderedArticle } from './pipeline/types.ts';

// The front matter schema lives with the pipeline (npm run check uses it too);
// the collection adds the rendered edition that the loader stores beside it, less the fields no
// page reads (src/content/stored-edition.ts: the claims' Markdown notes and selectors as written,
// the warnings). It stays typed as RenderedArticle because the pages and components are.
const articles = defineCollection({
  // CONTENT_DIR builds another content folder (the test fixtures: CONTENT_DIR=tests/fixtures/content).
  loader: articlesLoader({ base: `${process.env.CONTENT_DIR ?? 'content'}/articles` }),
  schema: articleFrontmatterSchema.extend({
    edition: z.custom<RenderedArticle>((value) => typeof value === 'object' && value !== null),
  }),
});

export const collections = { articles };
