import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SecretShownOnce } from '../components/SecretShownOnce';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';
import { errorKind, errorText } from '../lib/gql-errors';

const KEYS = `query ConsoleKeys { apiKeys { prefix status partnerName role label createdAt expiresAt lastUsedAt revokedAt } }`;
const REVOKE = `mutation ConsoleRevokeKey($prefix: String!) { revokeApiKey(prefix: $prefix) { prefix status revokedAt } }`;
const ROTATE = `mutation ConsoleRotateKey($prefix: String!) { rotateApiKey(prefix: $prefix) { key apiKey { prefix } } }`;
const CREATE = `mutation ConsoleCreateKey($label: String, $expiresAt: DateTime) {
  createApiKey(label: $label, expiresAt: $expiresAt) { key apiKey { prefix } }
}`;

interface ApiKey {
  prefix: string;
  status: string;
  partnerName: string;
  role: string;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface Issued {
  key: string;
  apiKey: { prefix: string };
}

const STATUS_COLOURS: Record<string, string> = {
  ACTIVE: '#1f7a1f',
  EXPIRED: '#8a5a00',
  REVOKED: '#595959',
};

/** API keys for programs: create (secret shown once), list, revoke, rotate. */
export default function KeysPage() {
  const { t, tValue } = useI18n();
  const { message } = App.useApp();
  const [result, refetch] = useQuery<{ apiKeys: ApiKey[] }>({ query: KEYS });
  const [, revoke] = useMutation(REVOKE);
  const [, rotate] = useMutation<{ rotateApiKey: Issued }>(ROTATE);
  const [creating, create] = useMutation<{ createApiKey: Issued }>(CREATE);
  const [secret, setSecret] = useState<string | null>(null);
  const [createUnavailable, setCreateUnavailable] = useState(false);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const onIssued = (
    issued: Issued | undefined,
    error: Parameters<typeof errorText>[0] | undefined,
  ) => {
    if (error) {
      if (errorKind(error) === 'notAvailable') setCreateUnavailable(true);
      else message.error(errorText(error));
      return;
    }
    if (issued) setSecret(issued.key);
    reload();
  };
  const onCreate = async ({ label, expiresAt }: { label?: string; expiresAt?: Dayjs }) => {
    const answer = await create({
      label: label || null,
      expiresAt: expiresAt ? expiresAt.endOf('day').toISOString() : null,
    });
    onIssued(answer.data?.createApiKey, answer.error);
  };

  return (
    <>
      <PageTitle text={t('keys.title')} />
      <p>{t('keys.intro')}</p>
      <Card
        title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('keys.create')}</h2>}
        style={{ marginBottom: 24 }}
      >
        {createUnavailable && (
          <Alert
            type="info"
            showIcon
            message={t('state.notAvailable')}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form layout="inline" onFinish={(fields) => void onCreate(fields)}>
          <Form.Item label={t('keys.label')} name="label">
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label={t('keys.expiresAt')} name="expiresAt">
            <DatePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={creating.fetching}>
            {t('keys.createSubmit')}
          </Button>
        </Form>
      </Card>
      <QueryState fetching={result.fetching} error={result.error} hasData={!!result.data}>
        <Table<ApiKey>
          rowKey="prefix"
          size="small"
          dataSource={result.data?.apiKeys ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: t('keys.none') }}
          title={() => <h2 style={{ fontSize: 18, margin: 0 }}>{t('keys.list')}</h2>}
          columns={[
            {
              title: t('keys.prefix'),
              dataIndex: 'prefix',
              render: (p: string) => <code>{p}</code>,
            },
            { title: t('keys.label'), dataIndex: 'label', render: (l: string | null) => l ?? '—' },
            {
              title: t('keys.holder'),
              dataIndex: 'partnerName',
              render: (n: string, key) => `${n} (${tValue('role', key.role)})`,
            },
            {
              title: t('keys.status'),
              dataIndex: 'status',
              render: (s: string) => (
                <Tag color={STATUS_COLOURS[s] ?? '#595959'}>{tValue('keyStatus', s)}</Tag>
              ),
            },
            {
              title: t('keys.createdAt'),
              dataIndex: 'createdAt',
              render: (d: string) => formatDateTime(d),
            },
            {
              title: t('keys.expiresAt'),
              dataIndex: 'expiresAt',
              render: (d: string | null) => (d ? formatDateTime(d) : t('keys.never')),
            },
            {
              title: t('keys.lastUsedAt'),
              dataIndex: 'lastUsedAt',
              render: (d: string | null) => (d ? formatDateTime(d) : t('keys.neverUsed')),
            },
            {
              title: t('keys.actions'),
              key: 'actions',
              render: (_, key) =>
                key.status === 'ACTIVE' && (
                  <Space>
                    <Popconfirm
                      title={t('keys.rotateConfirm', { prefix: key.prefix })}
                      okText={t('keys.rotate')}
                      cancelText={t('actions.close')}
                      onConfirm={() =>
                        void rotate({ prefix: key.prefix }).then((a) =>
                          onIssued(a.data?.rotateApiKey, a.error),
                        )
                      }
                    >
                      <Button size="small">{t('keys.rotate')}</Button>
                    </Popconfirm>
                    <Popconfirm
                      title={t('keys.revokeConfirm', { prefix: key.prefix })}
                      okText={t('keys.revoke')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('actions.close')}
                      onConfirm={() =>
                        void revoke({ prefix: key.prefix }).then((a) => {
                          if (a.error) message.error(errorText(a.error));
                          else message.success(t('keys.revoked'));
                          reload();
                        })
                      }
                    >
                      <Button size="small" danger>
                        {t('keys.revoke')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      </QueryState>
      <SecretShownOnce
        secret={secret}
        title="keys.secretTitle"
        text="keys.secretText"
        onClose={() => setSecret(null)}
      />
    </>
  );
}
