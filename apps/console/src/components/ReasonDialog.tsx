import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

interface Props {
  open: boolean;
  title: string;
  /** What the decision will do, in plain words, above the form. */
  explanation: ReactNode;
  /** A second field before the reason (the merge asks for the other work). */
  extraField?: ReactNode;
  okText: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (values: { reason: string; otherWorkId?: string }) => void;
  testId: string;
}

/**
 * A curator's decision always carries a reason: it is listed with who and when, and is what the
 * next curator reads before undoing it.
 */
export function ReasonDialog(props: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string; otherWorkId?: string }>();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then(props.onSubmit)}
      destroyOnClose
      okButtonProps={{ 'data-testid': `${props.testId}-confirm` }}
    >
      <div style={{ marginBottom: 12 }}>{props.explanation}</div>
      <Form form={form} layout="vertical" preserve={false} data-testid={props.testId}>
        {props.extraField}
        <Form.Item
          name="reason"
          label={t('curation.reason')}
          rules={[{ required: true, whitespace: true, message: t('curation.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            data-testid={`${props.testId}-reason`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
