import type { Agent, SearchForms, Subject } from './normalized-record';
import { StringCache } from './text/string-cache';
import { canonicalizeTones, foldText } from './vietnamese';

/** Index form of display text: lower-case, one canonical tone placement (see vietnamese/). */
export function searchForm(text: string): string {
  return canonicalizeTones(text.toLowerCase());
}

/** A value's search form and folded form. */
type Forms = readonly [search: string, folded: string];

/**
 * Names, subject headings, publishers, series and titles repeat across thousands of
 * records, so the forms of short values are remembered. Long values (abstracts) are not
 * cached.
 */
const formsCache = new StringCache<Forms>(4096);
const CACHEABLE_LENGTH = 60;

function formsOf(text: string): Forms {
  if (text.length > CACHEABLE_LENGTH) return computeForms(text);
  return formsCache.get(text, computeForms);
}

function computeForms(text: string): Forms {
  const search = searchForm(text);
  return [search, foldText(search)];
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

/** Search and folded forms of several values, as two parallel lists. */
class FormLists {
  readonly search: string[] = [];
  readonly folded: string[] = [];

  add(text: string): void {
    const [search, folded] = formsOf(text);
    this.search.push(search);
    this.folded.push(folded);
  }
}

export function buildSearchForms(src: SearchSource): SearchForms {
  // Forms work word by word, so title and subtitle are formed apart (each may be cached).
  const [title, titleFolded] = formsOf(src.title);
  const subtitleForms = src.subtitle ? formsOf(src.subtitle) : undefined;
  const otherTitles = new FormLists();
  for (const other of src.otherTitles) otherTitles.add(other);
  for (const series of src.series) otherTitles.add(series);
  const creators = new FormLists();
  for (const agent of src.creators) creators.add(agent.name);
  for (const agent of src.contributors) creators.add(agent.name);
  const subjects = new FormLists();
  for (const subject of src.subjects) subjects.add(subject.value);
  const [description, descriptionFolded] = formsOf(src.description ?? '');
  const [publisher, publisherFolded] = formsOf(src.publisher ?? '');
  return {
    title: subtitleForms ? `${title} ${subtitleForms[0]}` : title,
    titleFolded: subtitleForms ? `${titleFolded} ${subtitleForms[1]}` : titleFolded,
    otherTitles: otherTitles.search,
    otherTitlesFolded: otherTitles.folded,
    creators: creators.search,
    creatorsFolded: creators.folded,
    subjects: subjects.search,
    subjectsFolded: subjects.folded,
    description,
    descriptionFolded,
    publisher,
    publisherFolded,
  };
}
