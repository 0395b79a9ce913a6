import { splitMentions } from '@bevatel/protocol';
import { Fragment } from 'react';
import { WrappingText } from '../../components/WrappingText';
import './notifications.css';

/**
 * A note's text with its mentions as chips (`@Name`), never their markup. Everything is
 * React text: no HTML is ever parsed from the content.
 */
export function MentionText({ text }: { text: string }) {
  const parts = splitMentions(text);
  if (parts.every((part) => part.kind === 'text')) return <WrappingText text={text} />;
  return (
    <>
      {parts.map((part, i) =>
        part.kind === 'text' ? (
          <WrappingText key={i} text={part.text} />
        ) : (
          <Fragment key={i}>
            <span className="mention-chip" dir="auto" data-user-id={part.userId}>
              @{part.name}
            </span>
          </Fragment>
        ),
      )}
    </>
  );
}
