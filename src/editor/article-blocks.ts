/**
 * The blocks of an article that claims are anchored in, with their ids and texts, taken from
 * the build's own renderArticle (its `textBlocks` observer), so the editors' tools match quotes
 * on exactly the texts the build does, whatever the pipeline does to the text before anchoring.
 */
import { ContentError } from '../pipeline/messages.ts';
import { renderArticle, type TextBlock } from '../pipeline/render-article.ts';

export function anchorBlocks(articleSource: string, articleFile: string): TextBlock[] {
  let blocks: TextBlock[] | undefined;
  try {
    // No claims: only the article's own problems can stop it, and the blocks come first.
    renderArticle(
      { slug: 'editor', articleFile, articleSource, annotationsFile: 'annotations.yaml', annotationsSource: '' },
      { textBlocks: (found) => (blocks = found) },
    );
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
  }
  if (!blocks) throw new Error(`${articleFile} cannot be read as an article; npm run check says why`);
  return blocks;
}
