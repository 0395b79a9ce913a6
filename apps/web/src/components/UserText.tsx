import type { ElementType } from 'react';
import { withoutBidiControls } from '../lib/bidi';

/**
 * Something a person wrote, shown in its own direction (`dir="auto"`: from its first strong
 * letter) and isolated from the text around it; the layout keeps the UI's direction. With
 * `truncate`, one line cut at the end of the text in the text's own direction. Names and
 * titles (`kind="name"`) lose any bidi control characters.
 */
export function UserText({
  text,
  as: Tag = 'span',
  kind = 'text',
  truncate = false,
  className,
  id,
}: {
  text: string;
  as?: ElementType;
  kind?: 'name' | 'text';
  truncate?: boolean;
  className?: string;
  id?: string;
}) {
  const classes = ['user-text', truncate ? 'truncate' : null, className].filter(Boolean).join(' ');
  return (
    <Tag id={id} dir="auto" className={classes}>
      {kind === 'name' ? withoutBidiControls(text) : text}
    </Tag>
  );
}
