import type { AvailabilityStatus } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';

/**
 * A coloured dot saying an agent's availability; its name is read out, not only its colour
 * (`decorative` where the words stand beside it).
 */
export function AvailabilityDot({
  status,
  decorative = false,
}: {
  status: AvailabilityStatus;
  decorative?: boolean;
}) {
  const { t } = useTranslation();
  const label = t(`availability.${status}`);
  if (decorative) {
    return <span className={`availability-dot availability-${status}`} aria-hidden="true" />;
  }
  return (
    <span
      className={`availability-dot availability-${status}`}
      role="img"
      aria-label={label}
      title={label}
    />
  );
}
