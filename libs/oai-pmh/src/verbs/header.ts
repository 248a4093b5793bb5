import { parseDatestamp } from '../granularity';
import type { OaiHeader } from '../types';
import { attr, type XmlElement } from '@hop-luu/xml';
import { childText, childTexts } from '../xml/node';

/** Reads an OAI `<header>`; undefined when it has no identifier (unusable). */
export function readHeader(node: XmlElement): OaiHeader | undefined {
  const identifier = childText(node, 'identifier');
  if (!identifier) return undefined;
  const datestamp = childText(node, 'datestamp');
  return {
    identifier,
    datestamp,
    date: parseDatestamp(datestamp),
    setSpecs: childTexts(node, 'setSpec'),
    deleted: attr(node, 'status') === 'deleted',
  };
}
