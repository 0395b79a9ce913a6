import type { ApiOrder } from '../../shared/orders-api';
import { formatCount, formatDate, formatMoney } from './format';
import type { Locale, Strings } from './i18n';
import { LabelAction, OrderActions } from './OrderActions';
import type { Actions } from './use-actions';

interface OrderListProps {
  name: string;
  orders: ApiOrder[];
  locale: Locale;
  t: Strings;
  /** Level 2: what the app can do in the conversation; null where the dashboard offers none. */
  actions: Actions | null;
}

export function OrderList({ name, orders, locale, t, actions }: OrderListProps) {
  const spent = orders
    .filter((order) => order.status !== 'cancelled' && order.status !== 'returned')
    .reduce((sum, order) => sum + order.total_halalas, 0);
  return (
    <main className="page">
      <header className="header">
        <h1 data-testid="orders-title" dir="auto">
          {t.ordersOf(name)}
        </h1>
        <p className="muted" data-testid="orders-summary">
          {t.summary(orders.length, formatCount(orders.length, locale), formatMoney(spent, locale))}
        </p>
        {actions && <LabelAction actions={actions} t={t.actions} />}
      </header>
      {orders.length === 0 ? (
        <p className="muted" data-testid="no-orders">
          {t.noOrders}
        </p>
      ) : (
        <ol className="orders">
          {orders.map((order) => (
            <li className="order" key={order.number} data-testid="order">
              <div className="order-head">
                <span className="order-number" data-testid="order-number" dir="ltr">
                  {order.number}
                </span>
                <span className={`badge status-${order.status}`}>{t.statuses[order.status]}</span>
                <time dateTime={new Date(order.placed_at * 1000).toISOString()}>
                  {formatDate(order.placed_at, locale)}
                </time>
              </div>
              <ul className="items">
                {order.items.map((item) => (
                  <li key={item.sku}>
                    <span>
                      {formatCount(item.quantity, locale)} ×{' '}
                      {locale === 'ar' ? item.name_ar : item.name_en}
                    </span>
                    <span className="price">
                      {formatMoney(item.quantity * item.unit_price_halalas, locale)}
                    </span>
                  </li>
                ))}
              </ul>
              <div className="order-total">
                <span>{t.total}</span>
                <strong data-testid="order-total">
                  {formatMoney(order.total_halalas, locale)}
                </strong>
              </div>
              {actions && <OrderActions actions={actions} order={order} t={t.actions} />}
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
