/**
 * Claim links, enhanced; everything here also works as plain links without it.
 *
 * - After every `[data-copy-link]` (the claim page's own address, an element with
 *   `data-href`, or a link) a "Copy link" button puts the link's absolute URL on the clipboard and
 *   says so: its label turns to "Copied" and a polite live region announces it.
 *   No clipboard (an insecure context, an old browser): no button; the link remains.
 * - Arriving at `#claim-<id>` (a pasted URL, a ledger link, a note's "Back to the
 *   passage"), the browser scrolls the passage into view; this moves keyboard focus
 *   onto it too (tabindex="-1"), so a screen reader reads the passage and the next
 *   Tab reaches its marker and note.
 */
const COPIED_FOR_MS = 4000;

function liveRegion(): HTMLElement {
  let region = document.querySelector<HTMLElement>('[data-copy-status]');
  if (!region) {
    region = document.createElement('p');
    region.className = 'sr-only';
    region.setAttribute('role', 'status');
    region.dataset.copyStatus = '';
    document.body.append(region);
  }
  return region;
}

function addCopyButton(link: HTMLElement): void {
  const what = link.dataset.copyLink || 'this link';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-link';
  const label = document.createElement('span');
  label.textContent = 'Copy link';
  const hidden = document.createElement('span');
  hidden.className = 'sr-only';
  hidden.textContent = ` to ${what}`;
  button.append(label, hidden);
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', async () => {
    const url = new URL(link.dataset.href ?? link.getAttribute('href') ?? '', location.href).href;
    const region = liveRegion();
    try {
      await navigator.clipboard.writeText(url);
      label.textContent = 'Copied';
      button.dataset.state = 'copied';
      region.textContent = `Link to ${what} copied: ${url}`;
    } catch {
      label.textContent = 'Copy failed';
      button.dataset.state = 'failed';
      region.textContent = `Could not copy the link to ${what}; use the link itself.`;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      label.textContent = 'Copy link';
      delete button.dataset.state;
    }, COPIED_FOR_MS);
  });
  link.after(' ', button);
}

function focusClaimTarget(): void {
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return;
  }
  if (!id.startsWith('claim-')) return;
  const claim = document.getElementById(id);
  if (!claim || !claim.classList.contains('claim')) return;
  if (!claim.hasAttribute('tabindex')) claim.setAttribute('tabindex', '-1');
  claim.focus({ preventScroll: true });
}

if (typeof navigator.clipboard?.writeText === 'function') {
  document.querySelectorAll<HTMLElement>('[data-copy-link]').forEach(addCopyButton);
}
focusClaimTarget();
window.addEventListener('hashchange', focusClaimTarget);
// Following a link to the passage already targeted fires no hashchange: focus it all the same.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#claim-"]') : null;
  if (link && link.hash === location.hash) requestAnimationFrame(focusClaimTarget);
});
