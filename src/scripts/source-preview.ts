/**
 * Sources in place (docs/reading.md): a citation (`sup.cite a[href="#source-N"]`) opens a preview
 * beside it, a copy of that source's card from the source list (src/components/SourceCard.astro):
 * title and link, publisher, date, excerpt, archived copy. Focus moves into the preview; Escape,
 * the close button, a click elsewhere or Tab out of it close it, and focus returns to the citation.
 * Nothing scrolls. Without this script the citation is a plain link to the source list.
 */
let shown: { preview: HTMLElement; from: HTMLAnchorElement } | undefined;

function close(returnFocus: boolean): void {
  if (!shown) return;
  const { preview, from } = shown;
  shown = undefined;
  preview.remove();
  from.setAttribute('aria-expanded', 'false');
  if (returnFocus) from.focus({ preventScroll: true });
}

function show(from: HTMLAnchorElement): void {
  const item = document.getElementById(from.hash.slice(1));
  const card = item?.querySelector('.source-card');
  if (!item || !card) return;
  close(false);
  const n = item.querySelector('.source-n')?.textContent?.replace(/\D/g, '') ?? '';
  const preview = document.createElement('div');
  preview.className = 'source-preview';
  preview.id = 'source-preview';
  preview.tabIndex = -1;
  preview.setAttribute('role', 'dialog');
  preview.setAttribute('aria-label', `Source ${n}`);
  // Our own markup, the number and the hash from our page: no reader text goes through innerHTML.
  preview.innerHTML = `<span class="source-preview-n">Source ${n}</span><a class="source-preview-list" href="${from.hash}">In the list of sources</a><button type="button" class="source-preview-close" aria-label="Close">×</button>`;
  preview.firstElementChild!.after(card.cloneNode(true));
  preview.querySelector('button')!.addEventListener('click', () => close(true));
  preview.querySelector('.source-preview-list')!.addEventListener('click', () => close(false));
  document.body.append(preview);

  // Below the citation (above it if there is no room), within the window; nothing scrolls.
  const r = from.getBoundingClientRect();
  const width = preview.offsetWidth;
  const left = Math.min(Math.max(8, r.left - 24), document.documentElement.clientWidth - width - 8);
  const below = r.bottom + 6;
  const top = below + preview.offsetHeight > innerHeight && r.top - preview.offsetHeight - 6 > 0 ? r.top - preview.offsetHeight - 6 : below;
  preview.style.left = `${left + scrollX}px`;
  preview.style.top = `${top + scrollY}px`;

  from.setAttribute('aria-expanded', 'true');
  from.setAttribute('aria-controls', preview.id);
  shown = { preview, from };
  preview.focus({ preventScroll: true });
  preview.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !preview.contains(next)) close(false);
  });
}

document.addEventListener('click', (event) => {
  const target = event.target as Element;
  const cite = target.closest<HTMLAnchorElement>('sup.cite a[href^="#source-"]');
  if (cite && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    event.preventDefault();
    if (shown?.from === cite) close(true);
    else show(cite);
    return;
  }
  if (shown && !shown.preview.contains(target)) close(false);
});

// Before the reader's own Escape (which closes notes): the preview goes first.
document.addEventListener(
  'keydown',
  (event) => {
    if (event.key === 'Escape' && shown) {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    }
  },
  true,
);
