/**
 * "Report a problem with this claim": where the link goes is set when the site is built
 * (see docs/deployment.md, "Reports and corrections"):
 *
 * - REPORT_URL: a form's address with `{url}` where the claim's address goes, e.g.
 *   `https://forms.example.org/report?claim={url}` (the address is URL-encoded);
 * - REPORT_EMAIL: an address; the link is a `mailto:` with the claim in the subject and its
 *   address in the body.
 *
 * With neither set, no report link is shown anywhere. A malformed value stops the build.
 */

export type ReportContact = { kind: 'form'; template: string } | { kind: 'email'; address: string };

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** The contact configured in `env`, or undefined; throws on a value that cannot work. */
export function reportContact(env: Record<string, string | undefined> = process.env): ReportContact | undefined {
  const url = env.REPORT_URL?.trim();
  const email = env.REPORT_EMAIL?.trim();
  if (url) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url.replace('{url}', 'x'));
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      throw new Error(`REPORT_URL ${JSON.stringify(url)} must be an absolute http:// or https:// address`);
    }
    if (!url.includes('{url}')) {
      throw new Error(`REPORT_URL ${JSON.stringify(url)} must contain {url} where the claim's address goes, e.g. https://forms.example.org/report?claim={url}`);
    }
    return { kind: 'form', template: url };
  }
  if (email) {
    if (!EMAIL.test(email)) throw new Error(`REPORT_EMAIL ${JSON.stringify(email)} must be one e-mail address, e.g. editors@example.org`);
    return { kind: 'email', address: email };
  }
  return undefined;
}

/** Where "Report a problem with this claim" goes for the claim at `claimUrl` (absolute). */
export function reportHref(contact: ReportContact, claimUrl: string, claimSummary: string): string {
  if (contact.kind === 'form') return contact.template.replaceAll('{url}', encodeURIComponent(claimUrl));
  const subject = `Problem with a claim: ${claimSummary}`;
  const body = `Claim: ${claimUrl}\n\nWhat is wrong, and what shows it:\n`;
  return `mailto:${contact.address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** Where to write to the editors in general (the about page, "how to reply"). */
export function contactHref(contact: ReportContact, pageUrl: string): string {
  if (contact.kind === 'form') return contact.template.replaceAll('{url}', encodeURIComponent(pageUrl));
  return `mailto:${contact.address}`;
}

const PLACEHOLDER = /<p class="note-report" data-report="([a-z0-9-]+)"><\/p>/g;

/**
 * Fills the empty `<p class="note-report" data-report="ID">` the pipeline leaves under each
 * note (src/pipeline/note-record.ts) with the report link, or removes it when no contact is set.
 */
export function fillReportLinks(
  html: string,
  contact: ReportContact | undefined,
  claim: (id: string) => { url: string; summary: string; number: number } | undefined,
): string {
  return html.replace(PLACEHOLDER, (_, id: string) => {
    const found = contact && claim(id);
    if (!contact || !found) return '';
    const target = reportHref(contact, found.url, found.summary);
    const rel = contact.kind === 'form' ? ` rel="${REPORT_REL}"` : '';
    // Several notes on a page: the hidden number tells their links apart for screen readers.
    return `<p class="note-report"><a href="${escapeAttribute(target)}"${rel}>Report a problem with this claim<span class="sr-only"> ${found.number}</span></a></p>`;
  });
}

/** A form elsewhere is an external link: it gets what every external link gets. */
export const REPORT_REL = 'noopener noreferrer';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
