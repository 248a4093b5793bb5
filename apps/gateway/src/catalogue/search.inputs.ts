import { ArgsType, Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import type { CatalogueFilters, SearchOrder } from '@hop-luu/search-index';

/** The orders libs/search-index knows, as a GraphQL enum (values are the order names). */
export const SearchSort = {
  RELEVANCE: 'RELEVANCE',
  YEAR_DESC: 'YEAR_DESC',
  YEAR_ASC: 'YEAR_ASC',
  TITLE: 'TITLE',
} as const satisfies { [Order in SearchOrder]: Order };
export type SearchSort = SearchOrder;

registerEnumType(SearchSort, {
  name: 'SearchSort',
  description: 'Order of results; every order ends with the record id, so pages never overlap.',
  valuesMap: {
    RELEVANCE: { description: 'Best match first; diacritic-exact matches rank above folded ones.' },
    YEAR_DESC: { description: 'Newest first; records without a year last.' },
    YEAR_ASC: { description: 'Oldest first; records without a year last.' },
    TITLE: { description: 'By title, ignoring case and diacritics.' },
  },
});

@InputType({
  description: 'Narrows a search. Values within one field are OR-ed; fields are AND-ed.',
})
export class SearchFilters implements CatalogueFilters {
  @Field(() => [String], { nullable: true, description: 'Source ids (partner catalogues).' })
  sourceIds?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Library kinds: national, university, provincial, special, other.',
  })
  libraryKinds?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Provinces of the holding libraries, e.g. "Hà Nội".',
  })
  provinces?: string[];

  @Field(() => Int, { nullable: true, description: 'Earliest year of publication, inclusive.' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Latest year of publication, inclusive.' })
  yearTo?: number;

  @Field(() => [String], {
    nullable: true,
    description: 'Languages, ISO 639-3 (vie, eng, fra, …).',
  })
  languages?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Types: book, article, thesis, journal, map, audio, video, image, dataset, other.',
  })
  types?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Subject headings, exactly as listed in the facets.',
  })
  subjects?: string[];
}

@ArgsType()
export class SearchArgs {
  @Field({
    nullable: true,
    description:
      'Words to find, with or without Vietnamese diacritics ("lich su" finds "lịch sử"). Syntax: "phrase", ' +
      '-exclude, a | b, prefix*; fields: title:, author:, subject:, publisher:, isbn:, issn:. An ISBN in either form finds its record. ' +
      'At most 500 characters, 32 words and 4 prefix* terms.',
  })
  query?: string;

  @Field(() => SearchFilters, {
    nullable: true,
    description: 'Filters; facet counts reflect them.',
  })
  filters?: SearchFilters;

  @Field(() => SearchSort, { defaultValue: SearchSort.RELEVANCE, description: 'Order of results.' })
  sort: SearchSort;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, at most 100.' })
  first: number;

  @Field({ nullable: true, description: 'endCursor of the previous page, to get the next one.' })
  after?: string;
}
