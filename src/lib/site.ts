import { getCollection } from 'astro:content';

/** The site's name, as the header, share previews and exports give it. */
export const SITE_NAME = 'Critical Edition';

/** One static route per article (`/articles/<slug>/…`), the entry passed as a prop. */
export async function articlePaths() {
  const articles = await getCollection('articles');
  return articles.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
