import type { DashboardApp, DashboardAppManifest } from '@bevatel/protocol';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { ApiError } from '../../lib/api';
import type { UrlRules } from './form';
import { useSay } from './FormParts';
import { useDashboardAppsT } from './i18n';
import { ManifestConsent } from './ManifestConsent';
import { MANIFEST_MAX_BYTES, readManifest, type ManifestProblem } from './manifest-read';
import { Modal } from './Modal';

const EXAMPLE = `{
  "manifest_version": 1,
  "name": "Order history",
  "url": "https://apps.example.com/orders?email={{contact.email}}",
  "locations": ["conversation.sidebar"],
  "permissions": ["composer:write"],
  "settings": [
    { "name": "api_key", "label": "API key", "type": "text", "secure": true, "required": true }
  ],
  "proxy_allowlist": ["api.example.com"]
}`;

/**
 * Install from a manifest in two steps: the JSON (pasted or from a file), checked as the server
 * will check it, then one consent screen with what the app will see and do and its settings.
 */
export function ManifestInstallDialog({
  accountId,
  rules,
  onClose,
  onInstalled,
}: {
  accountId: number;
  rules: UrlRules;
  onClose: () => void;
  onInstalled: (app: DashboardApp) => void;
}) {
  const { t } = useDashboardAppsT();
  const say = useSay();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<ManifestProblem[]>([]);
  const [manifest, setManifest] = useState<DashboardAppManifest | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);

  const review = (source = text) => {
    const reading = readManifest(source, rules);
    if (reading.ok) {
      setProblems([]);
      setManifest(reading.manifest);
    } else {
      setProblems(reading.problems);
      textRef.current?.focus();
    }
  };

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MANIFEST_MAX_BYTES) {
      setProblems([{ path: '', message: { key: 'manifest.tooBig' } }]);
      return;
    }
    try {
      const content = await file.text();
      setText(content);
      review(content);
    } catch {
      setProblems([{ path: '', message: { key: 'manifest.unreadable' } }]);
    }
  };

  /** A refusal of the server about the manifest itself sends the administrator back to it. */
  const backWith = (error: ApiError) => {
    setManifest(null);
    setProblems([
      {
        path: (error.field ?? '').replace(/^manifest\.?/, ''),
        message: { key: 'manifest.refused', values: { message: error.message } },
      },
    ]);
  };

  if (manifest) {
    return (
      <ManifestConsent
        accountId={accountId}
        manifest={manifest}
        onBack={() => setManifest(null)}
        onClose={onClose}
        onBusy={setBusy}
        onRefused={backWith}
        onInstalled={onInstalled}
      />
    );
  }

  const errorId = `${id}-problems`;
  return (
    <Modal
      title={t('manifest.title')}
      description={<p>{t('manifest.intro')}</p>}
      closeLabel={t('form.close')}
      onClose={onClose}
      busy={busy}
      size="wide"
    >
      <form
        className="dapps-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          review();
        }}
      >
        <div className="dapps-field">
          <label htmlFor={`${id}-text`}>{t('manifest.paste')}</label>
          <textarea
            ref={textRef}
            id={`${id}-text`}
            className="dapps-manifest-text"
            rows={10}
            dir="ltr"
            spellCheck={false}
            value={text}
            aria-invalid={problems.length > 0 || undefined}
            aria-describedby={[`${id}-hint`, problems.length ? errorId : ''].join(' ').trim()}
            onChange={(event) => setText(event.target.value)}
            data-autofocus
          />
          <p id={`${id}-hint`} className="dapps-field-hint">
            {t('manifest.pasteHint')}
          </p>
        </div>
        <div className="dapps-field">
          <label htmlFor={`${id}-file`}>{t('manifest.fileLabel')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            onChange={(event) => void readFile(event)}
          />
        </div>
        {problems.length > 0 ? (
          <div id={errorId} className="dapps-manifest-problems" role="alert">
            <p className="dapps-field-error">{t('manifest.invalid')}</p>
            <ul>
              {problems.map((problem, index) => (
                <li key={index}>
                  {problem.path ? (
                    <code dir="ltr" className="dapps-problem-path">
                      {problem.path}
                    </code>
                  ) : null}{' '}
                  <span dir="auto">{say(problem.message)}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <details className="dapps-template-help">
          <summary>{t('manifest.example')}</summary>
          <pre className="dapps-manifest-example" dir="ltr">
            {EXAMPLE}
          </pre>
        </details>
        <div className="dapps-modal-actions dapps-form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('manifest.review')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
