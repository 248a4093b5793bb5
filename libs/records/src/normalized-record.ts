import type { RecordErrorCode } from './errors';

/** Controlled vocabulary for `NormalizedRecord.type`; every source vocabulary is mapped onto it. */
export const RESOURCE_TYPES = [
  'book',
  'article',
  'thesis',
  'journal',
  'map',
  'audio',
  'video',
  'image',
  'dataset',
  'other',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** A person or body responsible for the work. */
export interface Agent {
  /** Name as displayed (NFC, ISBD punctuation trimmed), e.g. 'Nguyễn Du' or 'Smith, John'. */
  name: string;
  /** Role as given by the source (relator term or code), e.g. 'author', 'trans.', 'edt'. */
  role?: string;
}

/** One subject heading. */
export interface Subject {
  /** Heading with subdivisions joined by ' -- ', e.g. 'Việt Nam -- Lịch sử'. */
  value: string;
  /** Thesaurus when known: 'lcsh', 'mesh', ... from the MARC 2nd indicator, $2 or MODS @authority. */
  scheme?: string;
}

/** Class numbers by scheme, as given (DDC segmentation marks removed). */
export interface Classification {
  /** Dewey Decimal (MARC 082, MODS ddc, numeric dc:subject). */
  ddc: string[];
  /** Universal Decimal (MARC 080, MODS udc). */
  udc: string[];
  /** Library of Congress (MARC 050, MODS lcc). */
  lcc: string[];
}

/** Identifiers, each list de-duplicated and validated where a check digit exists. */
export interface Identifiers {
  /** ISBN-13 without hyphens; ISBN-10 converted after its check digit was verified. */
  isbn: string[];
  /** ISSN as 'NNNN-NNNC' after its check digit was verified. */
  issn: string[];
  /** DOI without resolver prefix, e.g. '10.1000/xyz123'. */
  doi: string[];
  /** Handle without resolver prefix, e.g. '123456789/42'. */
  handle: string[];
  /** Other URLs naming the record (landing pages, related resources). */
  url: string[];
  /** Call numbers found anywhere in the record (090/099, 852, 952 $o, MODS shelfLocator). */
  callNumber: string[];
  /**
   * Other identifiers naming the same publication across catalogues, each prefixed with its
   * kind: 'lccn:2001012345' (MARC 010), 'nbn:GB9912345' (015 national bibliography number),
   * 'nbd:<agency>:<number>' (016, agency from $2, 'cacona' when ind1 is blank), 'oclc:12345678'
   * (035 "(OCoLC)…"), and MODS identifier type="lccn"/"oclc".
   */
  other: string[];
}

/** Links a user can follow. */
export interface Links {
  /** URLs of the digital object itself (PDF, full text). */
  fullText: string[];
  /** One cover or preview image URL. */
  thumbnail?: string;
}

/** One holding: which library has a copy and where it sits. */
export interface Holding {
  /** Holding institution or branch code (852 $a, 952 $a, MODS physicalLocation). */
  institution?: string;
  /** Call number of the copy (852 $h$i, 952 $o, MODS shelfLocator). */
  callNumber?: string;
  /** Shelving location or collection (852 $b, 952 $c). */
  location?: string;
}

/**
 * Forms for the search index, built with the Vietnamese text rules (see README):
 * lower-case, NFC, one canonical tone-mark placement; `*Folded` also strips all diacritics
 * and maps đ→d so users typing without accents still match.
 */
export interface SearchForms {
  /** Title and subtitle. */
  title: string;
  /** `title` without diacritics. */
  titleFolded: string;
  /** Alternative, parallel and series titles. */
  otherTitles: string[];
  /** `otherTitles` without diacritics. */
  otherTitlesFolded: string[];
  /** Creators then contributors. */
  creators: string[];
  /** `creators` without diacritics. */
  creatorsFolded: string[];
  /** Subject headings. */
  subjects: string[];
  /** `subjects` without diacritics. */
  subjectsFolded: string[];
  /** Abstract. */
  description: string;
  /** `description` without diacritics. */
  descriptionFolded: string;
  /** Publisher. */
  publisher: string;
  /** `publisher` without diacritics. */
  publisherFolded: string;
}

/** One catalogue record, the same shape whatever the source format. */
export interface NormalizedRecord {
  /** `${sourceId}:${oaiIdentifier}`: unique across the union catalogue. */
  id: string;
  /** Id of the harvested source (library) in the harvester's registry. */
  sourceId: string;
  /** OAI-PMH identifier of the record at its source. */
  oaiIdentifier: string;
  /** Metadata format the record was read from. */
  format: RecordFormat;
  /** Title proper (with part number/name), source spelling, ISBD punctuation trimmed. */
  title: string;
  /** Other title information (MARC 245 $b, MODS subTitle). */
  subtitle?: string;
  /** Statement of responsibility as given (MARC 245 $c). */
  responsibility?: string;
  /** Alternative, parallel, uniform and translated titles. */
  otherTitles: string[];
  /** Principal creators (MARC 1XX and 7XX with an author role; dc:creator; MODS author names). */
  creators: Agent[];
  /** Editors, translators, illustrators and other contributors. */
  contributors: Agent[];
  /** Subject headings. */
  subjects: Subject[];
  /** Class numbers by scheme. */
  classification: Classification;
  /** Abstract / summary (MARC 520, dc:description, MODS abstract); several joined by a blank line. */
  description?: string;
  /** General notes (MARC 500, 502; MODS note). */
  notes: string[];
  /** First publisher named. */
  publisher?: string;
  /** First place of publication named. */
  place?: string;
  /** Year of publication when one can be read (1000–2099). */
  year?: number;
  /** Date as the source gave it, e.g. 'c2015', '[199-?]'. */
  dateAsGiven?: string;
  /** Edition statement as given, e.g. 'Tái bản lần thứ 2'. */
  edition?: string;
  /** ISO 639-3 codes, e.g. ['vie', 'eng']. */
  languages: string[];
  /** Resource type from the controlled vocabulary. */
  type: ResourceType;
  /** Extent and dimensions, e.g. '350 tr. : minh họa ; 24 cm'. */
  physicalDescription?: string;
  /** Series statements (MARC 490/830, MODS relatedItem[type=series]). */
  series: string[];
  /** Standard and local identifiers. */
  identifiers: Identifiers;
  /** Full-text and thumbnail links. */
  links: Links;
  /** Rights and access statements. */
  rights: string[];
  /** Copies held (MARC 852, Koha 952, MODS location). */
  holdings: Holding[];
  /** OAI-PMH datestamp of the record. */
  datestamp: string;
  /** True when the source reported the record deleted; then only ids and datestamp are set. */
  deleted: boolean;
  /** OAI-PMH sets the record belongs to. */
  setSpecs: string[];
  /** Problems met while reading: each names the field, e.g. "020 $a: invalid ISBN '123'". */
  warnings: string[];
  /** Encoding problems found in the values (repaired, or for invalid bytes only found): the first value of each kind. */
  encodingRepairs: EncodingRepair[];
  /** Forms for the search index. */
  search: SearchForms;
}

/**
 * An encoding problem a value arrived with: a legacy Vietnamese encoding or double-encoded
 * UTF-8 (repaired), decomposed Unicode (composed to NFC), or bytes that were not valid UTF-8
 * (U+FFFD: found, the characters are lost).
 */
export type EncodingProblem = 'tcvn3' | 'vni' | 'double-utf8' | 'decomposed' | 'invalid-bytes';

/** One value with an encoding problem, as sent and as catalogued (each cut to 200 characters). */
export interface EncodingRepair {
  kind: EncodingProblem;
  /** The field it was found in, e.g. '245' or 'dc:title'. */
  field: string;
  before: string;
  after: string;
}

/** Metadata formats we map; 'none' for deleted records that carry no metadata. */
export type RecordFormat = 'oai_dc' | 'marc21' | 'mods' | 'none';

/** What the harvester passes for one OAI-PMH record. */
export interface NormalizeInput {
  /** Id of the source (library). */
  sourceId: string;
  /** OAI-PMH header identifier. */
  oaiIdentifier: string;
  /** OAI-PMH header datestamp. */
  datestamp: string;
  /** OAI-PMH header status="deleted". */
  deleted: boolean;
  /** OAI-PMH header setSpec values. */
  setSpecs: string[];
  /** metadataPrefix used for the harvest (e.g. 'oai_dc', 'marc21', 'mods'). */
  metadataPrefix: string;
  /** The metadata element's child as standalone XML with its namespace declarations. */
  metadataXml?: string;
}

/** Result of `normalizeRecord`: a record, or a typed error; never throws. */
export type NormalizeResult =
  | { ok: true; record: NormalizedRecord }
  | { ok: false; error: { code: RecordErrorCode; message: string } };
