import type { ApolloServerPlugin } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import {
  ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxComplexity: number;
  /** Each top-level field costs at least maxComplexity / this, so no more of them fit. */
  readonly maxTopLevelFields: number;
}

/**
 * Fields one operation may ask of `__schema` and `__type`, fragments expanded. The explorer's
 * schema query asks about 220; 800 aliases of it once turned 60 KB in into 8.6 MB out.
 */
export const MAX_INTROSPECTION_FIELDS = 1000;
/** Fields walked while measuring, so fragments spread within fragments cannot explode the walk. */
const MAX_NODES = 20_000;
/**
 * Tokens a document may have (longer ones are refused while parsing, GRAPHQL_PARSE_FAILED):
 * validating costs about a second per 15,000 tokens. 1,000 aliases of a search are ~13,000.
 */
export const MAX_DOCUMENT_TOKENS = 20_000;

type Fragments = Record<string, FragmentDefinitionNode>;

/** Depth of the deepest selection, following fragments (cycles are invalid GraphQL, but guard anyway). */
function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Fragments,
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

/**
 * Fields asked inside `__schema` / `__type` (each alias counted), fragments expanded; stops
 * counting past `limit`, so a document built to expand exponentially costs no more to measure.
 */
function introspectionFields(set: SelectionSetNode, fragments: Fragments, limit: number): number {
  let count = 0;
  const walk = (selections: SelectionSetNode | undefined, inside: boolean): void => {
    for (const selection of selections?.selections ?? []) {
      if (count > limit) return;
      if (selection.kind === Kind.FIELD) {
        const introspecting =
          inside || selection.name.value === '__schema' || selection.name.value === '__type';
        if (introspecting) count++;
        walk(selection.selectionSet, introspecting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, inside);
      } else {
        walk(fragments[selection.name.value]?.selectionSet, inside);
      }
    }
  };
  walk(set, false);
  return count;
}

function fragmentsOf(document: DocumentNode): Fragments {
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
 * Every top-level query or mutation field runs at least one search or database query (or, for
 * registerSource, a live check of an endpoint): each costs at least `floor`, so a request of
 * a thousand aliases is refused before anything runs.
 */
function topLevelFloor(schema: GraphQLSchema, floor: number): ComplexityEstimator {
  const roots = new Set([schema.getQueryType(), schema.getMutationType()].filter(Boolean));
  const declared = fieldExtensionsEstimator();
  const simple = simpleEstimator({ defaultComplexity: 1 });
  return (options) => {
    if (!roots.has(options.type as never) || options.field.name.startsWith('__')) return undefined;
    return Math.max(floor, declared(options) ?? simple(options) ?? 0);
  };
}

function refuse(code: 'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX', message: string): never {
  throw new GraphQLError(message, { extensions: { code } });
}

/** Fields at the root of `set` (introspection aside), root fragments expanded once each. */
function topLevelFieldCount(
  set: SelectionSetNode,
  fragments: Fragments,
  seen = new Set<string>(),
): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value.startsWith('__') ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      count += topLevelFieldCount(selection.selectionSet, fragments, seen);
    else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
      seen.add(selection.name.value);
      count += topLevelFieldCount(fragments[selection.name.value].selectionSet, fragments, seen);
    }
  }
  return count;
}

function tooManyFieldsMessage(count: number, limits: QueryLimits): string {
  const floor = Math.ceil(limits.maxComplexity / limits.maxTopLevelFields);
  return `Query has ${count} top-level fields; at most ${limits.maxTopLevelFields} fit in one request (each costs at least ${floor} of the limit of ${limits.maxComplexity}). Send fewer aliases.`;
}

/** True when the variables do not fit the operation; execution then refuses the request with GraphQL's own 400 message. */
function variablesDoNotFit(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): boolean {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
    maxErrors: 1,
  });
  return coerced.errors !== undefined;
}

interface Size {
  readonly depth: number;
  readonly complexity: number;
  readonly introspection: number;
}

function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): Size {
  const fragments = fragmentsOf(document);
  const introspection = introspectionFields(
    operation.selectionSet,
    fragments,
    MAX_INTROSPECTION_FIELDS,
  );
  // Schema introspection (what explorers send to learn the schema) is deep by nature; its size is capped above.
  if (isIntrospectionOnly(operation.selectionSet))
    return { depth: 0, complexity: 0, introspection };
  // A thousand aliases are refused without walking all of them for their cost.
  const topLevel = topLevelFieldCount(operation.selectionSet, fragments);
  if (topLevel > limits.maxTopLevelFields)
    refuse('QUERY_TOO_COMPLEX', tooManyFieldsMessage(topLevel, limits));
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      maxQueryNodes: MAX_NODES,
      estimators: [
        topLevelFloor(schema, Math.ceil(limits.maxComplexity / limits.maxTopLevelFields)),
        fieldExtensionsEstimator(),
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    });
  } catch (error) {
    // graphql-query-complexity stops walking past maxQueryNodes fields.
    return refuse(
      'QUERY_TOO_COMPLEX',
      `The query is too large to measure: ${(error as Error).message} Ask for fewer fields.`,
    );
  }
  return { depth: depthOf(operation.selectionSet, fragments), complexity, introspection };
}

function enforce(size: Size, limits: QueryLimits): void {
  if (size.introspection > MAX_INTROSPECTION_FIELDS) {
    refuse(
      'QUERY_TOO_COMPLEX',
      `The query asks more than ${MAX_INTROSPECTION_FIELDS} fields of __schema/__type; the full schema query needs about 220. Ask for the schema once.`,
    );
  }
  if (size.depth > limits.maxDepth) {
    refuse(
      'QUERY_TOO_DEEP',
      `Query is nested ${size.depth} levels deep; the limit is ${limits.maxDepth}. Ask for fewer nested fields.`,
    );
  }
  if (size.complexity > limits.maxComplexity) {
    const floor = Math.ceil(limits.maxComplexity / limits.maxTopLevelFields);
    refuse(
      'QUERY_TOO_COMPLEX',
      `Query cost ${size.complexity} is over the limit of ${limits.maxComplexity}; ask for smaller pages or fewer fields (each top-level field costs at least ${floor}, so at most ${limits.maxTopLevelFields} fit in one request).`,
    );
  }
}

/**
 * Refuses queries nested deeper than `maxDepth`, costing more than `maxComplexity`, or asking
 * too much of introspection, before any resolver runs. List queries declare their cost as
 * child cost × page size; top-level fields have a minimum cost (topLevelFloor).
 */
export function queryLimitsPlugin(
  schema: () => GraphQLSchema,
  limits: QueryLimits,
): ApolloServerPlugin {
  const measured = new LRUCache<string, Size>({ max: 2000 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, queryHash }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          // Execution refuses these before any resolver runs, with a 400 naming the field.
          if (variablesDoNotFit(schema(), operation, variables)) return;
          // The same search arrives again and again with the same variables; measure it once.
          const key = `${queryHash}\n${request.operationName ?? ''}\n${JSON.stringify(variables)}`;
          let size = measured.get(key);
          if (!size) {
            size = measure(
              schema(),
              document,
              operation,
              request.operationName ?? undefined,
              variables,
              limits,
            );
            measured.set(key, size);
          }
          enforce(size, limits);
        },
      };
    },
  };
}
