import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// The same article.md files as the real site (CONTENT_DIR/articles/<slug>/article.md); the
// annotations are ignored, as Astro's own Markdown processing knows nothing of them.
const articles = defineCollection({
  loader: glob({
    pattern: '*/article.md',
    base: `${process.env.CONTENT_DIR ?? '../../content'}/articles`,
    generateId: ({ entry }) => entry.split('/')[0]!,
  }),
});

export const collections = { articles };
