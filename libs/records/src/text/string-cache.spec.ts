import { StringCache } from './string-cache';

describe('StringCache', () => {
  it('computes a value once and then remembers it', () => {
    const cache = new StringCache<string>(16);
    const compute = jest.fn((key: string) => key.toUpperCase());
    expect(cache.get('Hà Nội', compute)).toBe('HÀ NỘI');
    expect(cache.get('Hà Nội', compute)).toBe('HÀ NỘI');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('recognises a key by its text, not by the string object', () => {
    const cache = new StringCache<number>(16);
    const compute = jest.fn((key: string) => key.length);
    const doc = '<a>Thư viện</a><b>Thư viện</b>';
    cache.get(doc.slice(3, 11), compute);
    expect(cache.get(doc.slice(18, 26), compute)).toBe(8);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('never confuses keys that share a slot: the newer one replaces the older', () => {
    const cache = new StringCache<string>(1); // one slot: every key shares it
    const compute = jest.fn((key: string) => `<${key}>`);
    expect(cache.get('a', compute)).toBe('<a>');
    expect(cache.get('b', compute)).toBe('<b>');
    expect(cache.get('a', compute)).toBe('<a>');
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('remembers undefined values and the empty key', () => {
    const cache = new StringCache<string | undefined>(16);
    const compute = jest.fn((): string | undefined => undefined);
    cache.get('', compute);
    cache.get('', compute);
    cache.get('x', compute);
    cache.get('x', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
