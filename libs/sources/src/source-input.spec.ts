import { SourceError, SourceErrorCode } from './source.errors';
import { validateSourceInput } from './source-input';

const valid = {
  id: 'hcmus-dspace',
  libraryName: 'Thư viện Trường ĐH Khoa học Tự nhiên',
  libraryKind: 'university' as const,
  baseUrl: 'https://repository.hcmus.edu.vn/oai/request',
  metadataPrefix: 'oai_dc',
  schedule: '0 2 * * *',
};

function refusal(input: Record<string, unknown>): string {
  try {
    validateSourceInput(input as never);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe(SourceErrorCode.Invalid);
    return (error as SourceError).message;
  }
  throw new Error('expected a refusal');
}

describe('validateSourceInput', () => {
  it('accepts a well-formed registration', () => {
    expect(() => validateSourceInput(valid)).not.toThrow();
  });

  it.each([
    [{ id: 'HCMUS DSpace' }, /Source id "HCMUS DSpace" must be 2–64 lowercase/],
    [{ libraryKind: 'museum' }, /libraryKind "museum" must be one of national, university/],
    [{ baseUrl: 'ftp://lib.example.vn/oai' }, /must use http or https/],
    [
      { baseUrl: 'https://user:secret@lib.example.vn/oai' },
      /must not carry a user name or password/,
    ],
    [{ baseUrl: 'https://lib.example.vn/oai?verb=Identify' }, /must not have a query string/],
    [{ baseUrl: 'https://lib.example.vn/oai#top' }, /must not have a #fragment/],
    [{ baseUrl: 'not a url' }, /is not a URL/],
    [{ metadataPrefix: 'oai dc' }, /not a valid OAI-PMH metadataPrefix/],
    [{ schedule: 'every night' }, /is not a cron expression/],
  ] as [Record<string, unknown>, RegExp][])('refuses %j and says what to do', (change, message) => {
    expect(refusal({ ...valid, ...change })).toMatch(message);
  });

  it('refuses text longer than it stores, saying the limit', () => {
    expect(refusal({ ...valid, libraryName: 'T'.repeat(90_000) })).toBe(
      'libraryName is 90000 characters long; the limit is 200.',
    );
    expect(refusal({ ...valid, sets: ['a'.repeat(201)] })).toMatch(/setSpec.*limit is 200/);
  });

  it('repeats only the start of a long refused value', () => {
    const message = refusal({ ...valid, id: 'X'.repeat(5000) });
    expect(message).toMatch(/^Source id "X{80}… \(5000 characters\)" must be/);
    expect(message.length).toBeLessThan(250);
  });
});
