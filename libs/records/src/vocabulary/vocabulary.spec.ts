import { toIso639_3 } from './languages';
import { mapResourceType, pickResourceType } from './resource-types';

describe('toIso639_3', () => {
  it.each([
    ['vi', 'vie'],
    ['vie', 'vie'],
    ['Vietnamese', 'vie'],
    ['Tiếng Việt', 'vie'],
    ['tieng viet', 'vie'],
    ['en', 'eng'],
    ['en-US', 'eng'],
    ['fre', 'fra'],
    ['Tiếng Pháp', 'fra'],
    ['chi', 'zho'],
    ['ger', 'deu'],
    ['haw', 'haw'],
  ])('%s → %s', (input, expected) => {
    expect(toIso639_3(input)).toBe(expected);
  });

  it.each(['und', 'Klingonese', ''])('%s is not a language we can code', (input) => {
    expect(toIso639_3(input)).toBeUndefined();
  });
});

describe('resource types', () => {
  it.each([
    ['Thesis', 'thesis'],
    ['Luận văn', 'thesis'],
    ['info:eu-repo/semantics/doctoralThesis', 'thesis'],
    ['Article', 'article'],
    ['info:eu-repo/semantics/article', 'article'],
    ['Sách', 'book'],
    ['Bản đồ', 'map'],
    ['Dataset', 'dataset'],
    ['Still Image', 'image'],
  ])('%s → %s', (input, expected) => {
    expect(mapResourceType(input)).toBe(expected);
  });

  it("prefers a specific term over the generic 'Text'", () => {
    expect(pickResourceType(['Text', 'Luận văn'])).toBe('thesis');
    expect(pickResourceType(['Text'])).toBe('book');
    expect(pickResourceType(['Interactive resource'])).toBe('other');
  });
});
