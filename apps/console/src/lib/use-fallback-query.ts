import { useQuery, type AnyVariables, type UseQueryResponse } from 'urql';
import { errorKind } from './gql-errors';

/**
 * Asks with the console contract's fields first; if the gateway does not have them yet (the
 * query fails validation), asks again with the fields it has always had. Pages keep working
 * while the rest of the API lands.
 */
export function useQueryWithFallback<Data, Variables extends AnyVariables = AnyVariables>(
  primary: string,
  fallback: string,
  variables: Variables,
  pause = false,
): UseQueryResponse<Data, Variables> {
  const first = useQuery<Data, Variables>({ query: primary, variables, pause });
  const fallBack = errorKind(first[0].error) === 'notAvailable';
  const second = useQuery<Data, Variables>({
    query: fallback,
    variables,
    pause: pause || !fallBack,
  });
  return fallBack ? second : first;
}
