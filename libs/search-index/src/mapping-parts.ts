/*
 * Field types both indexes (catalogue, works) are built from. Only core Elasticsearch features:
 * the integration-test distribution has no analysis-common, so diacritic folding is not an
 * analyzer here; libs/records writes a folded copy of each text (search.*Folded) and the
 * gateway folds queries the same way. The `standard` analyzer lowercases and keeps
 * diacritics, so search.title matches exactly ("lịch") while search.titleFolded matches
 * without marks ("lich").
 */
export const text = { type: 'text', analyzer: 'standard' } as const;
export const keyword = { type: 'keyword', ignore_above: 512 } as const;
export const stored = { type: 'keyword', index: false, doc_values: false } as const;
export const storedText = { type: 'text', index: false } as const;

/*
 * Free-text search matches on two combined fields, every text of a record in one: a word is
 * then one posting list to read instead of one per field. On the 1M-record bench index this
 * halved Elasticsearch's time per search against matching over the six fields.
 */
const copiedTo = (combined: 'all' | 'allFolded') =>
  ({ ...text, copy_to: `search.${combined}` }) as const;

/** The search forms (NormalizedRecord.search) and their combined fields: one query builder serves both indexes. */
export const SEARCH_FORMS_MAPPING = {
  properties: {
    title: copiedTo('all'),
    titleFolded: copiedTo('allFolded'),
    otherTitles: copiedTo('all'),
    otherTitlesFolded: copiedTo('allFolded'),
    creators: copiedTo('all'),
    creatorsFolded: copiedTo('allFolded'),
    subjects: copiedTo('all'),
    subjectsFolded: copiedTo('allFolded'),
    description: copiedTo('all'),
    descriptionFolded: copiedTo('allFolded'),
    publisher: copiedTo('all'),
    publisherFolded: copiedTo('allFolded'),
    all: text,
    allFolded: text,
  },
} as const;
