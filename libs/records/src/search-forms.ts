import type { Agent, SearchForms, Subject } from './catalog-record';
import { canonicalizeTones, foldText } from './vietnamese';

/** Index form of display text: lower-case, one canonical tone placement (see vietnamese/). */
export function searchForm(text: string): string {
  return canonicalizeTones(text.toLowerCase());
}

/** A value's search form and folded form. */
type Forms = readonly [search: string, folded: string];

/**
 * Names, subject headings, publishers and series repeat across thousands of records, and
 * a title is needed twice (search form and cluster key), so the forms of short values are
 * remembered (bounded; cleared when full). Long values (abstracts) are not cached.
 */
const formsCache = new Map<string, Forms>();
const CACHEABLE_LENGTH = 60;
const CACHE_LIMIT = 20_000;

export function formsOf(text: string): Forms {
  const cached = formsCache.get(text);
  if (cached) return cached;
  const search = searchForm(text);
  const forms: Forms = [search, foldText(search)];
  if (text.length <= CACHEABLE_LENGTH) {
    if (formsCache.size >= CACHE_LIMIT) formsCache.clear();
    formsCache.set(text, forms);
  }
  return forms;
}

/** What the search forms are built from. */
export interface SearchSource {
  title: string;
  subtitle?: string;
  otherTitles: readonly string[];
  series: readonly string[];
  creators: readonly Agent[];
  contributors: readonly Agent[];
  subjects: readonly Subject[];
  description?: string;
  publisher?: string;
}

function joinForms(forms: Forms[]): Forms {
  return [forms.map((f) => f[0]).join(' '), forms.map((f) => f[1]).join(' ')];
}

export function buildSearchForms(src: SearchSource): SearchForms {
  // Forms work word by word, so title and subtitle are formed apart (each may be cached).
  const titleParts = src.subtitle ? [src.title, src.subtitle] : [src.title];
  const [title, titleFolded] = joinForms(titleParts.map(formsOf));
  const otherTitles = [...src.otherTitles, ...src.series].map(formsOf);
  const creators = [...src.creators, ...src.contributors].map((a) => formsOf(a.name));
  const subjects = src.subjects.map((s) => formsOf(s.value));
  const [description, descriptionFolded] = formsOf(src.description ?? '');
  const [publisher, publisherFolded] = formsOf(src.publisher ?? '');
  return {
    title,
    titleFolded,
    otherTitles: otherTitles.map((f) => f[0]),
    otherTitlesFolded: otherTitles.map((f) => f[1]),
    creators: creators.map((f) => f[0]),
    creatorsFolded: creators.map((f) => f[1]),
    subjects: subjects.map((f) => f[0]),
    subjectsFolded: subjects.map((f) => f[1]),
    description,
    descriptionFolded,
    publisher,
    publisherFolded,
  };
}
