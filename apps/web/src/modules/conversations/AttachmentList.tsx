import type { Attachment } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { usePreferences } from '../preferences/preferences';
import { attachmentName, formatBytes } from './attachments';

/** Thumbnails fit in 250×250 (the server's size); the box is reserved before they load. */
const THUMB = 250;

function thumbBox(attachment: Attachment): { width: number; height: number } | undefined {
  const { width, height } = attachment;
  if (!width || !height) return undefined;
  const scale = Math.min(1, THUMB / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** A message's files: images as thumbnails that open full size, the rest as download links. */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <ul className="attachment-list" aria-label={t('attachments.listLabel')}>
      {attachments.map((attachment) => {
        const name = attachmentName(attachment);
        if (attachment.file_type === 'image' && attachment.thumb_url) {
          return (
            <li key={attachment.id} className="attachment attachment-image">
              <a
                href={attachment.data_url}
                target="_blank"
                rel="noopener noreferrer"
                title={t('attachments.openImage', { name })}
              >
                <img
                  src={attachment.thumb_url}
                  alt={t('attachments.imageAlt', { name })}
                  loading="lazy"
                  {...thumbBox(attachment)}
                />
              </a>
            </li>
          );
        }
        return (
          <li key={attachment.id} className="attachment attachment-file">
            <a href={attachment.data_url} download={name} className="attachment-download">
              <Icon name="file" size={18} />
              <span className="attachment-name" dir="auto">
                {name}
              </span>
              <span className="attachment-size muted small">
                {formatBytes(locale, attachment.file_size)}
              </span>
              <Icon name="download" size={16} />
              <span className="sr-only">{t('attachments.download')}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** The files of a message still on its way: names only. */
export function SendingFiles({ files }: { files: readonly { name: string; size: number }[] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <ul className="attachment-list" aria-label={t('attachments.listLabel')}>
      {files.map((file, index) => (
        <li key={index} className="attachment attachment-file">
          <span className="attachment-download">
            <Icon name="file" size={18} />
            <span className="attachment-name" dir="auto">
              {file.name}
            </span>
            <span className="attachment-size muted small">{formatBytes(locale, file.size)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
