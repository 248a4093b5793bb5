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

/**
 * 245: $a title with $n/$p part number/name, $b subtitle, $c responsibility. The 2nd
 * indicator (non-filing characters) is not read: nothing files by it, and works matching
 * drops a leading article by the record's language (libs/work-matching). A repeated 245
 * (invalid, but seen) becomes an other title.
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
}

/** 130/240/246: other titles ($a with $b). */
export function mapOtherTitle(field: DataField, draft: RecordDraft): void {
  draft.addOtherTitle(fieldName(field), joined(field, field.tag === '246' ? 'abnp' : 'anp'));
}
