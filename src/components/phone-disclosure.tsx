import { useId, useState, type ReactNode } from 'react';
import { Button } from './button';

/**
 * Controls that sit inline from 640 px up and, on a phone, behind one button ("Filters (2)"),
 * so they do not push the first rows off the first screen. Place it in a wrapping flex row:
 * the button is the row's, the opened controls take a line of their own under it.
 */
export function PhoneDisclosure({
  label,
  count = 0,
  children,
}: {
  label: string;
  /** How many of the controls are in use, said on the button so closed is not forgotten. */
  count?: number;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <Button
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="sm:hidden"
      >
        {label}
        {count > 0 && ` (${count})`}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </Button>
      <div
        id={id}
        className={`${open ? 'flex' : 'hidden'} w-full flex-wrap items-center gap-2 sm:contents`}
      >
        {children}
      </div>
    </>
  );
}
