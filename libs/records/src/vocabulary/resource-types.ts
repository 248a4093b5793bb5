import type { ResourceType } from '../normalized-record';
import { StringCache } from '../text/string-cache';
import { foldText } from '../vietnamese/fold';

/**
 * Type words from dc:type, MODS genre/typeOfResource and repository vocabularies
 * (info:eu-repo, DSpace, Vietnamese terms), folded, → our vocabulary.
 * 'text' is deliberately weak (see `isGenericType`): a more specific term wins.
 */
const TERMS: ReadonlyArray<readonly [ResourceType, readonly string[]]> = [
  [
    'thesis',
    [
      'thesis',
      'dissertation',
      'doctoralthesis',
      'masterthesis',
      'bachelorthesis',
      'luan van',
      'luan an',
      'khoa luan',
      'do an tot nghiep',
    ],
  ],
  [
    'article',
    [
      'article',
      'journal article',
      'journalarticle',
      'bai bao',
      'bai trich',
      'bai tap chi',
      'conferenceobject',
      'conference paper',
      'bai hoi thao',
      'contributiontoperiodical',
      'preprint',
      'review',
    ],
  ],
  [
    'journal',
    ['journal', 'periodical', 'serial', 'tap chi', 'an pham dinh ky', 'newspaper', 'bao'],
  ],
  [
    'book',
    [
      'book',
      'booklet',
      'monograph',
      'sach',
      'giao trinh',
      'textbook',
      'bookpart',
      'book chapter',
      'tai lieu',
      'text',
    ],
  ],
  ['map', ['map', 'cartographic', 'ban do', 'atlas']],
  [
    'audio',
    [
      'sound',
      'audio',
      'sound recording',
      'sound recording-musical',
      'sound recording-nonmusical',
      'am thanh',
      'sach noi',
      'audiobook',
      'music',
    ],
  ],
  ['video', ['video', 'moving image', 'movingimage', 'film', 'phim', 'videorecording']],
  [
    'image',
    ['image', 'still image', 'stillimage', 'photograph', 'picture', 'hinh anh', 'anh', 'tranh'],
  ],
  ['dataset', ['dataset', 'data set', 'du lieu', 'bo du lieu', 'numeric data']],
];
const LOOKUP = new Map<string, ResourceType>(
  TERMS.flatMap(([type, words]) => words.map((w) => [w, type] as const)),
);

/** Our type for one source term, or undefined when the term is unknown. */
export function mapResourceType(raw: string): ResourceType | undefined {
  // Repositories use a handful of type terms, again and again.
  return types.get(raw, typeOf);
}

const types = new StringCache<ResourceType | undefined>(1024);

function typeOf(raw: string): ResourceType | undefined {
  const key = foldText(raw.trim())
    .replace(/^info:eu-repo\/semantics\//, '')
    .replace(/^https?:\/\/purl\.org\/coar\/resource_type\/\S+$/, '')
    .replace(/[.\s]+$/, '');
  return LOOKUP.get(key) ?? LOOKUP.get(key.replace(/s$/, ''));
}

/** 'text' says little (a book? an article?): mappers prefer any other known term. */
export function isGenericType(raw: string): boolean {
  return foldText(raw.trim()) === 'text';
}

/** Best type from several source terms: first specific known term, else a generic one, else 'other'. */
export function pickResourceType(terms: readonly string[]): ResourceType {
  const specific = terms
    .filter((t) => !isGenericType(t))
    .map(mapResourceType)
    .find((t) => t !== undefined);
  if (specific) return specific;
  return terms.map(mapResourceType).find((t) => t !== undefined) ?? 'other';
}
