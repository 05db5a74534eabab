/**
 * Fetches, without running anything, the files Pagefind's worker asks for first, so that it
 * finds them in the HTTP cache instead of waiting for each in turn (issue 14, point 7: a
 * reader arriving at `/search/?q=…` waited for a chain of about ten requests).
 *
 * Pagefind's Component UI creates its worker only once its own script has run; the worker then
 * fetches its script, `pagefind-entry.json`, and after that the metadata and WebAssembly the
 * entry names. Started beside the Component UI's files, these fetches are done by the time the
 * worker asks: a dedicated worker shares the page's HTTP cache, and a request for a URL that
 * is still in flight waits for that response rather than sending another. The reuse needs a
 * response the browser may keep for a few seconds: a host that sends no Cache-Control (the
 * freshness then comes from Last-Modified) or a max-age, as scripts/serve.ts and most static
 * hosts do; with `no-cache` the worker's request becomes a revalidation (304, no body).
 * docs/performance.md, "Arrival at /search/?q=", has the measurements.
 *
 * Nothing here is evaluated: the worker script and the WebAssembly are read as bytes and dropped.
 * Pagefind fetches its entry as `pagefind-entry.json?ts=<tag>`, a new tag each time so that a new
 * index shows at once; given the same tag (its `metaCacheTag` option, which search.ts sets to a
 * tag of this page load), it finds ours in the cache. The entry tells which metadata and
 * WebAssembly files to fetch, chosen as Pagefind does (the page's language, else the largest index).
 */
interface Entry {
  languages?: Record<string, { hash: string; wasm?: string | null; page_count?: number }>;
}

function warm(url: string): Promise<Response | null> {
  return fetch(url).then(
    (response) => (response.ok ? response : null),
    () => null,
  );
}

const drop = (response: Response | null) => void response?.arrayBuffer().catch(() => undefined);

export function prefetchPagefind(bundlePath: string, metaCacheTag: string, lang = document.documentElement.lang.toLowerCase()): void {
  void warm(`${bundlePath}pagefind-worker.js`).then(drop);
  void warm(`${bundlePath}pagefind-entry.json?ts=${encodeURIComponent(metaCacheTag)}`)
    .then((response) => (response ? (response.json() as Promise<Entry>) : null))
    .then((entry) => {
      const languages = entry?.languages ?? {};
      const index =
        languages[lang] ?? languages[lang.split('-')[0]!] ?? Object.values(languages).sort((a, b) => (b.page_count ?? 0) - (a.page_count ?? 0))[0];
      if (!index) return;
      void warm(`${bundlePath}pagefind.${index.hash}.pf_meta`).then(drop);
      void warm(`${bundlePath}wasm.${index.wasm || 'unknown'}.pagefind`).then(drop);
    })
    .catch(() => undefined);
}
