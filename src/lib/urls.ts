/**
 * Every internal link goes through here, so the site works under any base path
 * (Astro's `base`, set from BASE_PATH at build time).
 */
const BASE = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** `/articles/x/` → `<base>/articles/x/` */
export function href(path: string): string {
  return `${BASE}${path.startsWith('/') ? path : `/${path}`}`;
}

export const articleHref = (slug: string) => href(`/articles/${slug}/`);
export const claimPageHref = (slug: string, claimId: string) =>
  href(`/articles/${slug}/claims/${claimId}/`);
export const claimAnchorHref = (slug: string, claimId: string) =>
  `${articleHref(slug)}#claim-${claimId}`;
