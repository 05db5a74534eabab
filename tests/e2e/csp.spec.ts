/**
 * The site works under the headers in dist/_headers (served by scripts/serve.ts as a static host
 * would): every page type loads with no Content-Security-Policy violation and no console error,
 * search included (Pagefind's WebAssembly, worker and Component UI), and the headers a browser
 * relies on are really sent.
 */
import { test, expect, type Page } from '@playwright/test';
import { articles, squash } from '../support/site.ts';

const all = articles();
const withClaims = all.find((a) => (a.annotations.claims ?? []).length > 0);

interface Trouble {
  violations: string[];
  errors: string[];
}

/** Listens before the first byte: CSP violations (as DOM events and console messages) and any error. */
async function watch(page: Page): Promise<Trouble> {
  const trouble: Trouble = { violations: [], errors: [] };
  await page.exposeFunction('__reportViolation', (text: string) => trouble.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as any).__reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) trouble.errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => trouble.errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => trouble.errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return trouble;
}

function words(text: string): string[] {
  return text.match(/\p{L}{6,}/gu) ?? [];
}

const pages: { name: string; path: () => string; ready?: (page: Page) => Promise<void> }[] = [
  { name: 'home', path: () => '/' },
  { name: 'about', path: () => '/about/' },
  { name: 'article', path: () => `/articles/${withClaims?.slug ?? all[0].slug}/` },
  {
    name: 'claim page',
    path: () => `/articles/${withClaims!.slug}/claims/${withClaims!.annotations.claims[0].id}/`,
  },
  {
    name: 'search with a query',
    path: () => {
      const term = words(squash(withClaims?.paragraphs.join(' ') ?? all[0].frontmatter.title))[0] ?? 'the';
      return `/search/?q=${encodeURIComponent(term)}`;
    },
    // Pagefind (WebAssembly, its worker, the Component UI and its CSS) has run when results are shown.
    ready: async (page) => {
      await expect(page.locator('.search-summary')).toContainText(/\d+ results? for/, { timeout: 15_000 });
      await expect(page.locator('pagefind-results ul.pf-results > li').first()).toBeVisible();
    },
  },
  { name: 'a page that does not exist (404)', path: () => '/no-such-page/' },
];

for (const { name, path, ready } of pages) {
  test(`the ${name} works under the Content-Security-Policy, with no violation or console error`, async ({ page }) => {
    test.skip(name === 'claim page' && !withClaims, 'no article has claims');
    const trouble = await watch(page);
    const response = await page.goto(path());
    expect(response, 'a response').not.toBeNull();
    const csp = response!.headers()['content-security-policy'];
    expect(csp, 'the page is served with the policy from _headers').toContain("script-src 'self'");
    if (ready) await ready(page);
    else await expect(page.locator('main h1')).toBeVisible();
    // Let late work (lazy imports, styles, workers) happen before judging.
    await page.waitForLoadState('networkidle');
    // A 404 page answers 404 by design; nothing else may fail to load.
    const errors = trouble.errors.filter((e) => !(name.includes('404') && /404 \(Not Found\)/.test(e)));
    expect(trouble.violations, 'CSP violations').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  });
}

test('search-entry shortcut and highlighting run under the policy on an article', async ({ page }) => {
  test.skip(!withClaims, 'no article has claims');
  const trouble = await watch(page);
  const term = words(withClaims!.paragraphs.join(' '))[0];
  await page.goto(`/articles/${withClaims!.slug}/?highlight=${encodeURIComponent(term)}`);
  await page.waitForLoadState('networkidle');
  expect(trouble.violations).toEqual([]);
  expect(trouble.errors).toEqual([]);
});

test('the policy blocks what it should: an injected inline script is reported and does not run', async ({ page }) => {
  // Proves the watcher above can fail: a CSP violation is seen when one happens.
  const trouble = await watch(page);
  await page.goto('/about/');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as any).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => trouble.violations.length).toBeGreaterThan(0);
  expect(trouble.violations.join('\n')).toContain('script-src');
});

test('security headers are sent with every page and file', async ({ request }) => {
  for (const path of ['/', '/about/', '/favicon.svg', '/no-such-page/']) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toMatch(/default-src 'self'/);
    expect(csp, path).toMatch(/frame-ancestors 'none'/);
    expect(csp, path).toMatch(/object-src 'none'/);
    expect(csp, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBeTruthy();
    expect(headers['x-frame-options'], path).toBe('DENY');
  }
});

test('every external link opens without handing over the page (rel="noopener noreferrer")', async ({ page }) => {
  for (const article of all) {
    await page.goto(`/articles/${article.slug}/`);
    const rels = await page.locator('a[href^="http"]').evaluateAll((links) =>
      links.filter((a) => new URL((a as HTMLAnchorElement).href).origin !== location.origin).map((a) => a.getAttribute('rel') ?? ''),
    );
    for (const rel of rels) expect(rel.split(/\s+/)).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  }
});
