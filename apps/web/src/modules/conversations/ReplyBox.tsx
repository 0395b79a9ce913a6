import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import type { VariableSource } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { CannedMenu } from '../canned-responses/CannedMenu';
import { useCannedPicker } from '../canned-responses/useCannedPicker';
import { TOUCH_QUERY, useMediaQuery } from '../../lib/hooks';
import { useMentionPicker } from '../notifications/useMentionPicker';
import {
  applyInsert,
  attachComposer,
  checkBeforeSend,
  hasSendGuards,
  type SendObjection,
} from './composer-bridge';
import { readDraft, writeDraft, type ComposerKind } from './drafts';
import { namedPaste, releasePendingFile, toPendingFile, type PendingFile } from './attachments';
import { PendingFiles } from './PendingFiles';

type Mode = ComposerKind;

/** Where the element is shown to the agent (not inside a hidden tab panel). */
function isOnScreen(element: HTMLElement | null): boolean {
  if (!element) return false;
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility()
    : element.offsetParent !== null;
}

export function ReplyBox({
  conversationKey,
  canReply,
  onSend,
  onTyping,
  variables = {},
}: {
  conversationKey: string;
  canReply: boolean;
  /** What `{{contact.name}}`-style variables of canned responses are filled with. */
  variables?: VariableSource;
  onSend: (content: string, isPrivate: boolean, files: readonly File[]) => void;
  /** The agent typed (true: in a private note); null when sent or cleared. */
  onTyping?: (note: boolean | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const saved = readDraft(conversationKey);
  const [text, setText] = useState(saved?.text ?? '');
  const [mode, setMode] = useState<Mode>(saved?.mode ?? (canReply ? 'reply' : 'note'));
  const [checking, setChecking] = useState(false);
  const [objections, setObjections] = useState<SendObjection[]>([]);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const filesRef = useRef(files);
  useLayoutEffect(() => {
    filesRef.current = files;
  });
  // Previews are object URLs: released when the composer goes.
  useEffect(() => () => filesRef.current.forEach(releasePendingFile), []);
  // On a touch screen Enter is a new line (the keyboard's return key); the Send button sends.
  const touch = useMediaQuery(TOUCH_QUERY);
  // Where the caret goes after text was put in from outside (applied once rendered).
  const pendingCaret = useRef<number | null>(saved?.caret ?? null);
  const state = useRef({ text, mode });
  useLayoutEffect(() => {
    state.current = { text, mode };
  });
  const blocked = mode === 'reply' && !canReply;

  const remember = (next: { text: string; mode: Mode; caret?: number }) =>
    writeDraft(conversationKey, next);

  const canned = useCannedPicker({
    accountId: Number(conversationKey.split('/')[0]),
    variables,
    onApply: (next, caret) => {
      pendingCaret.current = caret;
      setText(next);
      setObjections([]);
      onTyping?.(next === '' ? null : state.current.mode === 'note');
      writeDraft(conversationKey, { text: next, mode: state.current.mode, caret });
    },
  });

  // `@` in a note picks an agent to mention.
  const mentions = useMentionPicker({
    textarea,
    enabled: mode === 'note',
    setText(next, caret) {
      pendingCaret.current = caret;
      setText(next);
      remember({ text: next, mode, caret });
    },
  });

  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    const element = textarea.current;
    if (caret === null || !element) return;
    pendingCaret.current = null;
    element.setSelectionRange(caret, caret);
  });

  // Text from a dashboard app: at the caret (or as asked), never sent by itself.
  useEffect(
    () =>
      attachComposer(conversationKey, {
        onScreen: () => isOnScreen(textarea.current),
        insert(inserted, insertMode, target) {
          const element = textarea.current;
          const current = state.current.text;
          const next = applyInsert(
            {
              text: current,
              selectionStart: element?.selectionStart ?? current.length,
              selectionEnd: element?.selectionEnd ?? current.length,
            },
            inserted,
            insertMode,
          );
          pendingCaret.current = next.caret;
          setText(next.text);
          setMode(target);
          setObjections([]);
          writeDraft(conversationKey, { text: next.text, mode: target, caret: next.caret });
          if (isOnScreen(element)) element?.focus();
        },
      }),
    [conversationKey],
  );

  const addFiles = (picked: readonly File[]) => {
    if (picked.length === 0) return;
    setFiles((current) => [...current, ...picked.map(toPendingFile)]);
    setObjections([]);
  };
  const removeFile = (key: string) => {
    setFiles((current) => {
      const gone = current.find((f) => f.key === key);
      if (gone) releasePendingFile(gone);
      return current.filter((f) => f.key !== key);
    });
    textarea.current?.focus();
  };

  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(false);
    addFiles([...event.dataTransfer.files]);
  };
  const onDragOver = (event: DragEvent<HTMLFormElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent<HTMLFormElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  // A pasted image (a screenshot) becomes an attachment; pasted text stays text.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = [...event.clipboardData.files];
    if (pasted.length === 0) return;
    event.preventDefault();
    addFiles(pasted.map((file) => namedPaste(file)));
  };

  const send = (content: string) => {
    onSend(
      mode === 'note' ? mentions.finalize(content) : content,
      mode === 'note',
      files.map((f) => f.file),
    );
    files.forEach(releasePendingFile);
    setFiles([]);
    setText('');
    onTyping?.(null);
    setObjections([]);
    remember({ text: '', mode });
    textarea.current?.focus();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const content = text.trim();
    if ((!content && files.length === 0) || blocked || checking) return;
    if (!hasSendGuards(conversationKey)) {
      send(content);
      return;
    }
    setChecking(true);
    try {
      const found = await checkBeforeSend(conversationKey, { text: content, kind: mode });
      // The agent may have edited the draft while the apps thought: send what they checked.
      if (state.current.text.trim() !== content) return;
      if (found.length === 0) send(content);
      else setObjections(found);
    } finally {
      setChecking(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (canned.onKeyDown(event)) return;
    if (mentions.onKeyDown(event)) return;
    // Enter sends; Shift+Enter is a new line; never while an IME is composing a word.
    if (touch) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const choose = (next: Mode) => {
    setMode(next);
    remember({ text, mode: next });
    textarea.current?.focus();
  };

  const overridable = objections.length > 0 && objections.every((o) => o.overridable);

  return (
    <form
      className={`reply-box reply-${mode}${dragging ? ' reply-dragging' : ''}`}
      onSubmit={(event) => void submit(event)}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      aria-label={t('reply.formLabel')}
    >
      {dragging ? (
        <div className="reply-drop-hint" aria-hidden="true">
          <Icon name="paperclip" size={18} /> {t('attachments.dropHere')}
        </div>
      ) : null}
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
      <CannedMenu picker={canned} />
      <textarea
        id={`${id}-text`}
        ref={textarea}
        {...canned.inputProps}
        dir="auto"
        rows={3}
        value={text}
        placeholder={mode === 'note' ? t('reply.notePlaceholder') : t('reply.replyPlaceholder')}
        aria-describedby={blocked || !touch ? `${id}-hint` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setObjections([]);
          onTyping?.(e.target.value === '' ? null : mode === 'note');
          remember({ text: e.target.value, mode, caret: e.target.selectionStart });
          canned.update(e.target.value, e.target.selectionStart);
          mentions.track(e.target.value, e.target.selectionStart);
        }}
        onSelect={(e) => {
          remember({ text, mode, caret: e.currentTarget.selectionStart });
          canned.update(e.currentTarget.value, e.currentTarget.selectionStart);
          mentions.track(e.currentTarget.value, e.currentTarget.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        {...mentions.textareaProps}
      />
      {mentions.picker}
      <PendingFiles files={files} onRemove={removeFile} />
      {objections.length > 0 ? (
        <div className="reply-objections" role="alert">
          <p className="reply-objections-title">
            {t(mode === 'note' ? 'reply.noteHeldBack' : 'reply.heldBack')}
          </p>
          <ul className="reply-objections-list">
            {objections.map((objection, index) => (
              <li key={index}>
                <strong dir="auto">{objection.source}</strong>{' '}
                <span dir="auto">{objection.reason}</span>
              </li>
            ))}
          </ul>
          <div className="reply-objections-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setObjections([]);
                textarea.current?.focus();
              }}
            >
              {t('reply.editDraft')}
            </button>
            {overridable ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => send(text.trim())}
              >
                {t('reply.sendAnyway')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      <div className="reply-footer">
        {blocked || !touch ? (
          <span id={`${id}-hint`} className="muted small">
            {blocked ? t('reply.cannotReply') : t('reply.hint')}
          </span>
        ) : (
          <span />
        )}
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          data-testid="attach-input"
          onChange={(event) => {
            addFiles([...(event.target.files ?? [])]);
            // The same file may be picked again after it was removed.
            event.target.value = '';
          }}
        />
        <button
          type="button"
          className="icon-button reply-attach"
          aria-label={t('attachments.attach')}
          title={t('attachments.attach')}
          disabled={blocked}
          onClick={() => picker.current?.click()}
        >
          <Icon name="paperclip" size={18} />
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={(!text.trim() && files.length === 0) || blocked || checking}
          aria-busy={checking || undefined}
        >
          <Icon name="send" size={16} />
          {checking ? t('reply.checking') : mode === 'note' ? t('reply.addNote') : t('reply.send')}
        </button>
      </div>
    </form>
  );
}
