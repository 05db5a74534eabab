/**
 * Footnote numbers for annotation sources: in order of first citation across the notes of one
 * article. `citer(prefix)` gives one note its `cite` callback; back-ref ids are `<prefix>-1`,
 * `<prefix>-2`, … in that note.
 */
import { withCleanUrls } from './clean-url.ts';
import { curlyQuotes, nestedQuotes } from './typography.ts';
import type { CitationTarget } from './render-note.ts';
import type { RenderedSource, SourceEntry } from './types.ts';

export type Citations = ReturnType<typeof createCitations>;

export function createCitations(sources: SourceEntry[]) {
  const byId = new Map(sources.map((source) => [source.id, source]));
  const numbered = new Map<string, RenderedSource>();
  return {
    citer(prefix: string, claimId?: string) {
      let count = 0;
      return (sourceId: string): CitationTarget | undefined => {
        const source = byId.get(sourceId);
        if (!source) return undefined;
        let rendered = numbered.get(sourceId);
        if (!rendered) {
          // Shown as written but typeset (curly quotes; the excerpt goes inside <q>, so its own
          // quotes turn single), and with tracking parameters dropped from its addresses.
          const clean = withCleanUrls(source);
          rendered = {
            ...clean,
            title: curlyQuotes(clean.title),
            ...(clean.excerpt ? { excerpt: nestedQuotes(clean.excerpt) } : {}),
            number: numbered.size + 1,
            origin: 'annotation',
            citedBy: [],
          };
          numbered.set(sourceId, rendered);
        }
        const backrefId = `${prefix}-${++count}`;
        rendered.citedBy.push({ ...(claimId ? { claimId } : {}), backrefId });
        return { number: rendered.number, backrefId };
      };
    },
    count: () => numbered.size,
    sources: () => [...numbered.values()],
  };
}
