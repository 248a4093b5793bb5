import type {
  Agent,
  Classification,
  EncodingProblem,
  EncodingRepair,
  Holding,
  Identifiers,
  Links,
  Subject,
} from '../normalized-record';
import {
  classifyIdentifier,
  extractDoi,
  extractHandle,
  normalizeIsbn,
  normalizeIssn,
} from '../identifiers';
import { readYear } from '../text';
import { fixWarning, suspicionWarning } from '../text-repair';
import { toIso639_3 } from '../vocabulary/languages';
import { cleanValue } from './clean-value';

const REPLACEMENT_CHARACTER = '\uFFFD';
const INVALID_BYTES_WARNING =
  'contains U+FFFD where the source sent bytes that are not valid UTF-8; the original characters are lost, report it to the source';

/** How a value is tidied: 'isbd' also trims ISBD punctuation (titles, names, places...). */
export type TextMode = 'isbd' | 'plain';

/**
 * The record being built. Mappers call these methods so every format gets the same
 * text rules, identifier validation, de-duplication and warnings; `finishRecord` turns
 * it into a `NormalizedRecord`.
 */
export class RecordDraft {
  title?: string;
  subtitle?: string;
  responsibility?: string;
  readonly otherTitles: string[] = [];
  readonly creators: Agent[] = [];
  readonly contributors: Agent[] = [];
  readonly subjects: Subject[] = [];
  readonly classification: Classification = { ddc: [], udc: [], lcc: [] };
  readonly descriptions: string[] = [];
  readonly notes: string[] = [];
  publisher?: string;
  place?: string;
  year?: number;
  dateAsGiven?: string;
  edition?: string;
  readonly languages: string[] = [];
  /** Type terms or decided types, resolved by `pickResourceType` at the end. */
  readonly typeTerms: string[] = [];
  physicalDescription?: string;
  readonly series: string[] = [];
  readonly identifiers: Identifiers = {
    isbn: [],
    issn: [],
    doi: [],
    handle: [],
    url: [],
    callNumber: [],
    other: [],
  };
  readonly links: Links = { fullText: [] };
  readonly rights: string[] = [];
  readonly holdings: Holding[] = [];
  readonly warnings: string[] = [];
  /** The first value found with each kind of encoding problem (see `noteEncoding`). */
  readonly encodingRepairs: EncodingRepair[] = [];

  /** Records a problem with one field; the record carries on. */
  warn(field: string, message: string): void {
    pushUnique(this.warnings, `${field}: ${message}`);
  }

  /** Runs one field's mapping; an exception becomes a warning so one bad field never stops the record. */
  guard(field: string, map: () => void): void {
    try {
      map();
    } catch (err) {
      this.warn(field, `could not be read (${err instanceof Error ? err.message : String(err)})`);
    }
  }

  /** NFC, encoding repair (with a warning naming the field), spaces, ISBD punctuation. */
  text(field: string, raw: string | undefined, mode: TextMode = 'isbd'): string | undefined {
    if (raw === undefined) return undefined;
    const clean = cleanValue(raw);
    if (raw.includes(REPLACEMENT_CHARACTER)) {
      this.warn(field, INVALID_BYTES_WARNING);
      this.noteEncoding('invalid-bytes', field, raw, clean.plain);
    }
    for (const fix of clean.fixes) {
      this.warn(field, fixWarning(fix));
      this.noteEncoding(fix, field, raw, clean.plain);
    }
    for (const fix of clean.suspected) this.warn(field, suspicionWarning(fix));
    if (clean.decomposed) this.noteEncoding('decomposed', field, raw, clean.plain);
    const value = mode === 'isbd' ? clean.isbd : clean.plain;
    return value === '' ? undefined : value;
  }

  /** Keeps one example per kind: enough for a quality report, little weight per record. */
  private noteEncoding(kind: EncodingProblem, field: string, before: string, after: string): void {
    if (this.encodingRepairs.some((repair) => repair.kind === kind)) return;
    this.encodingRepairs.push({
      kind,
      field,
      before: upTo(before, EXAMPLE_CHARS),
      after: upTo(after, EXAMPLE_CHARS),
    });
  }

  addOtherTitle(field: string, raw: string | undefined): void {
    const value = this.text(field, raw);
    if (value && value !== this.title) pushUnique(this.otherTitles, value);
  }

  addAgent(
    list: 'creators' | 'contributors',
    field: string,
    name: string | undefined,
    role?: string,
  ): void {
    const value = this.text(field, name);
    if (!value) return;
    const agent: Agent = { name: value };
    const roleValue = this.text(field, role);
    if (roleValue) agent.role = roleValue;
    const named = (a: Agent): boolean => a.name === value;
    if (!this.creators.some(named) && !this.contributors.some(named)) this[list].push(agent);
  }

  addSubject(field: string, raw: string | undefined, scheme?: string): void {
    const value = this.text(field, raw);
    if (!value) return;
    const subject: Subject = scheme ? { value, scheme } : { value };
    if (!this.subjects.some((s) => s.value === value && s.scheme === subject.scheme))
      this.subjects.push(subject);
  }

  addClassification(scheme: keyof Classification, field: string, raw: string | undefined): void {
    // DDC segmentation marks ('959.7/04', "959.7'04") are for shelving, not the number.
    const value = this.text(field, raw)?.replace(/['/]/g, '');
    if (value) pushUnique(this.classification[scheme], value);
  }

  addDescription(field: string, raw: string | undefined): void {
    const value = this.text(field, raw, 'plain');
    if (value) pushUnique(this.descriptions, value);
  }

  addNote(field: string, raw: string | undefined): void {
    const value = this.text(field, raw, 'plain');
    if (value) pushUnique(this.notes, value);
  }

  addSeries(field: string, raw: string | undefined): void {
    const value = this.text(field, raw);
    if (value) pushUnique(this.series, value);
  }

  addRights(field: string, raw: string | undefined): void {
    const value = this.text(field, raw, 'plain');
    if (value) pushUnique(this.rights, value);
  }

  /** Sets a single-valued text field unless an earlier source already did (first one wins). */
  setFirst(
    key: 'publisher' | 'place' | 'edition' | 'physicalDescription',
    field: string,
    raw: string | undefined,
  ): void {
    if (this[key] !== undefined) return;
    this[key] = this.text(field, raw);
  }

  /** Date as given and its year: the first date keeps its text, the first readable year wins. */
  setDate(field: string, raw: string | undefined): void {
    const value = this.text(field, raw);
    if (!value) return;
    const year = readYear(value);
    if (this.dateAsGiven === undefined || (this.year === undefined && year !== undefined)) {
      this.dateAsGiven = value;
    }
    if (this.year !== undefined) return;
    if (year === undefined) this.warn(field, `no year in '${value}'`);
    this.year = year;
  }

  addLanguage(field: string, raw: string | undefined): void {
    const value = this.text(field, raw);
    if (!value) return;
    const code = toIso639_3(value);
    if (code) pushUnique(this.languages, code);
    else this.warn(field, `unknown language '${value}'`);
  }

  addIsbn(field: string, raw: string | undefined): void {
    const value = this.text(field, raw, 'plain');
    if (!value) return;
    const isbn = normalizeIsbn(value);
    if (isbn.ok) pushUnique(this.identifiers.isbn, isbn.isbn13);
    else this.warn(field, `invalid ISBN '${value}' (${isbn.reason})`);
  }

  addIssn(field: string, raw: string | undefined): void {
    const value = this.text(field, raw, 'plain');
    if (!value) return;
    const issn = normalizeIssn(value);
    if (issn.ok) pushUnique(this.identifiers.issn, issn.issn);
    else this.warn(field, `invalid ISSN '${value}' (${issn.reason})`);
  }

  addDoi(field: string, raw: string | undefined): void {
    const value = this.text(field, raw, 'plain');
    if (!value) return;
    const doi = extractDoi(value);
    if (doi) pushUnique(this.identifiers.doi, doi);
    else this.warn(field, `invalid DOI '${value}'`);
  }

  addHandle(field: string, raw: string | undefined): void {
    const value = this.text(field, raw, 'plain');
    if (value) pushUnique(this.identifiers.handle, extractHandle(value) ?? value);
  }

  addUrl(field: string, raw: string | undefined): void {
    const value = this.text(field, raw, 'plain');
    if (value) pushUnique(this.identifiers.url, value);
  }

  addCallNumber(field: string, raw: string | undefined): void {
    const value = this.text(field, raw);
    if (value) pushUnique(this.identifiers.callNumber, value);
  }

  /**
   * One of the other identifiers (`Identifiers.other`): `read` turns the cleaned value into
   * its number, or undefined when it is not one (then a warning names the field).
   */
  addOtherId(
    field: string,
    raw: string | undefined,
    prefix: string,
    read: (value: string) => string | undefined,
  ): void {
    const value = this.text(field, raw, 'plain');
    if (!value) return;
    const number = read(value);
    if (number) pushUnique(this.identifiers.other, `${prefix}:${number}`);
    else this.warn(field, `not a valid ${prefix.split(':')[0].toUpperCase()} '${value}'`);
  }

  /** An identifier of unknown kind (dc:identifier, untyped MODS identifier): classify, then add. */
  addIdentifier(field: string, raw: string | undefined): void {
    const value = this.text(field, raw, 'plain');
    if (!value) return;
    const { kind, value: inner } = classifyIdentifier(value);
    if (kind === 'isbn') this.addIsbn(field, inner);
    else if (kind === 'issn') this.addIssn(field, inner);
    else if (kind === 'doi') pushUnique(this.identifiers.doi, inner);
    else if (kind === 'handle') pushUnique(this.identifiers.handle, inner);
    else if (kind === 'url') this.addLink(field, inner);
  }

  /** A URL: PDFs and other full-text files go to links, images to the thumbnail, the rest to identifiers.url. */
  addLink(
    field: string,
    raw: string | undefined,
    hint: 'fullText' | 'thumbnail' | 'related' | 'guess' = 'guess',
  ): void {
    const url = this.text(field, raw, 'plain');
    if (!url) return;
    const kind = hint === 'guess' ? guessLinkKind(url) : hint;
    if (kind === 'fullText') pushUnique(this.links.fullText, url);
    else if (kind === 'thumbnail' && this.links.thumbnail === undefined) this.links.thumbnail = url;
    else pushUnique(this.identifiers.url, url);
  }

  addHolding(holding: Holding): void {
    const clean: Holding = {};
    const institution = this.text('holding institution', holding.institution);
    if (institution) clean.institution = institution;
    const callNumber = this.text('holding callNumber', holding.callNumber);
    if (callNumber) clean.callNumber = callNumber;
    const location = this.text('holding location', holding.location);
    if (location) clean.location = location;
    if (institution || callNumber || location) this.holdings.push(clean);
    if (callNumber) pushUnique(this.identifiers.callNumber, callNumber);
  }
}

const FULL_TEXT_URL = /\.pdf(?:$|[?#])|\/bitstream\/|\/download\b|fulltext|full-text/i;
const IMAGE_URL = /\.(?:jpe?g|png|gif|webp)(?:$|[?#])|thumbnail/i;

function guessLinkKind(url: string): 'fullText' | 'thumbnail' | 'related' {
  if (IMAGE_URL.test(url)) return 'thumbnail';
  return FULL_TEXT_URL.test(url) ? 'fullText' : 'related';
}

const EXAMPLE_CHARS = 200;

/** The first `max` characters (code points, so no surrogate pair is cut). */
function upTo(text: string, max: number): string {
  return text.length <= max ? text : Array.from(text).slice(0, max).join('');
}

export function pushUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}
