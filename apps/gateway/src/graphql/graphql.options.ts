import { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import DataLoader from 'dataloader';
import { GraphQLSchema } from 'graphql';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { AppConfig } from '@hop-luu/config';
import { HarvestRunsService } from '@hop-luu/harvest-runs';
import { CatalogueIndex } from '@hop-luu/search-index';
import { sourceStatsLoaders } from '../sources/source-stats.loaders';
import { CallerService } from '../access/caller.service';
import { RecordsService } from '../catalogue/records.service';
import { formatError } from './error-formatter';
import { contextError, httpStatusPlugin } from './http-status';
import { MAX_DOCUMENT_TOKENS, queryLimitsPlugin } from './query-limits.plugin';
import { AnswerCache } from './answer-cache/answer-cache';
import { answerCachePlugin } from './answer-cache/answer-cache.plugin';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { abandonmentOf, GatewayContext } from './request-context';

/** Code-first schemas leave the root types undescribed; the explorer shows these texts first. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query)
    query.description =
      'Union-catalogue searches (open to anyone), sources, and harvest runs (partners and staff).';
  if (mutation)
    mutation.description =
      'Source management and harvest triggers; needs an API key (X-API-Key header).';
  return schema;
}

/** Apollo Server for the gateway: code-first schema, limits, one error format, per-request context. */
export function graphqlOptions(
  config: AppConfig,
  caller: CallerService,
  records: RecordsService,
  catalogue: CatalogueIndex,
  runs: HarvestRunsService,
  answers: AnswerCache,
  metrics: GatewayMetrics,
): ApolloDriverConfig {
  let schema: GraphQLSchema | undefined;
  return {
    autoSchemaFile: true,
    sortSchema: true,
    introspection: true,
    playground: false,
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    // Nest would reset every answer with data to 200; httpStatusPlugin decides the status instead.
    preserveHttpStatusForExecutionErrors: false,
    transformSchema: (built: GraphQLSchema) => (schema = describeRootTypes(built)),
    // Compact JSON: Apollo indents responses by default, which costs time on every answer.
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      // The explorer is served by ExplorerController at /explorer, offline.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; without this plugin Apollo stops wrapping every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(() => schema!, {
        maxDepth: config.gateway.maxQueryDepth,
        maxComplexity: config.gateway.maxQueryComplexity,
        maxTopLevelFields: config.gateway.maxTopLevelFields,
      }),
      answerCachePlugin(answers),
      httpStatusPlugin(),
    ],
    formatError: (formatted, error) => {
      const answered = formatError(formatted, error);
      metrics.errors.inc({ code: String(answered.extensions?.code) });
      return answered;
    },
    context: async ({ req, res }: { req: Request; res: Response }): Promise<GatewayContext> => ({
      req,
      actor: await caller.identify(req).catch((error: unknown) => {
        throw contextError(error);
      }),
      abandoned: abandonmentOf(res),
      records: new DataLoader((ids: readonly string[]) => records.byIds(ids), {
        maxBatchSize: 100,
      }),
      sourceStats: sourceStatsLoaders(catalogue, runs),
    }),
  };
}
