import { Modal, Typography } from 'antd';
import { useI18n, type MessageKey } from '../i18n/i18n';

interface Props {
  /** The secret to show; null closes the dialog. */
  secret: string | null;
  title: MessageKey;
  text: MessageKey;
  onClose: () => void;
}

/** A new API key or webhook secret, shown this once with a copy button: it is stored hashed or never shown again. */
export function SecretShownOnce({ secret, title, text, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={!!secret}
      title={t(title)}
      onOk={onClose}
      onCancel={onClose}
      okText={t('keys.secretStored')}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <p>{t(text)}</p>
      <Typography.Paragraph
        copyable={{ text: secret ?? '' }}
        code
        style={{ wordBreak: 'break-all' }}
      >
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}
