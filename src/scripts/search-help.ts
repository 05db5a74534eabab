/**
 * What the search page offers beyond Pagefind's results (issue 13, point 8):
 * - "Did you mean Kishida?" when a search finds nothing or little: the nearest words of
 *   the site's own word list (/search/words.json, fetched only then), by edit distance;
 * - when nothing is found, ways on (browse all claims, by rating, each article's claims)
 *   instead of an empty filter pane;
 * - browsing: an empty query lists every claim (Pagefind's `search(null, { filters })`,
 *   the Component UI's "faceted" mode), in reading order, filterable like any search.
 *   `/search/?browse` arrives browsing, `/search/?rating=Misleading` (also `kind`, `topic`,
 *   `article`; any case, hyphens for spaces) arrives browsing with that filter set.
 * The links and texts are in the page (src/pages/search.astro); this shows and hides them.
 */
import { suggestQuery } from '../lib/search-words.ts';

/** The parts of a Pagefind Component UI instance this module uses. */
export interface HelpInstance {
  faceted: boolean;
  searchSort: Record<string, string>;
  searchTerm?: string;
  searchFilters?: Record<string, string[]>;
  availableFilters?: Record<string, Record<string, number>> | null;
  triggerLoad(): Promise<void>;
  triggerSearch(term: string): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  on(event: string, callback: (...args: any[]) => void, owner?: unknown): void;
}

/** The filters a browsing address may set. */
export const BROWSE_FILTERS = ['rating', 'kind', 'topic', 'article'] as const;
/** Fewer results than this and a suggestion is looked for. */
const FEW = 3;
/** Claim pages carry this sort key (`data-pagefind-sort`): article, then claim number. Articles lack it, so browsing lists claims only. */
const BROWSE_SORT = { claim: 'asc' };

const words = (() => {
  let list: Promise<string[]> | null = null;
  return (url: string) =>
    (list ??= fetch(url)
      .then((response) => (response.ok ? response.json() : []))
      .catch(() => []));
})();

const normal = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function searchHelp(root: HTMLElement, search: (term: string) => void) {
  const ui = root.querySelector<HTMLElement>('[data-search-ui]')!;
  const suggest = root.querySelector<HTMLElement>('[data-search-suggest]')!;
  const suggestLink = suggest.querySelector<HTMLAnchorElement>('a')!;
  const none = root.querySelector<HTMLElement>('[data-search-none]')!;
  const wordsUrl = root.dataset.searchWords!;
  const params = new URLSearchParams(location.search);
  const requested = params.has('browse') || BROWSE_FILTERS.some((name) => params.get(name));

  suggestLink.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    search(suggestLink.dataset.term!);
  });

  async function offer(pf: HelpInstance, term: string) {
    const suggestion = suggestQuery(term, await words(wordsUrl));
    if (pf.searchTerm !== term) return;
    suggest.hidden = !suggestion;
    if (!suggestion) return;
    suggestLink.textContent = suggestion;
    suggestLink.dataset.term = suggestion;
    const url = new URL(suggestLink.href);
    url.search = new URLSearchParams({ q: suggestion }).toString();
    suggestLink.href = url.href;
  }

  return {
    /** The address asks to browse (`?browse`, `?rating=…`). */
    requested,
    /** Once Pagefind's instance exists: react to each result set. */
    attach(pf: HelpInstance) {
      pf.on('results', (result: { results?: unknown[] }) => {
        const term = (pf.searchTerm ?? '').trim();
        const count = result.results?.length ?? 0;
        const filtered = Object.values(pf.searchFilters ?? {}).some((values) => values.length > 0);
        const empty = term !== '' && count === 0;
        // Nothing found and nothing to unselect: the filter pane would only list zeros.
        ui.toggleAttribute('data-empty', empty && !filtered);
        none.hidden = !empty;
        ui.toggleAttribute('data-browsing', term === '');
        if (term && count < FEW) void offer(pf, term);
        else suggest.hidden = true;
      });
    },
    /** Run `term` (an empty one browses every claim); a search by words drops the browsing address. */
    search(pf: HelpInstance, term: string) {
      // Set per search, not once: while Pagefind loads, a faceted instance browses on its own.
      pf.faceted = term === '';
      pf.searchSort = term ? {} : BROWSE_SORT;
      if (term) {
        const url = new URL(location.href);
        for (const name of ['browse', ...BROWSE_FILTERS]) url.searchParams.delete(name);
        history.replaceState(history.state, '', url);
      }
      pf.triggerSearch(term);
    },
    /** Browse with the filters the address names, matched to the index's own values. */
    async browse(pf: HelpInstance) {
      await pf.triggerLoad();
      const available = pf.availableFilters ?? {};
      const filters: Record<string, string[]> = {};
      for (const name of BROWSE_FILTERS) {
        const wanted = normal(params.get(name) ?? '');
        const value = wanted && Object.keys(available[name] ?? {}).find((v) => normal(v) === wanted);
        if (value) filters[name] = [value];
      }
      pf.faceted = true;
      pf.searchSort = BROWSE_SORT;
      pf.triggerSearchWithFilters('', filters);
    },
  };
}
