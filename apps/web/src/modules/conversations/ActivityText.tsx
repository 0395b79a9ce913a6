import type { Message } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { withoutBidiControls } from '../../lib/bidi';
import { activitySentence, sentenceParts } from './activity-text';

/** An activity line in the reader's language; each name in its own <bdi>. */
export function ActivityText({
  message,
}: {
  message: Pick<Message, 'content' | 'content_attributes'>;
}) {
  const { t } = useTranslation();
  return (
    <span dir="auto">
      {sentenceParts(activitySentence(message, t)).map((part, i) =>
        part.kind === 'value' ? <bdi key={i}>{withoutBidiControls(part.value)}</bdi> : part.text,
      )}
    </span>
  );
}
