import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ELASTICSEARCH_VERSION } from './versions';

describe('Elasticsearch version pin', () => {
  it('matches the major version of the client the code uses', () => {
    const lock = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package-lock.json'), 'utf8'));
    const client: string = lock.packages['node_modules/@elastic/elasticsearch'].version;
    expect(client.split('.')[0]).toBe(ELASTICSEARCH_VERSION.split('.')[0]);
  });
});
