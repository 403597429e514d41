/** An API word as a label: `no_answer` → "No answer". */
export function humanize(word: string): string {
  const text = word.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
