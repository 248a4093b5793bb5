import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

export const FACET_NAMES = [
  'sources',
  'libraryKinds',
  'provinces',
  'years',
  'languages',
  'types',
  'subjects',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, info);
    return fieldsOf(info.fragments[selection.name.value]?.selectionSet, info);
  });
}

/**
 * The facets the query asks for. Each facet is an aggregation over every matching record,
 * so only the requested ones are computed.
 */
export function requestedFacets(info: GraphQLResolveInfo): FacetName[] {
  const facets = info.fieldNodes
    .flatMap((node) => fieldsOf(node.selectionSet, info))
    .filter((f) => f.name.value === 'facets');
  const names = new Set(
    facets.flatMap((f) => fieldsOf(f.selectionSet, info)).map((f) => f.name.value),
  );
  return FACET_NAMES.filter((name) => names.has(name));
}
