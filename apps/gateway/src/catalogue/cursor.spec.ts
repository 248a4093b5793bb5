import { CatalogueError } from './catalogue.errors';
import { decodeCursor, encodeCursor, fingerprint } from './cursor';

describe('cursors', () => {
  const search = fingerprint(['records', 'lich su', undefined, 'RELEVANCE']);

  it('round-trips the position of a search', () => {
    const cursor = encodeCursor({ f: search, a: [3.5, 'nlv:oai:1'] });
    expect(decodeCursor(cursor, search).a).toEqual([3.5, 'nlv:oai:1']);
  });

  it('refuses a cursor made for another search', () => {
    const other = fingerprint(['records', 'truyen kieu', undefined, 'RELEVANCE']);
    expect(() => decodeCursor(encodeCursor({ f: other, o: 20 }), search)).toThrow(
      /different query/,
    );
  });

  it('refuses a cursor that is not one of ours', () => {
    expect(() => decodeCursor('not-a-cursor', search)).toThrow(CatalogueError);
  });
});
