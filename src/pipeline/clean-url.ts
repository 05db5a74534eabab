/**
 * Clean addresses: the one place that removes tracking parameters from a source URL.
 * Every URL a reader sees, prints or exports passes through `cleanUrl`; `npm run check`
 * uses `trackingParams` to warn where annotations.yaml still has them.
 *
 * Only the query's tracking parameters go. Everything else is kept byte for byte (no
 * re-encoding, no added trailing slash), so a URL without them comes back unchanged.
 */

/** Parameters that only say where a click came from; any name starting `utm_` too. */
const TRACKING_NAMES = new Set([
  'fbclid', // Facebook
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', '_ga', '_gl', // Google Ads and Analytics
  'msclkid', // Microsoft Ads
  'mc_cid', 'mc_eid', // Mailchimp
  'yclid', 'ysclid', // Yandex
  'igshid', 'igsh', // Instagram
  'twclid', // X (Twitter) Ads
  'ttclid', // TikTok
  'li_fat_id', // LinkedIn
  '_hsenc', '_hsmi', // HubSpot
  'mkt_tok', // Marketo
  'oly_anon_id', 'oly_enc_id', // Omeda
  'vero_id', 'vero_conv', // Vero
  'wickedid', 's_kwcid', 'ef_id', // Adobe and others
]);

function isTrackingName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_NAMES.has(lower);
}

function decodedName(part: string): string {
  const name = part.split('=', 1)[0].replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

interface UrlParts {
  base: string;
  query: string[] | undefined;
  hash: string;
}

function split(url: string): UrlParts {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return { base: beforeHash, query: undefined, hash };
  return { base: beforeHash.slice(0, queryAt), query: beforeHash.slice(queryAt + 1).split('&'), hash };
}

/** The names of the tracking parameters in `url`, in order, e.g. ["utm_source", "fbclid"]. */
export function trackingParams(url: string): string[] {
  const { query } = split(url);
  return (query ?? []).map(decodedName).filter(isTrackingName);
}

/** `url` without its tracking parameters (and without a `?` left with nothing after it). */
export function cleanUrl(url: string): string {
  const { base, query, hash } = split(url);
  if (query === undefined) return url;
  const kept = query.filter((part) => !isTrackingName(decodedName(part)));
  if (kept.length === query.length) return url;
  const rest = kept.filter((part) => part !== '');
  return `${base}${rest.length > 0 ? `?${rest.join('&')}` : ''}${hash}`;
}

/**
 * What two addresses of the same page have in common once cleaned: scheme and host in
 * lower case, default port and fragment dropped. For finding one source listed twice.
 */
export function sameSourceKey(url: string): string {
  try {
    const parsed = new URL(cleanUrl(url));
    parsed.hash = '';
    return parsed.href;
  } catch {
    return cleanUrl(url);
  }
}

/**
 * A source with its url cleaned: what every page and export shows. An archived copy's
 * address is left as found: its query names the page the archive captured, and a cleaned
 * one may point at no capture at all.
 */
export function withCleanUrls<T extends { url?: string }>(source: T): T {
  return source.url === undefined ? source : { ...source, url: cleanUrl(source.url) };
}
