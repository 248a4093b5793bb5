import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationDefinitionNode } from 'graphql';
import { GatewayContext } from '../request-context';
import { AnswerCache } from './answer-cache';

/**
 * Root fields whose answers depend only on the request and the catalogue: the same for every
 * anonymous caller, and stale for at most the search cache's lifetime. Sources and runs are
 * not here: a newly registered source must show at once.
 */
const CATALOGUE_FIELDS: ReadonlySet<string> = new Set([
  'search',
  'searchRecords',
  'record',
  'records',
  'cluster',
  'suggest',
]);

/** True for a query (not a mutation) that asks for catalogue fields only, named at its root. */
export function isCatalogueQuery(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && CATALOGUE_FIELDS.has(selection.name.value),
    )
  );
}

/** Marks anonymous catalogue answers without errors as ones AnswerCache may keep. */
export function answerCachePlugin(cache: AnswerCache): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let catalogueQuery = false;
      return {
        async didResolveOperation({ operation }) {
          catalogueQuery = operation !== undefined && isCatalogueQuery(operation);
        },
        async willSendResponse({ contextValue, response }) {
          const { body, http } = response;
          const clean = body.kind === 'single' && !body.singleResult.errors;
          const ok = http.status === undefined || http.status === 200;
          if (catalogueQuery && clean && ok && contextValue.actor.kind === 'anonymous')
            cache.markStorable(contextValue.req);
        },
      };
    },
  };
}
