import { App, Form, Input, Modal, Select } from 'antd';
import { useMutation } from 'urql';
import { mustChoose } from '../lib/form-rules';
import { useI18n } from '../i18n/i18n';
import { errorText } from '../lib/gql-errors';
import { LIBRARY_KINDS } from '../lib/sources-query';

export interface EditableSource {
  id: string;
  libraryName: string;
  libraryKind: string;
  province: string | null;
  schedule: string | null;
  sets: string[];
}

const UPDATE = `mutation ConsoleUpdateSource($id: String!, $input: UpdateSourceInput!) {
  updateSource(id: $id, input: $input) { id libraryName libraryKind province schedule sets }
}`;

interface Props {
  open: boolean;
  source: EditableSource;
  onClose: () => void;
  onSaved: () => void;
}

export function EditSourceForm({ open, source, onClose, onSaved }: Props) {
  const { t, tValue } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditableSource>();
  const [state, update] = useMutation(UPDATE);
  const save = async () => {
    const fields = await form.validateFields();
    const answer = await update({
      id: source.id,
      input: {
        libraryName: fields.libraryName,
        libraryKind: fields.libraryKind,
        province: fields.province ?? '',
        schedule: fields.schedule ?? '',
        sets: fields.sets ?? [],
      },
    });
    if (answer.error) message.error(errorText(answer.error));
    else {
      message.success(t('actions.saved'));
      onSaved();
    }
  };
  return (
    <Modal
      open={open}
      title={t('actions.editTitle', { name: source.libraryName })}
      okText={t('actions.save')}
      cancelText={t('actions.close')}
      confirmLoading={state.fetching}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={source} preserve={false}>
        <Form.Item
          label={t('register.libraryName')}
          name="libraryName"
          rules={[{ required: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t('register.libraryKind')}
          name="libraryKind"
          rules={[mustChoose(t('register.required'))]}
        >
          <Select options={LIBRARY_KINDS.map((k) => ({ value: k, label: tValue('kind', k) }))} />
        </Form.Item>
        <Form.Item label={t('register.province')} name="province">
          <Input />
        </Form.Item>
        <Form.Item
          label={t('register.schedule')}
          name="schedule"
          extra={t('register.scheduleHint')}
        >
          <Input placeholder="0 2 * * *" />
        </Form.Item>
        <Form.Item label={t('register.sets')} name="sets" extra={t('register.setsHint')}>
          <Select mode="tags" open={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
