/**
 * A source id suggested from a library name: lowercase ASCII letters, digits and dashes,
 * 2–64 characters, as registerSource accepts ("Thư viện Đà Nẵng" → "thu-vien-da-nang").
 */
export function suggestSourceId(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** The rule registerSource applies (libs/sources/src/source-input.ts), checked before sending. */
export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;
