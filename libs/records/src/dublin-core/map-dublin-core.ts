import type { RecordDraft } from '../draft/record-draft';
import { toIso639_3 } from '../vocabulary/languages';
import { attr, type XmlElement } from '@hop-luu/xml';

export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';

type Handler = (draft: RecordDraft, value: string, field: string) => void;

const DDC_NUMBER = /^\d{3}(?:\.\d+)?$/;
const MIME_TYPE = /^[a-z]+\/[\w.+-]+$/i;
/** ISBD 'Title : subtitle' and 'Place : Publisher' inside one DC value. */
const ISBD_COLON = ' : ';

/** One handler per DC element; every element may repeat. */
const HANDLERS: Readonly<Record<string, Handler>> = {
  title: (d, v, f) => (d.title === undefined ? setTitle(d, v, f) : d.addOtherTitle(f, v)),
  creator: (d, v, f) => addAgent(d, 'creators', v, f),
  contributor: (d, v, f) => addAgent(d, 'contributors', v, f),
  subject: (d, v, f) => {
    // Repositories often pack several headings into one element with ';'.
    for (const part of v.split(';')) {
      if (DDC_NUMBER.test(part.trim())) d.addClassification('ddc', f, part);
      else d.addSubject(f, part);
    }
  },
  description: (d, v, f) => d.addDescription(f, v),
  publisher: (d, v, f) => {
    const colon = v.indexOf(ISBD_COLON);
    if (colon > 0 && d.publisher === undefined) d.setFirst('place', f, v.slice(0, colon));
    d.setFirst('publisher', f, colon > 0 ? v.slice(colon + ISBD_COLON.length) : v);
  },
  date: (d, v, f) => d.setDate(f, v),
  type: (d, v) => d.typeTerms.push(v),
  format: (d, v, f) => {
    if (!MIME_TYPE.test(v.trim())) d.setFirst('physicalDescription', f, v);
  },
  identifier: (d, v, f) => d.addIdentifier(f, v),
  source: (d, v, f) => d.addNote(f, v),
  language: (d, v, f) => d.addLanguage(f, v),
  relation: (d, v, f) =>
    /^https?:\/\//i.test(v.trim()) ? d.addLink(f, v, 'related') : d.addNote(f, v),
  coverage: (d, v, f) => d.addSubject(f, v),
  rights: (d, v, f) => d.addRights(f, v),
};

/** 'Đào Duy Anh (chú giải)': a trailing parenthesis is the role, as many DC exports write it. */
const NAME_WITH_ROLE = /^(.+?)\s*\(([^()]+)\)\s*$/;

function addAgent(
  d: RecordDraft,
  list: 'creators' | 'contributors',
  value: string,
  field: string,
): void {
  const m = NAME_WITH_ROLE.exec(value);
  if (m && !/\d/.test(m[2])) d.addAgent(list, field, m[1], m[2]);
  else d.addAgent(list, field, value);
}

function setTitle(d: RecordDraft, value: string, field: string): void {
  const colon = value.indexOf(ISBD_COLON);
  d.title = d.text(field, colon > 0 ? value.slice(0, colon) : value);
  if (colon > 0) d.subtitle = d.text(field, value.slice(colon + ISBD_COLON.length));
}

/**
 * Maps an oai_dc record. Titles are visited in the record's language first (by xml:lang),
 * so a Vietnamese record with an English parallel title keeps the Vietnamese one as title.
 */
export function mapDublinCore(root: XmlElement, draft: RecordDraft): void {
  const elements = orderTitlesByLanguage(root.children);
  for (const el of elements) {
    const handler = HANDLERS[el.name];
    const field = `dc:${el.name}`;
    if (!handler) {
      draft.warn(field, 'not a Dublin Core element; ignored');
      continue;
    }
    draft.guard(field, () => handler(draft, el.text, field));
  }
}

function orderTitlesByLanguage(children: readonly XmlElement[]): XmlElement[] {
  const languages = children
    .filter((c) => c.name === 'language')
    .map((c) => toIso639_3(c.text) ?? '');
  const main = languages[0];
  if (!main) return [...children];
  const rank = (el: XmlElement): number => {
    if (el.name !== 'title') return 0;
    const lang = attr(el, 'xml:lang');
    return lang === undefined || toIso639_3(lang) === main ? 0 : 1;
  };
  return [...children].sort((a, b) => rank(a) - rank(b));
}
