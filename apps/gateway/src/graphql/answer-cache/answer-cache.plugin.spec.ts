import { OperationDefinitionNode, parse } from 'graphql';
import { isCatalogueQuery } from './answer-cache.plugin';

const operationOf = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

describe('isCatalogueQuery', () => {
  it.each([
    ['a search', '{ search(query: "huế") { totalCount } }'],
    ['records and a suggestion', '{ records(ids: ["a"]) { id } suggest(prefix: "lic") }'],
    [
      'a named query with variables',
      'query Q($q: String) { searchRecords(query: $q) { totalCount } }',
    ],
  ])('shares %s', (_name, source) => {
    expect(isCatalogueQuery(operationOf(source))).toBe(true);
  });

  it.each([
    ['sources, whose changes must show at once', '{ search { totalCount } sources { id } }'],
    ['harvest runs', '{ harvestRuns(first: 5) { edges { id } } }'],
    ['a mutation', 'mutation { deleteSource(id: "x") }'],
    ['a fragment at the root', '{ ...F } fragment F on Query { search { totalCount } }'],
    ['introspection', '{ __schema { types { name } } }'],
  ])('does not share %s', (_name, source) => {
    expect(isCatalogueQuery(operationOf(source))).toBe(false);
  });
});
