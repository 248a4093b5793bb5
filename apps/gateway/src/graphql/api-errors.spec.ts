import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allApiCodes, statusOf } from './api-errors';

describe("the README's list of error codes", () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Error codes'));
  const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map(([, code, status]) => ({
    code,
    status: Number(status),
  }));

  it('names every code the gateway answers with, and no other', () => {
    expect(rows.map((row) => row.code).sort()).toEqual(allApiCodes());
  });

  it('gives each code the HTTP status the gateway sends', () => {
    for (const row of rows) expect({ code: row.code, status: statusOf(row.code) }).toEqual(row);
  });
});
