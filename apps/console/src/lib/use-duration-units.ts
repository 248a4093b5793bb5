import { useI18n } from '../i18n/i18n';
import type { DurationUnits } from './format';

export function useDurationUnits(): DurationUnits {
  const { t } = useI18n();
  return { hours: t('unit.hours'), minutes: t('unit.minutes'), seconds: t('unit.seconds') };
}
