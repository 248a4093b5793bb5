import { en } from './en';
import { interpolate, placeholdersOf } from './interpolate';
import { vi } from './vi';

describe('message catalogues', () => {
  it('have the same keys in Vietnamese and English, so no text is missing in either', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('use the same placeholders for each key, so no figure disappears in translation', () => {
    const differing = (Object.keys(vi) as Array<keyof typeof vi>).filter(
      (key) => placeholdersOf(vi[key]).join() !== placeholdersOf(en[key]).join(),
    );
    expect(differing).toEqual([]);
  });

  it('have no empty message', () => {
    expect(Object.entries({ ...vi }).filter(([, text]) => !text.trim())).toEqual([]);
    expect(Object.entries(en).filter(([, text]) => !text.trim())).toEqual([]);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(interpolate(vi['run.title'], { id: 42 })).toBe('Lượt thu thập #42');
    expect(interpolate('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
