import { authorsAgreement, authorsConflict } from './authors';
import type { MatchProfile } from './profile';
import { pagesCompatible, publishersCompatible } from './publication';
import { bestTitleSimilarity, titlesOverlap } from './title-similarity';
import type { PairVerdict } from './verdict';

/** Titles at least this similar (spaces ignored) are the same title. */
const TITLE_MATCH = 0.85;
/** …this similar when one side lacks an author or a year (less else to go on). */
const TITLE_MATCH_STRICT = 0.95;
/** Titles of a shared identifier below this similarity (and not contained in one another) clearly disagree. */
const TITLE_DISAGREE = 0.5;

const UNRELATED: PairVerdict = { kind: 'unrelated' };

/**
 * Judges one pair of records. Pure and symmetric: the result does not depend on the order
 * of `a` and `b` (every comparison below is symmetric, and facts name the pair in recordId order).
 *
 * 1. Conflicts that no evidence overrides: different volume/part numbers, different
 *    edition numbers, incompatible types.
 * 2. A shared identifier matches, unless the titles clearly disagree: then the pair
 *    contradicts and the identifier is reported untrusted (publishers reuse ISBNs).
 * 3. Otherwise the title-author rule: close titles, compatible authors, and no
 *    contradiction in year, numbers in the title, pages, language, or ISBNs and publishers
 *    both different.
 */
export function judge(a: MatchProfile, b: MatchProfile): PairVerdict {
  if (a.recordId > b.recordId) return judge(b, a);
  const conflict = hardConflict(a, b);
  if (conflict) return { kind: 'contradict', reason: conflict };
  const shared = a.ids.find((id) => b.ids.includes(id));
  if (shared) return sharedIdentifierVerdict(a, b, shared);
  return titleAuthorVerdict(a, b);
}

function hardConflict(a: MatchProfile, b: MatchProfile): string | undefined {
  if (a.volume !== undefined && b.volume !== undefined && a.volume !== b.volume)
    return `different volumes ${a.volume} and ${b.volume}`;
  if (a.edition !== undefined && b.edition !== undefined && a.edition !== b.edition)
    return `different editions ${a.edition} and ${b.edition}`;
  if (!typesCompatible(a.type, b.type)) return `different types ${a.type} and ${b.type}`;
  return undefined;
}

/** 'other' is unknown; a thesis is often catalogued as a book by libraries holding a copy. */
function typesCompatible(a: string, b: string): boolean {
  if (a === b || a === 'other' || b === 'other') return true;
  return (a === 'book' && b === 'thesis') || (a === 'thesis' && b === 'book');
}

function sharedIdentifierVerdict(a: MatchProfile, b: MatchProfile, id: string): PairVerdict {
  const titleScore = bestTitleSimilarity(a, b, 0);
  const overlap = titlesOverlap(a, b);
  // Titles far apart, or only loosely alike and by different authors: two books, one ISBN.
  const loose = titleScore < TITLE_MATCH && !overlap;
  if (
    (titleScore < TITLE_DISAGREE && !overlap) ||
    (loose && authorsAgreement(a, b) === 'conflict')
  ) {
    return {
      kind: 'contradict',
      reason: `${identifierFact(id)} on different titles '${a.shownTitle}' and '${b.shownTitle}'`,
      untrustedIdentifier: id,
    };
  }
  if ((a.volume === undefined) !== (b.volume === undefined))
    return { kind: 'contradict', reason: `volume ${a.volume ?? b.volume} and the whole set` };
  const authors = authorsAgreement(a, b);
  const facts = [
    identifierFact(id),
    `title similarity ${titleScore.toFixed(2)}`,
    ...agreements(a, b),
    ...(typeof authors === 'string' ? [] : [`authors ${authors.join(' = ')}`]),
  ];
  return {
    kind: 'match',
    score: 0.9 + 0.1 * titleScore,
    evidence: { rule: 'shared-identifier', facts },
  };
}

function titleAuthorVerdict(a: MatchProfile, b: MatchProfile): PairVerdict {
  const conflict = softConflict(a, b);
  if (conflict) return { kind: 'contradict', reason: conflict };
  if ((a.volume === undefined) !== (b.volume === undefined)) return UNRELATED;
  const authors = authorsAgreement(a, b);
  if (authors === 'conflict') return { kind: 'contradict', reason: authorsConflict(a, b) };
  const strict = authors === 'unknown' || a.year === undefined || b.year === undefined;
  const publishers = publisherAgreement(a, b);
  // With no author or no year to go on, a different publisher (and no agreeing page count) is one doubt too many.
  if (strict && publishers === 'different' && !pagesAgree(a, b)) return UNRELATED;
  const titleScore = bestTitleSimilarity(a, b, strict ? TITLE_MATCH_STRICT : TITLE_MATCH);
  if (titleScore === 0) return UNRELATED;
  const facts = [`title similarity ${titleScore.toFixed(2)}`, ...agreements(a, b)];
  if (authors !== 'unknown') facts.push(`authors ${authors.join(' = ')}`);
  if (publishers === 'same') facts.push(`publishers ${a.publisher.shown} = ${b.publisher.shown}`);
  return {
    kind: 'match',
    score: 0.8 * titleScore + (strict ? 0 : 0.05) + (publishers === 'same' ? 0.02 : 0),
    evidence: { rule: 'title-author', facts },
  };
}

/** Conflicts that only a shared identifier outweighs. */
function softConflict(a: MatchProfile, b: MatchProfile): string | undefined {
  const serial = a.type === 'journal' || b.type === 'journal';
  if (!serial && a.year !== undefined && b.year !== undefined && a.year !== b.year)
    return `different years ${a.year} and ${b.year}`;
  if (a.numbers !== '' && b.numbers !== '' && a.numbers !== b.numbers)
    return `different numbers in the titles (${a.numbers} / ${b.numbers})`;
  if (
    !serial &&
    a.pages !== undefined &&
    b.pages !== undefined &&
    !pagesCompatible(a.pages, b.pages)
  )
    return `different page counts ${a.pages} and ${b.pages}`;
  if (
    a.languages.length > 0 &&
    b.languages.length > 0 &&
    !a.languages.some((l) => b.languages.includes(l))
  )
    return `different languages ${a.languages.join(',')} and ${b.languages.join(',')}`;
  // An ISBN belongs to its publisher: other ISBNs from another publisher are another edition.
  if (hasIsbn(a) && hasIsbn(b) && publisherAgreement(a, b) === 'different')
    return `different ISBNs and publishers '${a.publisher.shown}' and '${b.publisher.shown}'`;
  return undefined;
}

function hasIsbn(p: MatchProfile): boolean {
  return p.ids.some((id) => id.startsWith('isbn:'));
}

/**
 * Publishers are evidence, not a veto: a catalogue may name the book company that published
 * with the publisher (Nhã Nam, Alpha Books) instead of it, so a mismatch alone does not make
 * two works. It decides between works, and for records with less to go on.
 */
function publisherAgreement(a: MatchProfile, b: MatchProfile): 'same' | 'different' | 'unknown' {
  if (a.publisher.words === '' || b.publisher.words === '') return 'unknown';
  return publishersCompatible(a.publisher, b.publisher) ? 'same' : 'different';
}

function pagesAgree(a: MatchProfile, b: MatchProfile): boolean {
  return a.pages !== undefined && b.pages !== undefined && pagesCompatible(a.pages, b.pages);
}

/** Facts both records agree on. */
function agreements(a: MatchProfile, b: MatchProfile): string[] {
  const facts: string[] = [];
  if (a.year !== undefined && a.year === b.year) facts.push(`same year ${a.year}`);
  if (a.edition !== undefined && a.edition === b.edition) facts.push(`same edition ${a.edition}`);
  if (a.volume !== undefined && a.volume === b.volume) facts.push(`same volume ${a.volume}`);
  if (a.pages !== undefined && b.pages !== undefined)
    facts.push(a.pages === b.pages ? `same pages ${a.pages}` : `pages ${a.pages} ~ ${b.pages}`);
  return facts;
}

const ID_LABELS: Readonly<Record<string, string>> = {
  isbn: 'ISBN',
  issn: 'ISSN',
  doi: 'DOI',
  lccn: 'LCCN',
  oclc: 'OCLC',
  nbn: 'national bibliography number',
  nbd: 'national agency number',
};

function identifierFact(id: string): string {
  const colon = id.indexOf(':');
  return `${ID_LABELS[id.slice(0, colon)] ?? id.slice(0, colon)} ${id.slice(colon + 1)}`;
}
