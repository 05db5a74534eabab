/**
 * The search page's enhancement. The page ships a plain form, hidden, and a
 * message that search needs JavaScript with links to the claims ledgers; this
 * script swaps them (so the message also stays if the script fails to load).
 * This page exists to search, so Pagefind is loaded at the reader's first sign of
 * intent or after a few quiet seconds (at once when the reader arrives with `?q=`). The
 * Component UI's JS and CSS and `pagefind.js` are fetched by the page's <head> without being
 * run; the worker's first files are fetched beside them when loading starts
 * (search-prefetch.ts), and Pagefind's worker, WebAssembly, metadata and filters follow
 * before the first word is typed. The Component UI then drives the filters, the count and the
 * results, announced to screen readers. Other pages load nothing of Pagefind.
 */
import { renderResult, type ResultData } from './search-render.ts';
import { searchHelp, type HelpInstance } from './search-help.ts';
import { prefetchPagefind } from './search-prefetch.ts';

interface PagefindInstance extends HelpInstance {
  triggerSearch(term: string): void;
  triggerLoad(): Promise<void>;
  registerInput(component: unknown, capabilities?: Record<string, boolean>): void;
  focusNextResults(from: Element): boolean;
  on(event: string, callback: (...args: any[]) => void, owner?: unknown): void;
  searchTerm?: string;
}
interface PagefindComponents {
  configureInstance(name: string, options: Record<string, unknown>): void;
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
}
declare global {
  interface Window {
    PagefindComponents?: PagefindComponents;
  }
}

export const bundlePath = `${import.meta.env.BASE_URL.replace(/\/*$/, '/')}pagefind/`;
const DEBOUNCE_MS = 200;

/**
 * Pagefind's files are fetched by elements, not by `import()`: Vite wraps every dynamic
 * import in a preload helper that lives in a chunk of its own, and fetching that chunk
 * first put one more round trip before the first of Pagefind's.
 */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`${src} did not load`)), { once: true });
    document.head.append(script);
  });
}

function loadStylesheet(href: string): Promise<void> {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
}

function setup(root: HTMLElement) {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
  const ui = root.querySelector<HTMLElement>('[data-search-ui]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  root.hidden = false;
  // Suggestions, no-results help and browsing (an empty query lists every claim).
  const help = searchHelp(root, (term) => {
    input.value = term;
    void run(term);
  });
  document.querySelector<HTMLElement>('[data-search-fallback]')?.setAttribute('hidden', '');

  let instance: Promise<PagefindInstance> | null = null;
  let ready = false;
  const failed = () => (status.textContent = 'Search could not be loaded. Every article lists all its claims at its end.');
  const load = () =>
    (instance ??= (async () => {
      // The page's <head> already fetches the Component UI's files and pagefind.js (fetch only,
      // src/pages/search.astro); what the worker fetches first is fetched now, beside them.
      // One tag for this page load: Pagefind's entry request then matches the prefetched one.
      const metaCacheTag = String(Date.now());
      prefetchPagefind(bundlePath, metaCacheTag);
      await Promise.all([loadStylesheet(`${bundlePath}pagefind-component-ui.css`), loadScript(`${bundlePath}pagefind-component-ui.js`)]);
      const components = window.PagefindComponents;
      if (!components) throw new Error('Pagefind Component UI did not load');
      // Before any component connects: where the bundle is (base-path aware), and
      // the `?highlight=` parameter that result links carry to the landing page.
      components.configureInstance('default', { bundlePath, highlightParam: 'highlight', excerptLength: 22, metaCacheTag });
      const pf = components.getInstanceManager().getInstance('default');

      const filters = document.createElement('pagefind-filter-pane');
      // Wide screens: the rating group starts open beside the results; narrow: all closed, above them.
      if (matchMedia('(min-width: 48rem)').matches) filters.setAttribute('open', 'rating');
      const summary = document.createElement('pagefind-summary');
      const results = document.createElement('pagefind-results') as HTMLElement & {
        resultTemplate?: (data: ResultData) => Element;
      };
      results.setAttribute('max-sub-results', '4');
      results.resultTemplate = renderResult;
      ui.querySelector('[data-search-filters]')!.append(filters);
      ui.querySelector('[data-search-summary]')!.append(summary);
      ui.querySelector('[data-search-results]')!.append(results);
      // `ui` stays hidden until the first search: loading when idle must not move the page.

      // Our own field takes part in Pagefind's keyboard flow: ↓ from it enters the
      // results, ↑ from the first result, `/`, Backspace or a letter come back to it.
      // Pagefind registers a component element that contains the field, so the form
      // stands in, with `inputEl` and a focus() that reaches the field.
      pf.registerInput(Object.assign(form, { inputEl: input, focus: () => input.focus() }), { keyboardNavigation: true });
      pf.on('results', () => (status.textContent = ''));
      pf.on('error', failed);
      help.attach(pf);
      // Pagefind's worker, WebAssembly, metadata and filters, before the first query.
      void pf.triggerLoad();
      ready = true;
      if (status.textContent === 'Loading search…') status.textContent = '';
      return pf;
    })());
  // Only a reader who is waiting is told that search is loading, or that it failed.
  const loaded = (): Promise<PagefindInstance | null> => {
    if (!ready) status.textContent = 'Loading search…';
    return load().catch(() => (failed(), null));
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async (term: string) => {
    clearTimeout(timer);
    const pf = await loaded();
    if (!pf) return;
    const q = term.trim();
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    ui.hidden = false;
    help.search(pf, q);
  };

  input.addEventListener('focus', () => void loaded(), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  input.addEventListener('keydown', async (event) => {
    if (event.key === 'ArrowDown' && !event.altKey) {
      event.preventDefault();
      (await loaded())?.focusNextResults(input);
    }
  });

  // A search given in the address (`/search/?q=…`, e.g. from the header form) runs on arrival.
  const initial = new URLSearchParams(location.search).get('q');
  if (initial && initial.trim()) {
    input.value = initial;
    void run(initial);
  } else if (help.requested) {
    // `/search/?browse` or `/search/?rating=…`: every claim, or those the filters name.
    void loaded().then((pf) => {
      if (!pf) return;
      ui.hidden = false;
      void help.browse(pf);
    });
  } else {
    // Otherwise at the reader's first sign of intent (a pointer, a touch, a key, focus), or
    // once the page has been quiet for a few seconds. Not straight after load: evaluating the
    // Component UI blocks the main thread for 100–170 ms here (0.4–0.7 s on a phone's CPU)
    // just when the page should answer the reader; a search typed before the load ends waits
    // for it. A failure here stays silent until the reader uses the field.
    // load() runs once however often this is called (the timer after an intent, say).
    const start = () => {
      for (const type of INTENT) removeEventListener(type, start, true);
      void load().catch(() => undefined);
    };
    for (const type of INTENT) addEventListener(type, start, { capture: true, passive: true });
    const later = () => setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 2_000 }) : start()), QUIET_MS);
    if (document.readyState === 'complete') later();
    else addEventListener('load', later, { once: true });
  }
}

/** What tells us the reader is about to search. */
const INTENT = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'focusin', 'wheel'] as const;
/** How long the page stays untouched before loading anyway: past the first seconds in which it must respond. */
const QUIET_MS = 5_000;

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) setup(root);
