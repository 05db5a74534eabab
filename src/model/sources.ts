/** What kind of record a source is; the words readers see for each are in labels.ts. */
export const SOURCE_TYPES = ['primary', 'official', 'news', 'commentary', 'reference', 'state-media', 'copy'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
