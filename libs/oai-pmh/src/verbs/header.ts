import { parseDatestamp } from '../granularity';
import type { OaiHeader } from '../types';
import { childText, childTexts, type XNode } from '../xml/node';

/** Reads an OAI `<header>`; undefined when it has no identifier (unusable). */
export function readHeader(node: XNode): OaiHeader | undefined {
  const identifier = childText(node, 'identifier');
  if (!identifier) return undefined;
  const datestamp = childText(node, 'datestamp');
  return {
    identifier,
    datestamp,
    date: parseDatestamp(datestamp),
    setSpecs: childTexts(node, 'setSpec'),
    deleted: node.attrs.status === 'deleted',
  };
}
