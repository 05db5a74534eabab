/**
 * The article text that the Web Annotation export's selectors count in, rebuilt from
 * the article page as a reader's browser has it (see docs/linking.md, "Which text"):
 * the headline, the subtitle and every block of the article body (an element with an
 * id among p, h1–h6, li, th, td, outside the note asides), each without claim markers,
 * screen-reader labels, citation numbers, ¶ links, notes and nested lists, joined by
 * a blank line ("\n\n").
 *
 * Self-contained so Playwright can run it in the page: `page.evaluate(articleTextFromPage)`.
 */
export function articleTextFromPage(): string {
  const blocks: Element[] = [];
  for (const id of ['title', 'subtitle']) {
    const element = document.getElementById(id);
    if (element) blocks.push(element);
  }
  const body = document.querySelector('.article-body');
  if (body) {
    for (const element of body.querySelectorAll('p[id], h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], li[id], th[id], td[id]')) {
      if (!element.closest('.claim-notes')) blocks.push(element);
    }
  }
  return blocks
    .map((block) => {
      const copy = block.cloneNode(true) as Element;
      copy.querySelectorAll('.claim-marker, .sr-only, .cite, .paragraph-link, .claim-notes, ul, ol').forEach((n) => n.remove());
      return copy.textContent ?? '';
    })
    .join('\n\n');
}
