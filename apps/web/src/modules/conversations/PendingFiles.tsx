import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { usePreferences } from '../preferences/preferences';
import { formatBytes, type PendingFile } from './attachments';

/** The composer's chips: each file about to be sent, with a preview for images and Remove. */
export function PendingFiles({
  files,
  onRemove,
}: {
  files: readonly PendingFile[];
  onRemove: (key: string) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  if (files.length === 0) return null;
  return (
    <ul className="pending-files" aria-label={t('attachments.pendingLabel')}>
      {files.map(({ key, file, previewUrl }) => (
        <li key={key} className="pending-file">
          {previewUrl ? (
            <img src={previewUrl} alt="" className="pending-file-preview" />
          ) : (
            <Icon name="file" size={18} />
          )}
          <span className="pending-file-name" dir="auto" title={file.name}>
            {file.name}
          </span>
          <span className="muted small">{formatBytes(locale, file.size)}</span>
          <button
            type="button"
            className="icon-button pending-file-remove"
            aria-label={t('attachments.remove', { name: file.name })}
            onClick={() => onRemove(key)}
          >
            <Icon name="close" size={14} />
          </button>
        </li>
      ))}
    </ul>
  );
}
