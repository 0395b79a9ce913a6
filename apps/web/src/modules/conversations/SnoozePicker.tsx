import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { Popover } from '../../components/Popover';
import { formatDateTime } from '../../lib/format';
import { usePreferences } from '../preferences/preferences';
import {
  SNOOZE_OPTIONS,
  fromLocalInputValue,
  snoozeUntil,
  toLocalInputValue,
  type SnoozeOption,
} from './snooze';

const OPTION_KEYS: Record<SnoozeOption, string> = {
  in_an_hour: 'conversation.snoozeInAnHour',
  tomorrow: 'conversation.snoozeTomorrow',
  next_week: 'conversation.snoozeNextWeek',
};

/**
 * Snooze: three usual ends, each with the time it means, and a date/time picker for any other.
 * It opens below the whole header (see .snooze-popover), so the label chips stay in sight.
 */
export function SnoozePicker({
  disabled,
  onSnooze,
}: {
  disabled: boolean;
  onSnooze: (untilSeconds: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Popover
      label={t('conversation.snoozeUntilLabel')}
      className="snooze-popover"
      buttonClassName="button"
      buttonContent={
        <>
          <Icon name="clock" size={16} /> {t('conversation.snooze')}
        </>
      }
    >
      {(close) => (
        <SnoozeChoices
          disabled={disabled}
          onSnooze={(until) => {
            close();
            onSnooze(until);
          }}
        />
      )}
    </Popover>
  );
}

export function SnoozeChoices({
  disabled,
  onSnooze,
}: {
  disabled: boolean;
  onSnooze: (untilSeconds: number) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const id = useId();
  const [now] = useState(() => new Date());
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const [custom, setCustom] = useState(() =>
    toLocalInputValue(snoozeUntil('tomorrow', now, locale)),
  );
  const [error, setError] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const until = fromLocalInputValue(custom);
    if (until === null || until <= Math.floor(Date.now() / 1000)) {
      setError(true);
      return;
    }
    onSnooze(until);
  };

  return (
    <div className="snooze-choices">
      <ul className="snooze-options">
        {SNOOZE_OPTIONS.map((option) => {
          const until = snoozeUntil(option, now, locale);
          return (
            <li key={option}>
              <button
                type="button"
                className="snooze-option"
                disabled={disabled}
                onClick={() => onSnooze(until)}
              >
                <span>{t(OPTION_KEYS[option])}</span>
                <span className="muted small">{formatDateTime(locale, until)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <form className="snooze-custom" onSubmit={submit}>
        <label htmlFor={`${id}-at`}>{t('conversation.snoozePick')}</label>
        <div className="snooze-custom-row">
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={custom}
            min={toLocalInputValue(nowSeconds + 60)}
            aria-invalid={error || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              setCustom(event.target.value);
              setError(false);
            }}
          />
          <button type="submit" className="button button-primary" disabled={disabled}>
            {t('conversation.snoozeSubmit')}
          </button>
        </div>
        {error ? (
          <p id={`${id}-error`} className="field-error" role="alert">
            {t('conversation.snoozeInThePast')}
          </p>
        ) : null}
      </form>
    </div>
  );
}
