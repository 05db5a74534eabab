/**
 * On every page, a few hundred bytes, no Pagefind:
 * - the `/` key focuses the search field (the search page's own, else the header's);
 * - arriving from a search result (`?highlight=word`), the searched words are
 *   marked in the page; only then is pagefind-highlight.js fetched.
 */
const base = import.meta.env.BASE_URL.replace(/\/*$/, '/');

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.closest('pagefind-results, pagefind-filter-pane') !== null;
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (typingInto(event.target)) return;
  const field =
    document.querySelector<HTMLInputElement>('[data-search]:not([hidden]) input[name="q"]') ??
    document.querySelector<HTMLInputElement>('[data-search-entry] input[name="q"]');
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
});

async function highlight() {
  const terms = new URLSearchParams(location.search).getAll('highlight').filter((t) => t.trim());
  if (terms.length === 0) return;
  type HighlightClass = new (options: object) => unknown;
  const mod: { default?: HighlightClass } = await import(/* @vite-ignore */ `${base}pagefind/pagefind-highlight.js`);
  const Highlight = mod.default ?? (window as unknown as { PagefindHighlight?: HighlightClass }).PagefindHighlight;
  // addStyles: false — the library would add a <style> element, which a strict CSP
  // blocks; the mark's look is in search-entry.css.
  if (Highlight) new Highlight({ highlightParam: 'highlight', addStyles: false, markOptions: { className: 'search-hit', exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *', '.sr-only'] } });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void highlight());
else void highlight();
