import type { ApiOrder } from '../../shared/orders-api';
import { REFUND_LABEL } from './actions';
import type { ActionStrings } from './i18n';
import type { Actions } from './use-actions';

/** What happened after a click, beside the button; read out by screen readers. */
function Outcome({ actions, place, t }: { actions: Actions; place: string; t: ActionStrings }) {
  const { feedback } = actions;
  const here = feedback?.place === place ? feedback : null;
  return (
    <p
      className={`action-outcome${here?.kind === 'refused' ? ' refused' : ''}`}
      data-testid="action-outcome"
      role="status"
      hidden={!here}
    >
      {here ? (here.busy ? t.working : here.text) : ''}
    </p>
  );
}

export function LabelAction({ actions, t }: { actions: Actions; t: ActionStrings }) {
  return (
    <div className="label-action">
      <button
        type="button"
        className="button small"
        disabled={actions.feedback?.busy}
        onClick={() => actions.run('label', null)}
      >
        {t.addLabel(REFUND_LABEL)}
      </button>
      <Outcome actions={actions} place="label" t={t} />
    </div>
  );
}

export function OrderActions({
  actions,
  order,
  t,
}: {
  actions: Actions;
  order: ApiOrder;
  t: ActionStrings;
}) {
  const busy = actions.feedback?.busy;
  return (
    <div className="order-actions">
      <div className="order-buttons">
        <button
          type="button"
          className="button small"
          disabled={busy}
          onClick={() => actions.run('reply', order)}
        >
          {t.insertReply}
        </button>
        <button
          type="button"
          className="button small"
          disabled={busy}
          onClick={() => actions.run('note', order)}
        >
          {t.addNote}
        </button>
      </div>
      <Outcome actions={actions} place={order.number} t={t} />
    </div>
  );
}
