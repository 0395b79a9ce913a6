import { useId, useState } from 'react';
import { useDashboardAppsT } from './i18n';

export interface CheckItem {
  id: number;
  name: string;
}

/** Past this many items a filter box helps find one. */
const FILTER_FROM = 8;

/** A labelled group of checkboxes over a list of inboxes or teams, with a filter when long. */
export function CheckList({
  legend,
  hint,
  items,
  selected,
  empty,
  onChange,
}: {
  legend: string;
  hint: string;
  items: CheckItem[];
  selected: number[];
  empty: string;
  onChange: (next: number[]) => void;
}) {
  const { t } = useDashboardAppsT();
  const id = useId();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLocaleLowerCase();
  // Checked items stay in view whatever the filter says, so a choice never hides.
  const shown = needle
    ? items.filter(
        (item) => selected.includes(item.id) || item.name.toLocaleLowerCase().includes(needle),
      )
    : items;
  const set = (itemId: number, on: boolean) =>
    onChange(
      items
        .map((item) => item.id)
        .filter((x) => (x === itemId ? on : selected.includes(x)))
        .concat(selected.filter((x) => !items.some((item) => item.id === x))),
    );
  return (
    <fieldset className="dapps-subgroup" aria-describedby={`${id}-hint`}>
      <legend className="dapps-subgroup-legend">{legend}</legend>
      <p id={`${id}-hint`} className="dapps-field-hint">
        {hint}
      </p>
      {items.length === 0 ? (
        <p className="muted dapps-empty-line">{empty}</p>
      ) : (
        <>
          {items.length > FILTER_FROM ? (
            <input
              type="search"
              className="dapps-filter"
              aria-label={t('who.filter', { list: legend })}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
          ) : null}
          <ul className="dapps-check-list">
            {shown.map((item) => (
              <li key={item.id}>
                <label className="dapps-permission">
                  <input
                    type="checkbox"
                    checked={selected.includes(item.id)}
                    onChange={(event) => set(item.id, event.target.checked)}
                  />
                  <span dir="auto">{item.name}</span>
                </label>
              </li>
            ))}
          </ul>
          {shown.length === 0 ? <p className="muted dapps-empty-line">{t('who.noMatch')}</p> : null}
        </>
      )}
    </fieldset>
  );
}
