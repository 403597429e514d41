import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { timezoneQueries } from '../api/configurations';
import { inputClass } from './field';
import { formatInZone, shownZone, unknownZoneNote } from '../lib/format';
import { useNow } from '../lib/use-now';

// Hundreds of zones: the list shows the first matches, each with its clock, and says how many.
const MAX_OPTIONS = 50;

/** The zones shown for what is typed: its first matches, or the neighbours of the chosen one. */
function shownZones(all: readonly string[], query: string, chosen: string) {
  if (query === chosen) {
    const at = Math.max(0, all.indexOf(chosen));
    const start = Math.max(0, Math.min(at - MAX_OPTIONS / 2, all.length - MAX_OPTIONS));
    return { items: all.slice(start, start + MAX_OPTIONS), total: all.length };
  }
  const q = query.trim().toLowerCase().replaceAll(' ', '_');
  const found = q ? all.filter((tz) => tz.toLowerCase().includes(q)) : all;
  return { items: found.slice(0, MAX_OPTIONS), total: found.length };
}

const { InputChange, InputKeyDownEscape, InputBlur, FunctionCloseMenu, FunctionSelectItem } =
  useCombobox.stateChangeTypes;

function stateReducer(
  state: UseComboboxState<string>,
  { type, changes }: UseComboboxStateChangeOptions<string>,
): Partial<UseComboboxState<string>> {
  switch (type) {
    case InputChange:
      // Typing highlights the first match, so Enter or Tab takes it.
      return { ...changes, highlightedIndex: changes.inputValue?.trim() ? 0 : -1 };
    case FunctionSelectItem:
      return { ...changes, isOpen: false, highlightedIndex: -1 };
    case InputKeyDownEscape:
      // Closes the list; never clears the chosen zone.
      return { ...changes, selectedItem: state.selectedItem, inputValue: state.selectedItem ?? '' };
    case InputBlur:
    case FunctionCloseMenu:
      // Leaving without a choice puts the chosen zone back, not half a word.
      return { ...changes, inputValue: changes.selectedItem ?? '' };
    default:
      return changes;
  }
}

// A zone this browser does not know gets no clock: a UTC one beside its name would mislead.
const clock = (tz: string, now: number) =>
  shownZone(tz) === tz ? formatInZone(now, tz, 'clock') : '';

/**
 * A searchable combobox of IANA timezones, showing the local time in each: the server's (the
 * zones it accepts), or `zones` when given (this browser's, for what it shows).
 */
export function TimezonePicker({
  value,
  onChange,
  error,
  label = 'Timezone',
  zones,
}: {
  value: string;
  onChange: (timezone: string) => void;
  error?: string;
  label?: string;
  zones?: readonly string[];
}) {
  const server = useQuery({ ...timezoneQueries.list(), enabled: !zones });
  const timezones = zones ? { data: zones, isPending: false, isError: false } : server;
  const [inputValue, setInputValue] = useState(value);
  const now = useNow(30_000);
  const id = useId();
  const messageId = `${id}-message`;
  const { items, total } = useMemo(
    () => shownZones(timezones.data ?? [], inputValue, value),
    [timezones.data, inputValue, value],
  );
  const {
    isOpen,
    highlightedIndex,
    selectItem,
    closeMenu,
    getInputProps,
    getMenuProps,
    getItemProps,
  } = useCombobox<string>({
    inputId: id,
    labelId: `${id}-label`,
    items,
    inputValue,
    selectedItem: value || null,
    itemToString: (tz) => tz ?? '',
    onInputValueChange: (changes) => setInputValue(changes.inputValue ?? ''),
    onSelectedItemChange: (changes) => changes.selectedItem && onChange(changes.selectedItem),
    stateReducer,
  });

  return (
    <div className="relative">
      <label id={`${id}-label`} htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        {...getInputProps({
          'aria-invalid': error ? true : undefined,
          'aria-describedby': messageId,
          className: inputClass,
          // Set within the keystroke: downshift reports its changes from an effect, too late
          // for a controlled input, which would drop keys typed quickly.
          onChange: (event) => setInputValue(event.currentTarget.value),
          onKeyDown: (event) => {
            if (event.key === 'Tab' && isOpen) {
              // Tab takes the highlighted zone and closes the list before the focus moves on.
              // A list taken out of the page while the focus is between two fields makes the
              // dialog's focus trap catch the focus, and Tab never reaches the next field.
              const highlighted = items[highlightedIndex];
              if (highlighted) selectItem(highlighted);
              else closeMenu();
            } else if (event.key === 'Escape' && !isOpen) {
              // Nothing to close here: Escape is the dialog's.
              (event.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault =
                true;
            }
          },
        })}
      />
      <p id={messageId} className={`mt-1 text-xs ${error ? 'text-red-800' : 'text-slate-600'}`}>
        {error ??
          (value
            ? (unknownZoneNote(value) ?? `Local time in ${value}: ${clock(value, now)}`)
            : 'Type to search, e.g. London')}
      </p>
      <div
        className={`absolute z-10 mt-1 w-full rounded-md border border-slate-200 bg-white shadow-lg ${isOpen ? '' : 'hidden'}`}
      >
        <ul
          {...getMenuProps({ 'aria-label': 'Timezones' })}
          // Chromium makes a scrolling list a tab stop; the input alone is the field's stop.
          tabIndex={-1}
          className="max-h-60 overflow-y-auto"
        >
          {isOpen &&
            items.map((tz, index) => (
              <li
                key={tz}
                {...getItemProps({ item: tz, index })}
                className={`flex cursor-pointer justify-between px-3 py-1.5 text-sm ${index === highlightedIndex ? 'bg-indigo-50 text-indigo-900' : ''}`}
              >
                <span>{tz}</span>
                <span className="text-slate-600 tabular-nums">{clock(tz, now)}</span>
              </li>
            ))}
        </ul>
        {isOpen && (
          <p className="px-3 py-2 text-xs text-slate-600 empty:hidden">
            {timezones.isPending
              ? 'Loading timezones…'
              : timezones.isError
                ? 'Could not load timezones.'
                : items.length === 0
                  ? `No timezone matches “${inputValue}”.`
                  : total > items.length
                    ? `${items.length} of ${total} shown: type to narrow.`
                    : ''}
          </p>
        )}
      </div>
    </div>
  );
}
