import { App, Button, Card, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { useMutation, useQuery } from 'urql';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { mustChoose } from '../lib/form-rules';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';
import { errorText } from '../lib/gql-errors';

const PEOPLE = `query ConsolePeople {
  people { id email displayName role partnerId partnerName disabled lastSignInAt }
  partners { id name role }
}`;
const INVITE = `mutation ConsoleInvite($input: InvitePersonInput!) { invitePerson(input: $input) { id } }`;
const DISABLE = `mutation ConsoleDisable($id: ID!, $disabled: Boolean!) { setPersonDisabled(id: $id, disabled: $disabled) { id disabled } }`;
const CREATE_PARTNER = `mutation ConsoleCreatePartner($name: String!) { createPartner(name: $name) { id name } }`;

interface PersonRow {
  id: string;
  email: string;
  displayName: string;
  role: string;
  partnerId: string | null;
  partnerName: string | null;
  disabled: boolean;
  lastSignInAt: string | null;
}

interface Invite {
  email: string;
  displayName: string;
  role: 'staff' | 'partner';
  partnerId?: string;
}

/** Staff: invite people (a set-up link goes by mail), switch accounts off and on. */
export default function PeoplePage() {
  const { t, tValue } = useI18n();
  const { message } = App.useApp();
  const [result, refetch] = useQuery<{
    people: PersonRow[];
    partners: Array<{ id: string; name: string; role: string }>;
  }>({
    query: PEOPLE,
  });
  const [inviting, invite] = useMutation(INVITE);
  const [, setDisabled] = useMutation(DISABLE);
  const [, createPartner] = useMutation<{ createPartner: { id: string } }>(CREATE_PARTNER);
  const [form] = Form.useForm<Invite>();
  const role = Form.useWatch('role', form);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const partners = (result.data?.partners ?? []).filter((p) => p.role === 'partner');

  const onInvite = async (fields: Invite) => {
    const answer = await invite({
      input: { ...fields, partnerId: fields.role === 'partner' ? fields.partnerId : null },
    });
    if (answer.error) message.error(errorText(answer.error));
    else {
      message.success(t('people.invited', { email: fields.email }));
      form.resetFields();
      reload();
    }
  };
  const onNewPartner = async (name: string) => {
    if (!name.trim()) return;
    const answer = await createPartner({ name: name.trim() });
    if (answer.error) message.error(errorText(answer.error));
    else {
      reload();
      form.setFieldsValue({ partnerId: answer.data?.createPartner.id });
    }
  };

  return (
    <>
      <PageTitle text={t('people.title')} />
      <Card
        title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('people.invite')}</h2>}
        style={{ marginBottom: 24 }}
      >
        <Form<Invite>
          form={form}
          layout="vertical"
          initialValues={{ role: 'partner' }}
          onFinish={(f) => void onInvite(f)}
        >
          <Space wrap align="start">
            <Form.Item
              label={t('signIn.email')}
              name="email"
              rules={[{ required: true, type: 'email', message: t('signIn.emailRequired') }]}
            >
              <Input type="email" style={{ width: 260 }} />
            </Form.Item>
            <Form.Item
              label={t('people.displayName')}
              name="displayName"
              rules={[{ required: true, message: t('register.required') }]}
            >
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t('people.role')} name="role">
              <Select
                style={{ width: 160 }}
                options={['partner', 'staff'].map((r) => ({ value: r, label: tValue('role', r) }))}
              />
            </Form.Item>
            {role === 'partner' && (
              <Form.Item
                label={t('people.partner')}
                name="partnerId"
                rules={[mustChoose(t('register.required'))]}
              >
                <Select
                  style={{ width: 260 }}
                  options={partners.map((p) => ({ value: p.id, label: p.name }))}
                />
              </Form.Item>
            )}
            {role === 'partner' && (
              <Form.Item label={t('people.newPartner')} htmlFor="new-partner">
                <Input.Search
                  id="new-partner"
                  enterButton={t('people.addPartner')}
                  onSearch={(name) => void onNewPartner(name)}
                  style={{ width: 300 }}
                />
              </Form.Item>
            )}
          </Space>
          <Button type="primary" htmlType="submit" loading={inviting.fetching}>
            {t('people.inviteSubmit')}
          </Button>
        </Form>
      </Card>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={!!result.data}
        what={t('people.title')}
      >
        <Table<PersonRow>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          dataSource={result.data?.people ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          title={() => <h2 style={{ fontSize: 18, margin: 0 }}>{t('people.list')}</h2>}
          columns={[
            { title: t('people.displayName'), dataIndex: 'displayName' },
            { title: t('signIn.email'), dataIndex: 'email' },
            {
              title: t('people.role'),
              dataIndex: 'role',
              render: (r: string) => <Tag>{tValue('role', r)}</Tag>,
            },
            {
              title: t('people.partner'),
              dataIndex: 'partnerName',
              render: (n: string | null) => n ?? '—',
            },
            {
              title: t('people.lastSignIn'),
              dataIndex: 'lastSignInAt',
              render: (d: string | null) => formatDateTime(d),
            },
            {
              title: t('people.active'),
              dataIndex: 'disabled',
              render: (disabled: boolean, person) => (
                <Switch
                  checked={!disabled}
                  aria-label={t('people.activeFor', { name: person.displayName })}
                  onChange={(on) =>
                    void setDisabled({ id: person.id, disabled: !on }).then((a) => {
                      if (a.error) message.error(errorText(a.error));
                      reload();
                    })
                  }
                />
              ),
            },
          ]}
        />
      </QueryState>
    </>
  );
}
