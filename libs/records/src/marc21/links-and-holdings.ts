import type { RecordDraft } from '../draft/record-draft';
import { fieldName, joined, sub, type DataField } from './marc-record';

const THUMBNAIL_LABEL = /thumbnail|cover|ảnh bìa|bìa sách|hình bìa|preview|image/i;
const FULL_TEXT_LABEL = /full ?text|toàn văn|pdf|download|tải về|electronic version|xem tài liệu/i;

/**
 * 856: the label ($3 materials specified, $y link text) decides first, then the 2nd
 * indicator (0 resource, 1 version of it → full text; 2 related resource → plain URL).
 */
export function map856(field: DataField, draft: RecordDraft): void {
  const url = sub(field, 'u');
  if (!url) return;
  const label = `${sub(field, '3') ?? ''} ${sub(field, 'y') ?? ''} ${sub(field, 'z') ?? ''}`;
  let kind: 'fullText' | 'thumbnail' | 'related' | 'guess' = 'guess';
  if (THUMBNAIL_LABEL.test(label)) kind = 'thumbnail';
  else if (FULL_TEXT_LABEL.test(label) || field.ind2 === '0' || field.ind2 === '1')
    kind = 'fullText';
  else if (field.ind2 === '2') kind = 'related';
  draft.addLink(fieldName(field, 'u'), url, kind);
}

/** 852 location: $a institution, $b sublocation, $h/$i call number, $j shelving number. */
export function map852(field: DataField, draft: RecordDraft): void {
  draft.addHolding({
    institution: sub(field, 'a'),
    location: joined(field, 'bc'),
    callNumber: joined(field, 'khim') ?? sub(field, 'j'),
  });
}

/** Koha 952 items: $a home branch, $c shelving location (else $b holding branch), $o call number. */
export function map952(field: DataField, draft: RecordDraft): void {
  draft.addHolding({
    institution: sub(field, 'a'),
    location: sub(field, 'c') ?? sub(field, 'b'),
    callNumber: sub(field, 'o'),
  });
}
