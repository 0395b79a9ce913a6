import { useAppContext } from '@bevatel/dashboard-app-sdk/react';
// @if:backend
import { useEffect, useState } from 'react';
// @end:backend

const trustedOrigins = document
  .querySelector('meta[name="dashboard-origins"]')
  .content.split(' ')
  .filter(Boolean);
// @if:backend

/** Asks the backend only when the conversation or contact changes; drops stale answers. */
function useVerifiedSession(context) {
  const [session, setSession] = useState(null);
  const key = context ? `${context.conversation.id}:${context.contact.id}` : '';
  const token = context?.token;
  useEffect(() => {
    if (!key || !token) return undefined;
    let current = true;
    fetch('/api/session', { headers: { authorization: `Bearer ${token}` } })
      .then(async (response) => ({ ok: response.ok, body: await response.json() }))
      .then((answer) => current && setSession(answer))
      .catch((error) => current && setSession({ ok: false, body: { error: error.message } }));
    return () => {
      current = false;
    };
    // The token is re-issued without a new conversation: the key alone decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return session;
}
// @end:backend

export function App() {
  const { context, status } = useAppContext({ trustedOrigins });
  // @if:backend
  const session = useVerifiedSession(context);
  // @end:backend
  if (status === 'waiting' || !context) return <p role="status">Waiting for the dashboard…</p>;
  const { contact, conversation, locale, dir, theme } = context;
  return (
    <main lang={locale} dir={dir} data-theme={theme}>
      <h1 id="contact-name">{contact.name ?? 'Unknown contact'}</h1>
      <p id="conversation">
        Conversation #{conversation.id} · {conversation.status} · {conversation.messages.length}{' '}
        messages
      </p>
      {/* @if:backend */}
      {session && (
        <p id="verified" data-state={session.ok ? 'verified' : 'refused'}>
          {session.ok
            ? `Verified by the backend: agent ${session.body.agent_id}, conversation #${session.body.conversation_id}`
            : `The backend refused the token (${session.body.error})`}
        </p>
      )}
      {/* @end:backend */}
    </main>
  );
}
