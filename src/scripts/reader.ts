/**
 * Enhances an annotated article; the page is complete without it (docs/reading.md).
 * - Wide screens: each note is placed level with its claim in the margin, pushed down
 *   only as far as the note above it needs (never overlapping), and shows its verdict
 *   line until opened. Narrow screens: a marker opens its note in place below the paragraph.
 * - A claim, its marker and its note light up together on hover or focus.
 * - Keys: n / p next and previous claim, Escape closes the note and returns focus.
 * - The view switch (all claims, problems only, plain text), remembered in localStorage.
 */
const root = document.documentElement;
const edition = document.querySelector<HTMLElement>('.edition');
const wide = matchMedia('(min-width: 70rem)');
const reduce = matchMedia('(prefers-reduced-motion: reduce)');
const STORE = 'ce-view';
const VIEWS = ['all', 'problems', 'plain'] as const;
type View = (typeof VIEWS)[number];
const GAP = 8;

if (edition) init(edition);

function init(edition: HTMLElement): void {
  const body = edition.querySelector<HTMLElement>('.article-body');
  const notes = [...edition.querySelectorAll<HTMLElement>('.note')];
  const allClaims = [...edition.querySelectorAll<HTMLElement>('.claim')];
  const byId = (prefix: string, id: string | undefined) => (id ? document.getElementById(prefix + id) : null);
  const highlightsOn = () => !root.classList.contains('view-plain');
  /** Shown in the current view (problems only hides the other claims' markers and notes). */
  const shown = (el: HTMLElement) => el.checkVisibility?.() ?? el.offsetParent !== null;
  const idOf = (el: Element | null): string | undefined => {
    const tied = el?.closest<HTMLElement>('.claim-marker, .note, .claim');
    return tied ? tied.id.replace(/^(claim|marker|note)-/, '') : undefined;
  };
  let lastOpened: HTMLElement | undefined;

  for (const note of notes) {
    note.tabIndex = -1;
    const marker = byId('marker-', note.id.slice(5));
    marker?.setAttribute('aria-controls', note.id);
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'note-toggle';
    note.prepend(toggle);
    sync(note);
  }
  for (const claim of allClaims) claim.tabIndex = -1;

  function sync(note: HTMLElement): void {
    const open = note.classList.contains('is-open');
    const n = note.querySelector('.note-n')?.textContent?.replace(/\D/g, '');
    byId('marker-', note.id.slice(5))?.setAttribute('aria-expanded', String(open));
    const toggle = note.querySelector<HTMLButtonElement>('.note-toggle');
    if (toggle) {
      toggle.textContent = `${open ? 'Close' : 'Read'} note ${n}`;
      toggle.setAttribute('aria-expanded', String(open));
    }
  }

  function setOpen(note: HTMLElement, open: boolean, focus: boolean): void {
    note.classList.toggle('is-open', open);
    sync(note);
    layout();
    const marker = byId('marker-', note.id.slice(5));
    if (open) {
      lastOpened = note;
      if (focus) note.focus({ preventScroll: true });
      reveal(note, byId('claim-', note.id.slice(5)));
    } else if (focus && marker) {
      marker.focus();
    }
  }

  /** Scrolls the opened note into view as far as the claim's first line allows. */
  function reveal(note: HTMLElement, claim: HTMLElement | null): void {
    const bottom = note.getBoundingClientRect().bottom - innerHeight + 16;
    const claimTop = (claim?.getClientRects()[0]?.top ?? 0) - 16;
    const by = Math.min(bottom, claimTop);
    if (by > 0) scrollBy({ top: by, behavior: reduce.matches ? 'auto' : 'smooth' });
  }

  /**
   * Wide screens: note tops level with their claims, each below the one before, so notes never
   * overlap and each stays as close to its claim as the notes above allow. Every note shows at
   * least its number, rating and verdict line; the full text opens on click, focus or Enter.
   */
  function layout(): void {
    const on = wide.matches && highlightsOn() && !matchMedia('print').matches;
    edition.classList.toggle('has-sidenotes', on);
    if (!on) {
      for (const note of notes) {
        note.style.top = '';
        note.classList.remove('is-compact');
      }
      if (body) body.style.minHeight = '';
      return;
    }
    const visible = notes.filter(shown);
    const base = edition.getBoundingClientRect().top;
    // Measure everything first, then place: the page reflows once, not once per note.
    const wanted = visible.map((note) => {
      const claim = byId('claim-', note.id.slice(5));
      return Math.ceil((claim?.getClientRects()[0]?.top ?? base) - base);
    });
    // Two measuring passes (full verdict line, then clamped to two lines), so the page reflows twice.
    for (const note of visible) note.classList.remove('is-compact');
    const full = visible.map((note) => note.offsetHeight);
    for (const note of visible) note.classList.add('is-compact');
    const compact = visible.map((note) => note.offsetHeight);
    let floor = 0;
    visible.forEach((note, i) => {
      const top = Math.max(wanted[i]!, floor);
      // Where notes crowd, a closed note's verdict is clamped to two lines (in full on hover or focus).
      const roomy = note.classList.contains('is-open') || top + full[i]! + GAP <= (wanted[i + 1] ?? Infinity);
      note.classList.toggle('is-compact', !roomy);
      note.style.top = `${top}px`;
      floor = top + (roomy ? full[i]! : compact[i]!) + GAP;
    });
    // The notes column may run past the text: the body grows so the footer stays below it.
    if (body) body.style.minHeight = `${Math.max(0, Math.ceil(floor - (body.getBoundingClientRect().top - base)))}px`;
  }

  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      layout();
    });
  };
  const observer = new ResizeObserver(schedule);
  for (const el of [edition.querySelector('.article-header'), ...notes]) if (el) observer.observe(el);
  addEventListener('resize', schedule);
  wide.addEventListener('change', schedule);
  matchMedia('print').addEventListener('change', layout);

  // Markers open and close their note in place instead of jumping to it.
  edition.addEventListener('click', (event) => {
    const target = event.target as Element;
    const marker = target.closest<HTMLAnchorElement>('a.claim-marker');
    // A closed note in the margin opens when clicked anywhere (keyboard users have its marker and button).
    const toggle = target.closest('.note-toggle') ?? (target.closest('a') || !wide.matches ? null : target.closest('.note:not(.is-open)'));
    const note = marker ? byId('note-', idOf(marker)) : toggle?.closest<HTMLElement>('.note');
    if (!note || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const open = !note.classList.contains('is-open');
    // Closing from the note's own button on a wide screen keeps focus on that button.
    setOpen(note, open, open || !(toggle && wide.matches));
  });

  // The claim, its marker and its note are lit together.
  let active: string | undefined;
  const tied = (id: string | undefined) => [byId('claim-', id), byId('marker-', id), byId('note-', id)];
  const activate = (id: string | undefined) => {
    if (id === active) return;
    for (const el of tied(active)) el?.classList.remove('is-active');
    active = id;
    for (const el of tied(id)) el?.classList.add('is-active');
  };
  edition.addEventListener('mouseover', (event) => activate(idOf(event.target as Element)));
  edition.addEventListener('mouseleave', () => activate(idOf(document.activeElement)));
  edition.addEventListener('focusin', (event) => activate(idOf(event.target as Element)));
  edition.addEventListener('focusout', () => activate(undefined));

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (event.key === 'Escape') {
      const inside = target.closest<HTMLElement>('.note.is-open');
      const note = inside ?? (lastOpened?.classList.contains('is-open') ? lastOpened : undefined);
      if (note) {
        event.preventDefault();
        setOpen(note, false, true);
      }
    } else if ((event.key === 'n' || event.key === 'p') && !event.shiftKey && highlightsOn()) {
      // In the problems-only view, n and p go through the problems.
      const claim = step(event.key === 'n' ? 1 : -1, target);
      if (!claim) return;
      event.preventDefault();
      claim.focus({ preventScroll: true });
      claim.scrollIntoView({ block: 'center', behavior: reduce.matches ? 'auto' : 'smooth' });
    }
  });

  /** The claim after (or before) the one holding focus, else after the top of the window. */
  function step(dir: 1 | -1, from: Element): HTMLElement | undefined {
    const id = idOf(from);
    const claimId = (claim: HTMLElement) => claim.id.slice('claim-'.length);
    const claims = allClaims.filter((c) => shown(byId('marker-', claimId(c)) ?? c));
    let index = id ? claims.findIndex((c) => claimId(c) === id) : -1;
    if (index === -1) {
      const tops = claims.map((c) => c.getBoundingClientRect().top);
      if (dir === 1) index = tops.findIndex((top) => top > 1) - 1;
      else index = tops.findLastIndex((top) => top < -1) + 1;
      if (dir === 1 && index === -2) return undefined;
    }
    return claims[index + dir];
  }

  // Arriving at a claim's address opens its note.
  const openFromHash = () => {
    const note = /^#claim-/.test(location.hash) ? byId('note-', location.hash.slice(7)) : null;
    if (note && !note.classList.contains('is-open')) {
      note.classList.add('is-open');
      sync(note);
      layout();
    }
  };
  addEventListener('hashchange', openFromHash);
  openFromHash();

  // The view switch.
  const tools = document.querySelector<HTMLElement>('[data-reader-tools]');
  const radios = [...(tools?.querySelectorAll<HTMLInputElement>('input[data-view]') ?? [])];
  const apply = (view: View) => {
    root.classList.toggle('view-problems', view === 'problems');
    root.classList.toggle('view-plain', view === 'plain');
    for (const radio of radios) radio.checked = radio.value === view;
    layout();
  };
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORE);
  } catch {
    // Storage blocked: the switch still works for this visit.
  }
  apply(VIEWS.includes(stored as View) ? (stored as View) : 'all');
  if (tools) {
    tools.hidden = false;
    tools.addEventListener('change', (event) => {
      const view = (event.target as HTMLInputElement).value as View;
      if (!VIEWS.includes(view)) return;
      apply(view);
      try {
        if (view === 'all') localStorage.removeItem(STORE);
        else localStorage.setItem(STORE, view);
      } catch {
        // not remembered
      }
    });
  }
}
