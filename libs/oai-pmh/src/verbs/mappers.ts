import { firstChild, type PositionedXmlElement } from '@hop-luu/xml';
import { childText, scopeOf, standaloneXml } from '../xml/node';
import type { ItemMapper } from '../list/item-mapper';
import type { OaiHeader, OaiItem, OaiMetadataFormat, OaiRecord, OaiSet } from '../types';
import { readHeader } from './header';

const failure = <T>(reason: string, identifier?: string): OaiItem<T> => ({
  kind: 'failure',
  identifier,
  reason,
});

/** Raw XML of each element child of `parent`, made standalone. */
function rawChildren(
  parent: PositionedXmlElement | undefined,
  xml: string,
  scope: Record<string, string>,
): string[] {
  return parent ? parent.children.map((c) => standaloneXml(xml, c, scope)) : [];
}

export const recordMapper: ItemMapper<OaiRecord> = {
  itemName: 'record',
  identifierOf: (record) => record.header.identifier,
  map(node, xml, context) {
    const headerNode = firstChild(node, 'header');
    const header = headerNode && readHeader(headerNode);
    if (!header) return failure('record without a header identifier');
    const metadata = firstChild(node, 'metadata');
    const payload = metadata?.children[0];
    if (!header.deleted && !payload)
      return failure('record has neither metadata nor status="deleted"', header.identifier);
    const record: OaiRecord = {
      header,
      metadataXml:
        header.deleted || !payload || !metadata
          ? undefined
          : standaloneXml(xml, payload, scopeOf(context, node, metadata)),
      aboutXml: node.children
        .filter((c) => c.name === 'about')
        .flatMap((about) => rawChildren(about, xml, scopeOf(context, node, about))),
    };
    return { kind: 'record', record };
  },
};

export const headerMapper: ItemMapper<OaiHeader> = {
  itemName: 'header',
  identifierOf: (header) => header.identifier,
  map(node) {
    const header = readHeader(node);
    return header ? { kind: 'record', record: header } : failure('header without an identifier');
  },
};

export const setMapper: ItemMapper<OaiSet> = {
  itemName: 'set',
  identifierOf: (set) => set.setSpec,
  map(node, xml, context) {
    const setSpec = childText(node, 'setSpec');
    if (!setSpec) return failure('set without a setSpec');
    const description = firstChild(node, 'setDescription');
    return {
      kind: 'record',
      record: {
        setSpec,
        setName: childText(node, 'setName'),
        descriptionXml: rawChildren(
          description,
          xml,
          scopeOf(context, node, ...(description ? [description] : [])),
        ),
      },
    };
  },
};

export const metadataFormatMapper: ItemMapper<OaiMetadataFormat> = {
  itemName: 'metadataFormat',
  identifierOf: (format) => format.metadataPrefix,
  map(node) {
    const metadataPrefix = childText(node, 'metadataPrefix');
    if (!metadataPrefix) return failure('metadataFormat without a metadataPrefix');
    return {
      kind: 'record',
      record: {
        metadataPrefix,
        schema: childText(node, 'schema'),
        metadataNamespace: childText(node, 'metadataNamespace'),
      },
    };
  },
};
