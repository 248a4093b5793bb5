import { CatalogueError } from './catalogue.errors';
import { CursorCodec, fingerprint } from './cursor';

describe('cursors', () => {
  const codec = new CursorCodec('a-test-key-of-thirty-two-characters!');
  const search = fingerprint('["records","lich su",null,"RELEVANCE"]');

  it('round-trips the position of a search', () => {
    const cursor = codec.encodeSearch({ f: search, a: [3.5, 'nlv:oai:1'] });
    expect(codec.recordsAfter(cursor, search)).toEqual([3.5, 'nlv:oai:1']);
    expect(codec.worksOffset(codec.encodeSearch({ f: search, o: 40 }), search, 10_000)).toBe(40);
  });

  it('refuses a cursor made for another search', () => {
    const other = fingerprint('["records","truyen kieu",null,"RELEVANCE"]');
    expect(() => codec.worksOffset(codec.encodeSearch({ f: other, o: 20 }), search, 100)).toThrow(
      /different query/,
    );
  });

  it('refuses a cursor that is not one of ours, or signed with another key', () => {
    expect(() => codec.open('not-a-cursor')).toThrow(CatalogueError);
    const foreign = new CursorCodec('another-key-of-thirty-two-characters');
    expect(() => codec.open(foreign.seal({ f: search, o: 0 }))).toThrow(/altered/);
  });

  it.each([
    ['sort values that are objects', { a: [{}] }],
    ['sort values that are a string', { a: 'x' }],
    ['no sort values', { a: null }],
  ])('refuses a signed record cursor holding %s', (_what, state) => {
    const cursor = codec.seal({ f: search, ...state });
    expect(() => codec.recordsAfter(cursor, search)).toThrow(CatalogueError);
  });

  it.each([-20, 1.5, '40', 20_000])('refuses a signed work cursor with offset %p', (o) => {
    const cursor = codec.seal({ f: search, o });
    expect(() => codec.worksOffset(cursor, search, 10_000)).toThrow(CatalogueError);
  });
});
