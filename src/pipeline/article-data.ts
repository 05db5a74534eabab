/**
 * What one article's unified run (article-processor.ts) reads and leaves in `file.data.article`:
 * renderArticle sets the inputs, and the plugins fill in the rest, in the processor's order.
 * Messages about annotations.yaml carry that file and the YAML place themselves
 * (`message.file`, `line`, `column`, `subject`), so renderArticle maps every message one way.
 */
import type { Citations } from './citations.ts';
import type { MarkupClaim } from './rehype-claim-markup.ts';
import type { RenderedNote } from './render-note.ts';
import type { ArticleFrontmatter, ContentMessage, ParsedAnnotations } from './types.ts';

export interface ArticleData {
  /** Undefined when the front matter did not validate (the run then stops after the notes). */
  frontmatter: ArticleFrontmatter | undefined;
  annotations: ParsedAnnotations;
  /** annotations.yaml as messages name it. */
  annotationsFile: string;
  /** Parsing either file already found an error: the run stops once every problem is reported. */
  inputFailed: boolean;
  citations: Citations;
  /** remark-claim-notes: each anchored claim's note, by claim id, in text order; the article's own notes. */
  notes: Map<string, RenderedNote>;
  assessment?: RenderedNote;
  context?: RenderedNote;
  /** remark-claim-notes: what rehype-claim-markup puts around each anchored claim. */
  markupClaims: MarkupClaim[];
  /** claimBlocks: each anchored claim's block as a snippet for its claim page, by claim id. */
  claimBlocks: Map<string, string>;
}

declare module 'vfile' {
  interface DataMap {
    article: ArticleData;
  }
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** What the message is about, as ContentMessage names it. */
    subject?: string;
    subjectKind?: ContentMessage['subjectKind'];
  }
}
