import { useId, useState, type DragEvent } from 'react';
import { Button } from '../../../components/button';
import { downloadCsv } from '../../../lib/csv-download';

/**
 * The template's columns, named so that the import's first guess (`guessMapping`) maps them
 * as the list below says: the phone column dials, external_id identifies, the rest is kept.
 */
export const TEMPLATE_COLUMNS = ['phone_number', 'external_id', 'first_name', 'company'];
// 555-0100 to 0199 are reserved for fiction: an example row that reaches no one.
const TEMPLATE_ROW = ['(415) 555-0100', 'lead-1', 'Ada', 'Example Ltd'];

const COLUMNS: { name: string; need: string; what: string }[] = [
  {
    name: 'phone_number',
    need: 'Required',
    what: 'The number to call. Without a country code, the configuration’s default is used. More numbers: more phone columns, or several in one cell separated by ";".',
  },
  {
    name: 'external_id',
    need: 'Optional',
    what: 'Your own key for the contact: a row whose key is already in the campaign updates that contact instead of adding another.',
  },
  {
    name: 'any other column',
    need: 'Optional',
    what: 'Kept with the contact and shown on its page (first_name, company…).',
  },
];

/** The columns an import reads, a template to start from, and a file picker that takes a drop. */
export function CsvDropZone({
  chosen,
  onFile,
}: {
  /** The name of the file read, if any. */
  chosen: string | null;
  onFile: (file: File) => void;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const take = (event: DragEvent) => {
    event.preventDefault();
    setOver(true);
  };
  return (
    <div className="space-y-3">
      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-sm font-medium">Columns</p>
          <Button
            variant="ghost"
            className="text-indigo-700 underline"
            onClick={() => downloadCsv('contacts-template.csv', TEMPLATE_COLUMNS, [TEMPLATE_ROW])}
          >
            Download template CSV
          </Button>
        </div>
        <dl className="mt-1 space-y-1 text-sm">
          {COLUMNS.map((c) => (
            <div key={c.name} className="sm:flex sm:gap-2">
              <dt className="shrink-0 sm:w-40">
                <span className="font-mono text-xs">{c.name}</span>{' '}
                <span className="text-xs text-slate-600">({c.need.toLowerCase()})</span>
              </dt>
              <dd className="text-slate-700">{c.what}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-1 text-xs text-slate-600">
          Columns are matched by their header; you can change the matching once the file is read.
        </p>
      </div>
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          CSV file
        </label>
        {/* The file input covers the zone: a click anywhere or the keyboard opens the picker. */}
        <div
          className={`relative mt-1 rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-600 ${over ? 'border-indigo-600 bg-indigo-50' : 'border-slate-300 bg-slate-50 hover:bg-slate-100'}`}
          onDragEnter={take}
          onDragOver={take}
          onDragLeave={() => setOver(false)}
          onDrop={(event) => {
            event.preventDefault();
            setOver(false);
            const file = event.dataTransfer.files[0];
            if (file) onFile(file);
          }}
        >
          <input
            id={id}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${id}-zone`}
            className="absolute inset-0 h-full w-full cursor-pointer opacity-0"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
            }}
          />
          <p id={`${id}-zone`} className="text-slate-700">
            {chosen ? (
              <>
                <span className="font-medium">{chosen}</span> is read. Drop or choose another file
                to replace it.
              </>
            ) : (
              'Drop a CSV file here, or choose one.'
            )}
          </p>
          <span
            aria-hidden="true"
            className="mt-3 inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800"
          >
            Choose a file
          </span>
        </div>
      </div>
    </div>
  );
}
