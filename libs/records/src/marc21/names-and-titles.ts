import type { RecordDraft } from '../draft/record-draft';
import { foldText } from '../vietnamese';
import { fieldName, joined, sub, subs, type DataField } from './marc-record';

const AUTHOR_ROLE = /^(?:aut|cre|author|creator|tac gia|chu bien|t\.?g\.?)\b/;

/** 100/110/111 (always creators) and 700/710/711 (creators when the role says author). */
export function mapName(field: DataField, draft: RecordDraft): void {
  // $d (dates) stays out of the name so 'Nguyễn Du, 1765-1820' matches the same name in DC.
  const name = joined(field, field.tag.endsWith('00') ? 'abcq' : 'abcdn');
  const role = sub(field, 'e') ?? sub(field, '4');
  const main =
    field.tag.startsWith('1') || (role !== undefined && AUTHOR_ROLE.test(foldText(role.trim())));
  draft.addAgent(main ? 'creators' : 'contributors', fieldName(field), name, role);
}

/** Words a non-filing indicator may skip: articles of the languages in our catalogues. */
// prettier-ignore
const ARTICLES = new Set([
  'the', 'a', 'an', 'le', 'la', 'les', "l'", 'un', 'une', 'der', 'die', 'das', 'ein', 'eine', 'el',
  'los', 'las', 'una', 'il', 'lo', 'gli', "gl'", 'i', 'de', 'het', 'o', 'os', 'as',
]);

/**
 * 245: $a title with $n/$p part number/name, $b subtitle, $c responsibility. The 2nd
 * indicator counts non-filing characters ('The ' = 4); wrong indicators are common, so it
 * is honoured only when the skipped text is an article or punctuation ('Lịch ' is not).
 * A repeated 245 (invalid, but seen) becomes an other title.
 */
export function map245(field: DataField, draft: RecordDraft): void {
  const name = fieldName(field);
  if (draft.title !== undefined) {
    draft.warn(name, 'repeated; the first 245 is the title, this one is kept as an other title');
    draft.addOtherTitle(name, joined(field, 'abnp'));
    return;
  }
  const parts = [sub(field, 'a'), ...subs(field, 'np')]
    .map((p) => draft.text(name, p))
    .filter(Boolean);
  if (parts.length === 0) {
    draft.warn(name, 'no $a title');
    return;
  }
  draft.title = parts.join('. ');
  draft.subtitle = draft.text(name, sub(field, 'b'));
  draft.responsibility = draft.text(name, sub(field, 'c'));
  draft.titleNonfiling = nonfiling(field.ind2, draft.title, draft);
}

function nonfiling(ind2: string, title: string, draft: RecordDraft): number {
  const count = Number(ind2);
  if (!/^[0-9]$/.test(ind2) || count === 0) return 0;
  const skipped = title.slice(0, count);
  const word = skipped
    .trim()
    .toLowerCase()
    .replace(/^[[("'“]+/, '');
  if (count < title.length && /[\s'’[("“]$/.test(skipped) && (word === '' || ARTICLES.has(word)))
    return count;
  draft.warn('245', `2nd indicator ${ind2} would cut '${skipped}'; ignored`);
  return 0;
}

/** 130/240/246: other titles ($a with $b). */
export function mapOtherTitle(field: DataField, draft: RecordDraft): void {
  draft.addOtherTitle(fieldName(field), joined(field, field.tag === '246' ? 'abnp' : 'anp'));
}
