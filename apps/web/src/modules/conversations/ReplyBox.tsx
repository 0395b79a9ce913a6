import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';

type Mode = 'reply' | 'note';

/** Unsent text per conversation survives switching between conversations. */
const drafts = new Map<string, { text: string; mode: Mode }>();

export function ReplyBox({
  conversationKey,
  canReply,
  onSend,
}: {
  conversationKey: string;
  canReply: boolean;
  onSend: (content: string, isPrivate: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const saved = drafts.get(conversationKey);
  const [text, setText] = useState(saved?.text ?? '');
  const [mode, setMode] = useState<Mode>(saved?.mode ?? (canReply ? 'reply' : 'note'));
  const textarea = useRef<HTMLTextAreaElement>(null);
  const blocked = mode === 'reply' && !canReply;

  const remember = (next: { text: string; mode: Mode }) => {
    if (next.text) drafts.set(conversationKey, next);
    else drafts.delete(conversationKey);
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const content = text.trim();
    if (!content || blocked) return;
    onSend(content, mode === 'note');
    setText('');
    remember({ text: '', mode });
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter is a new line; never while an IME is composing a word.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const choose = (next: Mode) => {
    setMode(next);
    remember({ text, mode: next });
    textarea.current?.focus();
  };

  return (
    <form className={`reply-box reply-${mode}`} onSubmit={submit} aria-label={t('reply.formLabel')}>
      <div className="reply-modes" role="group" aria-label={t('reply.modeLabel')}>
        <button
          type="button"
          className="reply-mode"
          aria-pressed={mode === 'reply'}
          onClick={() => choose('reply')}
        >
          {t('reply.reply')}
        </button>
        <button
          type="button"
          className="reply-mode"
          aria-pressed={mode === 'note'}
          onClick={() => choose('note')}
        >
          <Icon name="lock" size={14} /> {t('reply.privateNote')}
        </button>
      </div>
      <label htmlFor={`${id}-text`} className="sr-only">
        {mode === 'note' ? t('reply.noteLabel') : t('reply.replyLabel')}
      </label>
      <textarea
        id={`${id}-text`}
        ref={textarea}
        dir="auto"
        rows={3}
        value={text}
        placeholder={mode === 'note' ? t('reply.notePlaceholder') : t('reply.replyPlaceholder')}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          remember({ text: e.target.value, mode });
        }}
        onKeyDown={onKeyDown}
      />
      <div className="reply-footer">
        <span id={`${id}-hint`} className="muted small">
          {blocked ? t('reply.cannotReply') : t('reply.hint')}
        </span>
        <button type="submit" className="button button-primary" disabled={!text.trim() || blocked}>
          <Icon name="send" size={16} />
          {mode === 'note' ? t('reply.addNote') : t('reply.send')}
        </button>
      </div>
    </form>
  );
}
