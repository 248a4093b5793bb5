/** Minimal MARCXML and oai_dc writers for the labelled set. */

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One MARC data field: tag, indicators and [code, value] subfields (empty values are left out). */
export interface MarcField {
  readonly tag: string;
  readonly ind1?: string;
  readonly ind2?: string;
  readonly subfields: ReadonlyArray<readonly [string, string | undefined]>;
}

export function marcRecord(leader: string, f008: string, fields: readonly MarcField[]): string {
  const data = fields
    .map((f) => {
      const subs = f.subfields
        .filter((s): s is readonly [string, string] => s[1] !== undefined && s[1] !== '')
        .map(([code, value]) => `<subfield code="${code}">${escape(value)}</subfield>`)
        .join('');
      return subs === ''
        ? ''
        : `<datafield tag="${f.tag}" ind1="${f.ind1 ?? ' '}" ind2="${f.ind2 ?? ' '}">${subs}</datafield>`;
    })
    .join('');
  return (
    `<record xmlns="http://www.loc.gov/MARC21/slim"><leader>${leader}</leader>` +
    `<controlfield tag="008">${f008}</controlfield>${data}</record>`
  );
}

/** oai_dc from [element, value] pairs (empty values are left out). */
export function dcRecord(elements: ReadonlyArray<readonly [string, string | undefined]>): string {
  const body = elements
    .filter((e): e is readonly [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([name, value]) => `<dc:${name}>${escape(value)}</dc:${name}>`)
    .join('');
  return (
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" ' +
    `xmlns:dc="http://purl.org/dc/elements/1.1/">${body}</oai_dc:dc>`
  );
}

/** 008 for a book or serial: date1 at 07-10, language at 35-37. */
export function field008(year: number | undefined, language: string, thesis = false): string {
  const date = year === undefined ? '    ' : String(year);
  const contents = thesis ? 'm   ' : '    ';
  return `250101s${date}    vm ||||||${contents}|000 0 ${language} d`.slice(0, 40).padEnd(40, ' ');
}
