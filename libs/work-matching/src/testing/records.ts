import { normalizeRecord, type NormalizedRecord } from '@hop-luu/records';
import { profileOf, type MatchProfile } from '../profile';

/**
 * Test helpers: records written as a catalogue would send them (MARCXML, oai_dc) and run
 * through normalisation, so the specs exercise the real path from XML to profile.
 */

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** MARCXML from { '245': 'aTitle :|bsubtitle', '100': 'aName' } ('tag/ind2' sets the 2nd indicator). */
export function marcXml(fields: Readonly<Record<string, string>>): string {
  const datafields = Object.entries(fields)
    .map(([tagAndInd, subfields]) => {
      const [tag, ind2 = ' '] = tagAndInd.split('/');
      const subs = subfields
        .split('|')
        .filter(Boolean)
        .map((s) => `<subfield code="${s[0]}">${escape(s.slice(1))}</subfield>`)
        .join('');
      return `<datafield tag="${tag.slice(0, 3)}" ind1="1" ind2="${ind2}">${subs}</datafield>`;
    })
    .join('');
  return `<record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 a 4500</leader>${datafields}</record>`;
}

/** oai_dc from [['title', 'Truyện Kiều'], ['creator', 'Nguyễn Du']]. */
export function dcXml(elements: readonly (readonly [string, string])[]): string {
  const body = elements
    .map(([name, value]) => `<dc:${name}>${escape(value)}</dc:${name}>`)
    .join('');
  return `<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">${body}</oai_dc:dc>`;
}

/** Normalises metadata XML as the harvester would; throws on failure (a test bug). */
export function normalized(sourceId: string, localId: string, xml: string): NormalizedRecord {
  const result = normalizeRecord({
    sourceId,
    oaiIdentifier: `oai:${sourceId}:${localId}`,
    datestamp: '2026-01-01T00:00:00Z',
    deleted: false,
    setSpecs: [],
    metadataPrefix: xml.includes('MARC21/slim') ? 'marc21' : 'oai_dc',
    metadataXml: xml,
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.record;
}

/** A MARC record's profile. */
export function marcProfile(
  sourceId: string,
  localId: string,
  fields: Readonly<Record<string, string>>,
): MatchProfile {
  return profileOf(normalized(sourceId, localId, marcXml(fields)));
}

/** An oai_dc record's profile. */
export function dcProfile(
  sourceId: string,
  localId: string,
  elements: readonly (readonly [string, string])[],
): MatchProfile {
  return profileOf(normalized(sourceId, localId, dcXml(elements)));
}
