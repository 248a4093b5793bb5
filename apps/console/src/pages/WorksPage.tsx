import { Input, List, Space } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { formatNumber } from '../lib/format';

const SEARCH = `query ConsoleSearch($query: String) {
  search(query: $query, first: 20) {
    totalCount recordCount
    works { id holdingsCount representative { title creators year } holdings { libraryName } }
  }
}`;

interface SearchData {
  search: {
    totalCount: number;
    recordCount: number;
    works: Array<{
      id: string;
      holdingsCount: number;
      representative: { title: string; creators: string[]; year: number | null };
      holdings: Array<{ libraryName: string }>;
    }>;
  };
}

/** Search the union catalogue, one entry per work; a work opens its records and evidence. */
export default function WorksPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [result] = useQuery<SearchData>({ query: SEARCH, variables: { query }, pause: !query });
  const found = result.data?.search;
  return (
    <>
      <PageTitle text={t('works.title')} />
      <Input.Search
        aria-label={t('works.search')}
        placeholder={t('works.search')}
        defaultValue={query}
        enterButton={t('works.searchButton')}
        allowClear
        onSearch={(value) => setParams(value ? { q: value } : {})}
        style={{ maxWidth: 640, marginBottom: 16 }}
      />
      {query && (
        <QueryState fetching={result.fetching} error={result.error} hasData={!!found}>
          {found && (
            <>
              <p role="status">
                {t('works.count', {
                  works: formatNumber(found.totalCount, lang),
                  records: formatNumber(found.recordCount, lang),
                })}
              </p>
              <List
                bordered
                dataSource={found.works}
                renderItem={(work) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Link to={`/works/${encodeURIComponent(work.id)}`}>
                          {work.representative.title}
                        </Link>
                      }
                      description={
                        <Space wrap split="·">
                          <span>{work.representative.creators.join('; ') || '—'}</span>
                          <span>{work.representative.year ?? '—'}</span>
                          <span>
                            {t('works.heldBy', { count: formatNumber(work.holdingsCount, lang) })}
                            {': '}
                            {work.holdings.map((h) => h.libraryName).join(', ')}
                          </span>
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            </>
          )}
        </QueryState>
      )}
    </>
  );
}
