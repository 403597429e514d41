import { lazy, Suspense, useId, useMemo } from 'react';
import { Button } from '../../components/button';
import { Panel } from '../../components/panel';
import { setThemeChoice, useThemeChoice, type ThemeChoice } from '../../lib/theme';
import { browserZone, setViewerZone, useViewerZone } from '../../lib/viewer-zone';

// The combobox (downshift) is not part of the page's first screen.
const TimezonePicker = lazy(() =>
  import('../../components/timezone-picker').then((m) => ({ default: m.TimezonePicker })),
);

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** The zones this browser can show times in: the viewer's choice is one of them. */
function browserZones(): string[] {
  const zones = Intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/** This browser's own display choices: the theme and the zone times are shown in. */
export function DisplaySection() {
  const theme = useThemeChoice();
  const zone = useViewerZone();
  const zones = useMemo(browserZones, []);
  const name = useId();
  return (
    <Panel title="Display" size="lg">
      <p className="mt-1 text-sm text-slate-600">Kept in this browser only.</p>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium">Theme</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {THEMES.map((t) => (
            <label
              key={t.value}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-checked:border-indigo-600 has-checked:bg-indigo-50 has-checked:text-indigo-900"
            >
              <input
                type="radio"
                name={name}
                value={t.value}
                checked={theme === t.value}
                onChange={() => setThemeChoice(t.value)}
                className="accent-indigo-700"
              />
              {t.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-5 max-w-md">
        <Suspense fallback={<p className="text-sm text-slate-600">Your time zone: {zone}</p>}>
          <TimezonePicker
            label="Your time zone"
            value={zone}
            onChange={setViewerZone}
            zones={zones}
          />
        </Suspense>
        <p className="mt-2 text-sm text-slate-600">
          Every time is shown in this zone, but a campaign&apos;s calling window and its finish,
          which are in the campaign&apos;s own zone. Each names its zone.
        </p>
        {zone !== browserZone() && (
          <Button className="mt-3" onClick={() => setViewerZone(null)}>
            Use this browser&apos;s zone ({browserZone()})
          </Button>
        )}
      </div>
    </Panel>
  );
}
