import { csvText } from '../../contract/csv-cell';

export function downloadCsv(filename: string, fields: string[], rows: (string | number)[][]): void {
  // Contact data is untrusted: every cell, headers too, goes through the contract's CSV rule.
  const text = csvText(fields, rows);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // The click has handed the blob to the download; release it once that has started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a campaign name: lower case, dashes, nothing a file system dislikes. */
export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'campaign'
  );
}
