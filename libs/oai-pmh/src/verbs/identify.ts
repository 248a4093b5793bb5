import { isGranularity } from '../granularity';
import type { ItemMapper } from '../list/item-mapper';
import type { OaiIdentify } from '../types';
import { childText, childTexts, scopeOf, standaloneXml } from '../xml/node';

/** Identify minus responseDate, which comes from the envelope. */
export type IdentifyBody = Omit<OaiIdentify, 'responseDate'>;

export function identifyMapper(source: string): ItemMapper<IdentifyBody> {
  return {
    itemName: 'Identify',
    map(node, xml, context) {
      const granularity = childText(node, 'granularity');
      if (!isGranularity(granularity)) {
        return {
          kind: 'failure',
          reason:
            `Source ${source} declared granularity "${granularity}" in Identify, which OAI-PMH 2.0 does not allow; ` +
            'pass the granularity explicitly in the client options',
        };
      }
      const description = node.children.filter((c) => c.name === 'description');
      return {
        kind: 'record',
        record: {
          repositoryName: childText(node, 'repositoryName'),
          baseURL: childText(node, 'baseURL'),
          protocolVersion: childText(node, 'protocolVersion'),
          adminEmails: childTexts(node, 'adminEmail'),
          earliestDatestamp: childText(node, 'earliestDatestamp'),
          deletedRecord: childText(node, 'deletedRecord'),
          granularity,
          compression: childTexts(node, 'compression'),
          descriptionXml: description.flatMap((d) =>
            d.children.map((c) => standaloneXml(xml, c, scopeOf(context, node, d))),
          ),
        },
      };
    },
  };
}
