import { Button, Card, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { factText } from '../lib/match-facts';

export interface WorkRecord {
  id: string;
  title: string;
  subtitle: string | null;
  creators: string[];
  year: number | null;
  publisher: string | null;
  place: string | null;
  edition: string | null;
  isbn: string[];
  issn: string[];
  format: string;
  heldBy: {
    sourceId: string;
    libraryName: string;
    callNumber: string | null;
    location: string | null;
    oaiIdentifier: string;
    link: string | null;
  };
}

/** One record's place in a work: the rule that put it there and the values that rule compared. */
export interface WorkMember {
  rule: string;
  facts: string[];
  joinedWith: string | null;
  decisionId: string | null;
  record: WorkRecord;
}

export const MEMBER_FIELDS = `rule facts joinedWith decisionId
  record {
    id title subtitle creators year publisher place edition isbn issn format
    heldBy { sourceId libraryName callNumber location oaiIdentifier link }
  }`;

interface Props {
  member: WorkMember;
  /** Staff may split a record out of a work that has more than one. */
  onSplit?: () => void;
}

export function WorkMemberCard({ member, onSplit }: Props) {
  const { t, tValue } = useI18n();
  const { record } = member;
  return (
    <Card
      size="small"
      data-testid={`member-${record.id}`}
      title={<h3 style={{ fontSize: 15, margin: 0 }}>{record.heldBy.libraryName}</h3>}
      extra={<Tag>{record.format}</Tag>}
    >
      <p style={{ marginTop: 0 }}>
        <strong>{record.title}</strong>
        {record.subtitle ? ` : ${record.subtitle}` : ''}
      </p>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <span>{record.creators.join('; ') || '—'}</span>
        <span>
          {[record.publisher, record.place, record.year, record.edition].filter(Boolean).join(', ')}
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
        <div data-testid={`evidence-${record.id}`} style={{ marginTop: 8 }}>
          <strong>{t('work.why')}:</strong> {tValue('rule', member.rule)}
          {member.joinedWith && (
            <span>
              {' '}
              ({t('work.joinedWith')} <code>{member.joinedWith}</code>)
            </span>
          )}
          {member.facts.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {member.facts.map((fact) => (
                <li key={fact}>{factText(fact, t)}</li>
              ))}
            </ul>
          )}
        </div>
        {onSplit && (
          <Button size="small" onClick={onSplit} data-testid={`split-${record.id}`}>
            {t('curation.splitAction')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
