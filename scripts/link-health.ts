/**
 * Link health: requests each address, follows redirects, and says whether it is live,
 * redirected, dead or unreachable; for a dead one it can ask the Internet Archive's
 * availability API for an archived copy. Used by scripts/check-sources.ts; never run by
 * `npm run build` or `npm test` against the internet (its tests use a local server).
 */
import type { LinkCheck } from '../src/lib/source-status.ts';

export interface HealthOptions {
  /** How long one request may take, headers included (ms). */
  timeoutMs: number;
  /** Extra attempts for an unreachable address (timeouts, resets, 5xx, 429). */
  retries: number;
  /** Wait before the first retry (ms); doubled each time. */
  retryDelayMs: number;
  maxRedirects: number;
  /** Requests in flight at once. */
  concurrency: number;
  userAgent: string;
  /** YYYY-MM-DD written as the check's date. */
  today: string;
  /** The availability API (https://archive.org/wayback/available); empty: no lookup. */
  availabilityEndpoint: string;
}

export const DEFAULT_OPTIONS: Omit<HealthOptions, 'today'> = {
  timeoutMs: 15_000,
  retries: 2,
  retryDelayMs: 2_000,
  maxRedirects: 10,
  concurrency: 4,
  userAgent: 'CriticalEditionLinkCheck/1.0 (+source link health; one request per source)',
  availabilityEndpoint: 'https://archive.org/wayback/available',
};

/** Gone for good: the only answers that make a link "dead". Others may pass (or block robots). */
const DEAD_CODES = new Set([404, 410]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The same page, give or take http→https, "www." and a trailing slash: not worth calling a redirect. */
function samePage(a: string, b: string): boolean {
  const key = (url: string) => {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  };
  try {
    return key(a) === key(b);
  } catch {
    return a === b;
  }
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timed out after ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** One attempt: follow redirects by hand (to know where they lead) until an answer. */
async function attempt(url: string, options: HealthOptions): Promise<Omit<LinkCheck, 'checked'>> {
  let current = url;
  for (let hop = 0; hop <= options.maxRedirects; hop++) {
    let response: Response;
    try {
      response = await fetch(current, {
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8' },
      });
    } catch (error) {
      return { url, state: 'unreachable', error: describeError(error, options.timeoutMs) };
    }
    // Only the status matters: drop the body without reading it.
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      current = new URL(location, current).href;
      continue;
    }
    const code = response.status;
    if (code >= 200 && code < 300) {
      return samePage(url, current) ? { url, state: 'live', code } : { url, state: 'redirected', code, redirectedTo: current };
    }
    if (DEAD_CODES.has(code)) return { url, state: 'dead', code };
    return { url, state: 'unreachable', code, error: `HTTP ${code}` };
  }
  return { url, state: 'unreachable', error: `more than ${options.maxRedirects} redirects` };
}

/** Checks one address, retrying while it is unreachable (with growing waits). */
export async function checkLink(url: string, options: HealthOptions): Promise<LinkCheck> {
  let result = await attempt(url, options);
  for (let retry = 0; retry < options.retries && result.state === 'unreachable'; retry++) {
    await sleep(options.retryDelayMs * 2 ** retry);
    result = await attempt(url, options);
  }
  return { ...result, checked: options.today };
}

/**
 * The closest archived copy of `url` that the Internet Archive answered 2xx for, from its
 * availability API, or undefined (none, or the API could not be reached: it is only a help).
 */
export async function findArchivedCopy(url: string, options: HealthOptions): Promise<{ url: string; date: string } | undefined> {
  if (!options.availabilityEndpoint) return undefined;
  const query = `${options.availabilityEndpoint}?url=${encodeURIComponent(url)}`;
  try {
    const response = await fetch(query, { signal: AbortSignal.timeout(options.timeoutMs), headers: { 'user-agent': options.userAgent, accept: 'application/json' } });
    if (!response.ok) return undefined;
    const data = (await response.json()) as { archived_snapshots?: { closest?: { available?: boolean; url?: string; timestamp?: string; status?: string } } };
    const closest = data.archived_snapshots?.closest;
    if (!closest?.available || !closest.url || !/^\d{8}/.test(closest.timestamp ?? '') || !String(closest.status ?? '200').startsWith('2')) return undefined;
    const stamp = closest.timestamp!;
    return { url: closest.url.replace(/^http:\/\/web\.archive\.org\//, 'https://web.archive.org/'), date: `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}` };
  } catch {
    return undefined;
  }
}

/** Runs `work` over `items` with at most `limit` at once; results in the items' order. */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
