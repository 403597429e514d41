import type { SuppressionAdd } from '../../../contract/extensions';

type Entry = SuppressionAdd['entries'][number];

/**
 * The numbers of a CSV file: the column named like "phone" (else the first), with a "reason"
 * column if there is one. Papa Parse loads with the first file read.
 */
export async function readSuppressionCsv(file: File): Promise<Entry[]> {
  const { default: Papa } = await import('papaparse');
  const text = await file.text();
  const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
  if (rows.length === 0) return [];
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const named = header.findIndex((h) => /phone|number/.test(h));
  const hasHeader = named >= 0 || header.includes('reason');
  const phone = named >= 0 ? named : 0;
  const reason = header.indexOf('reason');
  return (hasHeader ? rows.slice(1) : rows)
    .map((row) => ({
      phone_number: (row[phone] ?? '').trim(),
      reason: reason >= 0 ? (row[reason] ?? '').trim().slice(0, 200) : 'Imported from a file',
      source: 'import' as const,
    }))
    .filter((e) => e.phone_number !== '');
}

/** Numbers typed one per line (or separated by commas). */
export function typedNumbers(text: string, reason: string): Entry[] {
  return text
    .split(/[\n,;]+/)
    .map((n) => n.trim())
    .filter(Boolean)
    .map((phone_number) => ({ phone_number, reason, source: 'manual' as const }));
}
