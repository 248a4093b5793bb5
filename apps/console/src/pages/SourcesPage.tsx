import { Button, Input, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourcesTable } from '../components/SourcesTable';
import { HEALTHS } from '../components/Tags';
import { useI18n } from '../i18n/i18n';
import {
  LIBRARY_KINDS,
  SOURCES_FALLBACK,
  SOURCES_QUERY,
  type SourcesData,
} from '../lib/sources-query';
import { useQueryWithFallback } from '../lib/use-fallback-query';

/** Every source the person may see (partners: their own), filterable. */
export default function SourcesPage() {
  const { t, tValue } = useI18n();
  const [result] = useQueryWithFallback<SourcesData>(SOURCES_QUERY, SOURCES_FALLBACK, {});
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [health, setHealth] = useState<string | undefined>();
  const all = result.data?.sources;
  const shown = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase('vi');
    return (all ?? []).filter(
      (s) =>
        (!needle ||
          `${s.libraryName} ${s.id} ${s.province ?? ''}`
            .toLocaleLowerCase('vi')
            .includes(needle)) &&
        (!kind || s.libraryKind === kind) &&
        (!health || s.health === health),
    );
  }, [all, text, kind, health]);
  return (
    <>
      <PageTitle text={t('sources.title')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('sources.find')}
          placeholder={t('sources.find')}
          allowClear
          onChange={(event) => setText(event.target.value)}
          style={{ width: 280 }}
        />
        <Select
          aria-label={t('filter.libraryKind')}
          placeholder={t('filter.libraryKind')}
          allowClear
          style={{ minWidth: 200 }}
          value={kind}
          onChange={setKind}
          options={LIBRARY_KINDS.map((k) => ({ value: k, label: tValue('kind', k) }))}
        />
        <Select
          aria-label={t('filter.health')}
          placeholder={t('filter.health')}
          allowClear
          style={{ minWidth: 180 }}
          value={health}
          onChange={setHealth}
          options={HEALTHS.map((h) => ({ value: h, label: tValue('health', h) }))}
        />
        <Link to="/register">
          <Button type="primary">{t('nav.register')}</Button>
        </Link>
      </Space>
      <QueryState fetching={result.fetching} error={result.error} hasData={!!all}>
        <SourcesTable sources={shown} caption={t('sources.count', { count: shown.length })} />
      </QueryState>
    </>
  );
}
