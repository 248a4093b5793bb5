import { displayFetched, holdingFetched, workSourceIncludes } from './work-source';
import { holdingOfWork, toRecord } from './record.mapper';

describe('workSourceIncludes', () => {
  it('fetches only the representative and holding fields a query selects', () => {
    const selection = {
      representative: ['creators', 'title', 'year'],
      holdings: ['callNumber', 'libraryName'],
    };
    expect(workSourceIncludes(selection, undefined)).toEqual([
      'id',
      'representative.title',
      'representative.creators',
      'representative.year',
      'holdings.recordId',
      'holdings.library.name',
      'holdings.callNumber',
    ]);
  });

  it('fetches what a record field is made from, and what the library filters narrow holdings by', () => {
    const includes = workSourceIncludes(
      { representative: ['heldBy', 'highlights'], holdings: [] },
      { libraryKinds: ['university'], provinces: ['Huế'] },
    );
    expect(includes).toEqual([
      'id',
      'representative.sourceId',
      'representative.library',
      'representative.holdings',
      'representative.oaiIdentifier',
      'representative.links',
      'representative.title',
      'representative.creators',
      'representative.subjects',
      'representative.description',
      'holdings.recordId',
      'holdings.library.kind',
      'holdings.library.province',
    ]);
  });

  it('fetches no holdings when neither holdings nor holdingsCount is selected', () => {
    expect(workSourceIncludes({ representative: ['id'] }, undefined)).toEqual([
      'id',
      'representative.id',
    ]);
  });
});

describe('fetched parts of a work', () => {
  it('map to records and holdings without the parts left out', () => {
    const record = toRecord(displayFetched({ title: 'Truyện Kiều', year: 1990 }));
    expect(record).toMatchObject({ title: 'Truyện Kiều', year: 1990, creators: [] });
    const holding = holdingOfWork(holdingFetched({ recordId: 'hue:1', callNumber: '895.9 N' }));
    expect(holding).toMatchObject({ callNumber: '895.9 N', libraryName: '' });
  });
});
