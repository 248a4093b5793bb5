import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { FACET_NAMES, type FacetName } from '@hop-luu/search-index';
import type { WorkSelection } from './work-source';

function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, info);
    return fieldsOf(info.fragments[selection.name.value]?.selectionSet, info);
  });
}

/** Names of the fields selected at `path` below the resolved field, e.g. ['works', 'representative']. */
export function selectedAt(info: GraphQLResolveInfo, path: string[]): Set<string> {
  let nodes: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    nodes = nodes
      .flatMap((node) => fieldsOf(node.selectionSet, info))
      .filter((field) => field.name.value === name);
  }
  return new Set(
    nodes.flatMap((node) => fieldsOf(node.selectionSet, info)).map((field) => field.name.value),
  );
}

/**
 * What a search must compute for this query. Facets, highlights, holdings and the work
 * count are each extra work for Elasticsearch, so only what the query selects is asked for.
 */
export interface SearchNeeds {
  readonly facets: FacetName[];
  readonly highlights: boolean;
  readonly holdings: boolean;
  /** totalCount, totalCountIsExact or recordCount: each needs every match counted. */
  readonly counts: boolean;
  /** recordCount of the works view: the records behind the matching works. */
  readonly recordCount: boolean;
  /** Works view: what each work shows, so only that is fetched (sorted names: a cache key part). */
  readonly shown: WorkSelection;
}

export function searchNeeds(info: GraphQLResolveInfo, listField: 'records' | 'works'): SearchNeeds {
  const facets = selectedAt(info, ['facets']);
  const record =
    listField === 'works'
      ? selectedAt(info, ['works', 'representative'])
      : selectedAt(info, ['records']);
  const work = selectedAt(info, ['works']);
  const top = selectedAt(info, []);
  const holdings = work.has('holdings') || work.has('holdingsCount');
  const sorted = (names: Set<string>) => [...names].sort();
  return {
    facets: FACET_NAMES.filter((name) => facets.has(name)),
    highlights: record.has('highlights'),
    holdings,
    counts: ['totalCount', 'totalCountIsExact', 'recordCount'].some((name) => top.has(name)),
    recordCount: listField === 'works' && top.has('recordCount'),
    shown: {
      representative: listField === 'works' ? sorted(record) : [],
      holdings: holdings ? sorted(selectedAt(info, ['works', 'holdings'])) : undefined,
    },
  };
}
