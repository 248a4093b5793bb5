import { CatalogueError } from './catalogue.errors';
import { CursorCodec, fingerprint } from './cursor';

describe('cursors', () => {
  const codec = new CursorCodec('a-test-key-of-thirty-two-characters!');
  const search = fingerprint('["records","lich su",null,"RELEVANCE"]');

  it('round-trips the position of a search', () => {
    const cursor = codec.encodeSearch({ f: search, a: [3.5, 'nlv:oai:1'] });
    expect(codec.searchAfter(cursor, search)).toEqual([3.5, 'nlv:oai:1']);
  });

  it('refuses a cursor made for another search', () => {
    const other = fingerprint('["records","truyen kieu",null,"RELEVANCE"]');
    expect(() => codec.searchAfter(codec.encodeSearch({ f: other, a: [1, 'w1'] }), search)).toThrow(
      /different query/,
    );
  });

  it('refuses a cursor that is not one of ours, or signed with another key', () => {
    expect(() => codec.open('not-a-cursor')).toThrow(CatalogueError);
    const foreign = new CursorCodec('another-key-of-thirty-two-characters');
    expect(() => codec.open(foreign.seal({ f: search, a: [0] }))).toThrow(/altered/);
  });

  it.each([
    ['sort values that are objects', { a: [{}] }],
    ['sort values that are a string', { a: 'x' }],
    ['no sort values', { a: null }],
  ])('refuses a signed cursor holding %s', (_what, state) => {
    const cursor = codec.seal({ f: search, ...state });
    expect(() => codec.searchAfter(cursor, search)).toThrow(CatalogueError);
  });

  it('refuses an offset cursor of the old works pages', () => {
    const cursor = codec.seal({ f: search, o: 40 });
    expect(() => codec.searchAfter(cursor, search)).toThrow(CatalogueError);
  });
});
