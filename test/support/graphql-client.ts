import { INestApplication } from '@nestjs/common';
import request from 'supertest';

export interface GqlResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  status: number;
}

/** Sends one GraphQL request over HTTP, as a client would. */
export async function gql<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any -- test payloads are read ad hoc
  app: INestApplication,
  query: string,
  variables: Record<string, unknown> = {},
  apiKey?: string,
): Promise<GqlResponse<T>> {
  const call = request(app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json');
  if (apiKey) call.set('x-api-key', apiKey);
  const response = await call.send({ query, variables });
  return { ...(response.body as Omit<GqlResponse<T>, 'status'>), status: response.status };
}

/** The error code of the first error, for assertions. */
export function errorCode(response: GqlResponse): unknown {
  return response.errors?.[0]?.extensions?.code;
}
