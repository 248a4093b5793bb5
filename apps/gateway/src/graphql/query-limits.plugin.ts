import type { ApolloServerPlugin } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Depth of the deepest selection, following fragments (cycles are invalid GraphQL, but guard anyway). */
function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(
        deepest,
        selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1,
      );
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      deepest = Math.max(
        deepest,
        depthOf(fragments[selection.name.value]?.selectionSet, fragments, seen),
      );
    }
  }
  return deepest;
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
}

function isIntrospectionOnly(set: SelectionSetNode): boolean {
  return set.selections.every(
    (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
  );
}

/**
 * Refuses queries nested deeper than `maxDepth` or costing more than `maxComplexity` before
 * any resolver runs. List queries declare their cost as child cost × page size.
 */
export function queryLimitsPlugin(
  schema: () => GraphQLSchema,
  maxDepth: number,
  maxComplexity: number,
): ApolloServerPlugin {
  const measured = new LRUCache<string, { depth: number; complexity: number }>({ max: 2000 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, queryHash }) {
          // Schema introspection (what explorers send to learn the schema) is deep by nature and cheap.
          if (!operation || isIntrospectionOnly(operation.selectionSet)) return;
          // The same search arrives again and again with the same variables; measure it once.
          const key = `${queryHash}\n${request.operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}`;
          let size = measured.get(key);
          if (!size) {
            size = {
              depth: depthOf(operation.selectionSet, fragmentsOf(document)),
              complexity: getComplexity({
                schema: schema(),
                query: document,
                operationName: request.operationName ?? undefined,
                variables: request.variables ?? {},
                estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
              }),
            };
            measured.set(key, size);
          }
          const { depth, complexity } = size;
          if (depth > maxDepth) {
            throw new GraphQLError(
              `Query is nested ${depth} levels deep; the limit is ${maxDepth}. Ask for fewer nested fields.`,
              {
                extensions: { code: 'QUERY_TOO_DEEP' },
              },
            );
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `Query cost ${complexity} is over the limit of ${maxComplexity}; ask for smaller pages or fewer fields.`,
              {
                extensions: { code: 'QUERY_TOO_COMPLEX' },
              },
            );
          }
        },
      };
    },
  };
}
