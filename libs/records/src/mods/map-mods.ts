import type { RecordDraft } from '../draft/record-draft';
import { normalizeLccn, oclcNumber } from '../identifiers';
import { foldText } from '../vietnamese';
import { attr, childrenNamed, deepText, firstChild, type XmlElement } from '@hop-luu/xml';

export const MODS_NS = 'http://www.loc.gov/mods/v3';

type ElementMapper = (el: XmlElement, draft: RecordDraft) => void;

const AUTHOR_ROLE = /^(?:aut|cre|author|creator|tac gia)$/;
const CLASSIFICATION_SCHEMES: Readonly<Record<string, 'ddc' | 'udc' | 'lcc'>> = {
  ddc: 'ddc',
  udc: 'udc',
  lcc: 'lcc',
};

const text = (el: XmlElement | undefined): string | undefined => (el ? el.text : undefined);

/** titleInfo: the first untyped one is the title (nonSort + title, partNumber/partName); others are other titles. */
const mapTitleInfo: ElementMapper = (el, d) => {
  const nonSort = text(firstChild(el, 'nonSort')) ?? '';
  const parts = [
    text(firstChild(el, 'title')),
    ...['partNumber', 'partName'].map((n) => text(firstChild(el, n))),
  ];
  const full = parts
    .map((p) => d.text('titleInfo', p))
    .filter(Boolean)
    .join('. ');
  if (attr(el, 'type') !== undefined || d.title !== undefined) {
    d.addOtherTitle('titleInfo', nonSort + full);
    return;
  }
  const title = d.text('titleInfo', nonSort + full);
  if (!title) return;
  d.title = title;
  d.subtitle = d.text('titleInfo', text(firstChild(el, 'subTitle')));
};

/** name: namePart (family, given) and role/roleTerm; author roles (or no role) are creators. */
const mapName: ElementMapper = (el, d) => {
  const parts = childrenNamed(el, 'namePart');
  const family = parts.find((p) => attr(p, 'type') === 'family')?.text;
  const given = parts.find((p) => attr(p, 'type') === 'given')?.text;
  const plain = parts.filter((p) => attr(p, 'type') === undefined).map((p) => p.text.trim());
  const name = family ? [family, given].filter(Boolean).join(', ') : plain.join(' ');
  const roles = childrenNamed(el, 'role')
    .flatMap((r) => childrenNamed(r, 'roleTerm'))
    .map((t) => t.text.trim());
  const role = roles.find((r) => !/^[a-z]{3}$/.test(r)) ?? roles[0];
  const author =
    role === undefined ||
    attr(el, 'usage') === 'primary' ||
    roles.some((r) => AUTHOR_ROLE.test(foldText(r)));
  d.addAgent(author ? 'creators' : 'contributors', 'name', name, role);
};

/** subject: topic/geographic/temporal/name/genre children joined with ' -- '; @authority is the scheme. */
const mapSubject: ElementMapper = (el, d) => {
  const terms = el.children.map((c) => deepText(c).trim()).filter(Boolean);
  const value = terms.length > 0 ? terms.join(' -- ') : el.text;
  d.addSubject('subject', value, attr(el, 'authority'));
};

const mapClassification: ElementMapper = (el, d) => {
  const scheme = CLASSIFICATION_SCHEMES[(attr(el, 'authority') ?? '').toLowerCase()];
  if (scheme) d.addClassification(scheme, 'classification', el.text);
  else
    d.warn(
      'classification',
      `unknown authority '${attr(el, 'authority') ?? ''}'; '${el.text.trim()}' ignored`,
    );
};

/** originInfo: publisher, place (text placeTerm), dateIssued (keyDate first), edition, issuance. */
const mapOriginInfo: ElementMapper = (el, d) => {
  const places = childrenNamed(el, 'place').flatMap((p) => childrenNamed(p, 'placeTerm'));
  d.setFirst(
    'place',
    'originInfo/place',
    text(places.find((p) => attr(p, 'type') !== 'code') ?? places[0]),
  );
  d.setFirst('publisher', 'originInfo/publisher', text(firstChild(el, 'publisher')));
  const dates = ['dateIssued', 'dateCreated', 'copyrightDate'].flatMap((n) => childrenNamed(el, n));
  const keyDate = dates.find((x) => attr(x, 'keyDate') === 'yes') ?? dates[0];
  d.setDate('originInfo/dateIssued', text(keyDate));
  d.setFirst('edition', 'originInfo/edition', text(firstChild(el, 'edition')));
  const issuance = text(firstChild(el, 'issuance'))?.trim();
  if (issuance === 'serial' || issuance === 'continuing') d.typeTerms.unshift('journal');
};

const mapLanguage: ElementMapper = (el, d) => {
  for (const term of childrenNamed(el, 'languageTerm')) d.addLanguage('language', term.text);
};

const mapPhysicalDescription: ElementMapper = (el, d) => {
  const extent = childrenNamed(el, 'extent').map((e) => e.text.trim());
  d.setFirst('physicalDescription', 'physicalDescription', extent.join(' ; ') || undefined);
};

/** relatedItem type="series": its title (and part number) is a series statement. */
const mapRelatedItem: ElementMapper = (el, d) => {
  if (attr(el, 'type') !== 'series') return;
  const info = firstChild(el, 'titleInfo');
  if (!info) return;
  const series = [text(firstChild(info, 'title')), text(firstChild(info, 'partNumber'))]
    .filter(Boolean)
    .join(' ; ');
  d.addSeries('relatedItem', series);
};

/** identifier: @type says what it is; without one (or unknown) it is classified by shape. @invalid ones are skipped. */
const mapIdentifier: ElementMapper = (el, d) => {
  if (attr(el, 'invalid') === 'yes') return;
  const type = (attr(el, 'type') ?? '').toLowerCase();
  const field = `identifier[${type || 'untyped'}]`;
  if (type === 'isbn') d.addIsbn(field, el.text);
  else if (type === 'issn') d.addIssn(field, el.text);
  else if (type === 'doi') d.addDoi(field, el.text);
  else if (type === 'hdl' || type === 'handle') d.addHandle(field, el.text);
  else if (type === 'lccn') d.addOtherId(field, el.text, 'lccn', normalizeLccn);
  else if (type === 'oclc') d.addOtherId(field, el.text, 'oclc', oclcNumber);
  else d.addIdentifier(field, el.text);
};

/** location: url (@access raw object → full text, preview → thumbnail), physicalLocation/shelfLocator → holding. */
const mapLocation: ElementMapper = (el, d) => {
  for (const url of childrenNamed(el, 'url')) {
    const access = attr(url, 'access');
    const kind =
      access === 'raw object' ? 'fullText' : access === 'preview' ? 'thumbnail' : 'guess';
    d.addLink('location/url', url.text, kind);
  }
  const institution = text(firstChild(el, 'physicalLocation'));
  const copies = childrenNamed(el, 'holdingSimple').flatMap((h) =>
    childrenNamed(h, 'copyInformation'),
  );
  const shelfLocator =
    text(firstChild(el, 'shelfLocator')) ??
    text(copies.map((c) => firstChild(c, 'shelfLocator')).find(Boolean));
  const location = text(copies.map((c) => firstChild(c, 'subLocation')).find(Boolean));
  if (institution || shelfLocator || location)
    d.addHolding({ institution, callNumber: shelfLocator, location });
};

const ELEMENT_MAPPERS: Readonly<Record<string, ElementMapper>> = {
  titleInfo: mapTitleInfo,
  name: mapName,
  subject: mapSubject,
  classification: mapClassification,
  abstract: (el, d) => d.addDescription('abstract', el.text),
  note: (el, d) => d.addNote('note', el.text),
  originInfo: mapOriginInfo,
  language: mapLanguage,
  typeOfResource: (el, d) => d.typeTerms.push(el.text),
  genre: (el, d) => d.typeTerms.unshift(el.text),
  physicalDescription: mapPhysicalDescription,
  relatedItem: mapRelatedItem,
  identifier: mapIdentifier,
  location: mapLocation,
  accessCondition: (el, d) => d.addRights('accessCondition', deepText(el)),
};

/** Maps a MODS 3.x record (a `<mods>` element, or the first one in a `<modsCollection>`). */
export function mapMods(root: XmlElement, draft: RecordDraft): void {
  const mods = root.name === 'modsCollection' ? (firstChild(root, 'mods') ?? root) : root;
  for (const el of mods.children) {
    const mapper = ELEMENT_MAPPERS[el.name];
    if (mapper) draft.guard(el.name, () => mapper(el, draft));
  }
}
