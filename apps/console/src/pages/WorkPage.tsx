import { Card, Descriptions, List, Space, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { NoAccess } from '../components/NoAccess';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { useI18n, type MessageKey } from '../i18n/i18n';

const CLUSTER = `query ConsoleWork($id: String!) {
  cluster(id: $id) {
    id
    evidence { key basis isbn issn title creator year edition }
    records {
      id title subtitle creators year publisher place edition languages type isbn issn format datestamp
      heldBy { sourceId libraryName province callNumber location oaiIdentifier link }
    }
  }
}`;

interface Evidence {
  key: string;
  basis: string;
  isbn: string | null;
  issn: string | null;
  title: string | null;
  creator: string | null;
  year: string | null;
  edition: string | null;
}

interface WorkRecord {
  id: string;
  title: string;
  subtitle: string | null;
  creators: string[];
  year: number | null;
  publisher: string | null;
  place: string | null;
  edition: string | null;
  languages: string[];
  type: string;
  isbn: string[];
  issn: string[];
  format: string;
  datestamp: string;
  heldBy: {
    sourceId: string;
    libraryName: string;
    province: string | null;
    callNumber: string | null;
    location: string | null;
    oaiIdentifier: string;
    link: string | null;
  };
}

/** The parts of the cluster key, with their labels. */
const EVIDENCE_FIELDS: Array<[keyof Omit<Evidence, 'key' | 'basis'>, MessageKey]> = [
  ['isbn', 'work.isbn'],
  ['issn', 'work.issn'],
  ['title', 'field.TITLE'],
  ['creator', 'field.CREATOR'],
  ['year', 'field.YEAR'],
  ['edition', 'work.edition'],
];

/** One work: every record grouped under its cluster key, who holds it, and why they were grouped. */
export default function WorkPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [result] = useQuery<{
    cluster: { id: string; evidence: Evidence; records: WorkRecord[] } | null;
  }>({
    query: CLUSTER,
    variables: { id },
  });
  const cluster = result.data?.cluster;
  if (result.data && !cluster) return <NoAccess />;
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={!!cluster}>
      {cluster && (
        <>
          <PageTitle text={cluster.records[0]?.title ?? t('work.title')} />
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('work.evidence')}</h2>}
          >
            <Descriptions.Item label={t('work.key')}>
              <code>{cluster.evidence.key}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('work.basis')}>{cluster.evidence.basis}</Descriptions.Item>
            {EVIDENCE_FIELDS.filter(([field]) => cluster.evidence[field]).map(([field, label]) => (
              <Descriptions.Item key={field} label={t(label)}>
                {cluster.evidence[field]}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <h2 style={{ fontSize: 18, marginTop: 24 }}>
            {t('work.records', { count: cluster.records.length })}
          </h2>
          <List
            grid={{ gutter: 16, xs: 1, lg: 2 }}
            dataSource={cluster.records}
            renderItem={(record) => (
              <List.Item>
                <Card
                  size="small"
                  title={<h3 style={{ fontSize: 15, margin: 0 }}>{record.heldBy.libraryName}</h3>}
                  extra={<Tag>{record.format}</Tag>}
                >
                  <p style={{ marginTop: 0 }}>
                    <strong>{record.title}</strong>
                    {record.subtitle ? ` : ${record.subtitle}` : ''}
                  </p>
                  <Space direction="vertical" size={2}>
                    <span>{record.creators.join('; ') || '—'}</span>
                    <span>
                      {[record.publisher, record.place, record.year, record.edition]
                        .filter(Boolean)
                        .join(', ')}
                    </span>
                    {record.isbn.length > 0 && <span>ISBN {record.isbn.join(', ')}</span>}
                    {record.issn.length > 0 && <span>ISSN {record.issn.join(', ')}</span>}
                    <span>
                      {t('work.holding')}:{' '}
                      <Link to={`/sources/${encodeURIComponent(record.heldBy.sourceId)}`}>
                        {record.heldBy.libraryName}
                      </Link>
                      {record.heldBy.callNumber ? ` — ${record.heldBy.callNumber}` : ''}
                      {record.heldBy.location ? ` (${record.heldBy.location})` : ''}
                    </span>
                    <code>{record.heldBy.oaiIdentifier}</code>
                    {record.heldBy.link && (
                      <a href={record.heldBy.link} rel="noreferrer noopener" target="_blank">
                        {t('work.openAtLibrary')}
                      </a>
                    )}
                  </Space>
                </Card>
              </List.Item>
            )}
          />
        </>
      )}
    </QueryState>
  );
}
