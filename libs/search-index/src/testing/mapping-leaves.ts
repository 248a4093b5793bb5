import type { MappingProperty } from '@elastic/elasticsearch/lib/api/types';

/** Every leaf field path of a mapping ('search.title', 'holdings.library.kind'), for the mapping/type agreement specs. */
export function leavesOf(properties: Record<string, MappingProperty>, prefix = ''): string[] {
  return Object.entries(properties).flatMap(([name, property]) =>
    'properties' in property && property.properties
      ? leavesOf(property.properties, `${prefix}${name}.`)
      : [`${prefix}${name}`],
  );
}
