import type { PositionedXmlElement } from '@hop-luu/xml';
import type { OaiItem } from '../types';

/** Turns one parsed list item into a public value; one per verb. */
export interface ItemMapper<T> {
  /** Local name of the repeated element, e.g. "record". */
  itemName: string;
  /** `scope` holds the namespaces in scope outside the item. */
  map(node: PositionedXmlElement, xml: string, scope: Record<string, string>): OaiItem<T>;
  identifierOf?(value: T): string | undefined;
}

const IDENTIFIER = /<(?:[\w.-]+:)?identifier\b[^>]*>\s*([^<]*?)\s*</;

/** Best-effort identifier of an item that failed to parse, from its raw text. */
export function identifierInRaw(xml: string): string | undefined {
  return IDENTIFIER.exec(xml)?.[1] || undefined;
}

export function itemIdentifier<T>(item: OaiItem<T>, mapper: ItemMapper<T>): string | undefined {
  return item.kind === 'failure' ? item.identifier : mapper.identifierOf?.(item.record);
}
