import { Card, Empty, List, Tag } from 'antd';
import { useI18n } from '../i18n/i18n';
import type { PreviewRecord } from './CheckSteps';

/** A few real records of the endpoint as the union catalogue will show them, with warnings. */
export function PreviewRecords({ records }: { records: PreviewRecord[] }) {
  const { t } = useI18n();
  return (
    <Card
      style={{ marginTop: 16 }}
      title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('register.preview')}</h2>}
    >
      {records.length === 0 ? (
        <Empty description={t('register.noPreview')} />
      ) : (
        <List
          dataSource={records}
          renderItem={(record) => (
            <List.Item data-testid="preview-record">
              <List.Item.Meta
                title={record.title ?? <em>{t('register.noTitle')}</em>}
                description={
                  <>
                    <div>
                      {[record.creators.join('; '), record.year, record.type, record.language]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    <div>
                      <code>{record.identifier}</code>
                    </div>
                    {record.warnings.map((w) => (
                      <Tag
                        key={w.code + w.message}
                        color="#8a5a00"
                        style={{ marginTop: 4, whiteSpace: 'normal' }}
                      >
                        {w.code}: {w.message}
                      </Tag>
                    ))}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
