import {
  cloneElement,
  Suspense,
  use,
  useState,
  type FocusEvent,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from 'react';

type TriggerProps = {
  'aria-haspopup'?: 'dialog';
  'aria-expanded'?: boolean;
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
  onPointerEnter?: (event: MouseEvent<HTMLElement>) => void;
};

export type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  trigger?: ReactElement<TriggerProps>;
  children: ReactNode;
  wide?: boolean;
  /** Where focus goes on close when the opener is gone (the next row after a delete). */
  returnFocus?: () => HTMLElement | null | undefined;
};

// Radix and its focus trap are not needed to show a page: they load with the first dialog
// opened, or as soon as a pointer or the focus reaches a trigger; from then on every
// dialog renders at once.
type Radix = typeof import('./radix-dialog');
let radix: Radix | undefined;
let loading: Promise<Radix> | undefined;
export function loadDialogs(): Promise<Radix> {
  loading ??= import('./radix-dialog').then((m) => (radix = m));
  return loading;
}

function Modal(props: DialogProps) {
  // Once Radix is here, at once; until then `use` suspends on its load and the Suspense
  // boundary shows the trigger meanwhile.
  const { RadixModal } = radix ?? use(loadDialogs());
  return <RadixModal {...props} />;
}

/**
 * Accessible modal (focus trap, Escape, labelled); its trigger opens it. On close, focus goes
 * to `returnFocus()`, else back to what opened it, else to the page heading (radix-dialog.tsx).
 */
export function Dialog(props: DialogProps) {
  const { open, onOpenChange, trigger } = props;
  const [used, setUsed] = useState(open);
  if (open && !used) setUsed(true);
  if (!used) {
    if (!trigger) return null;
    const own = trigger.props;
    return cloneElement(trigger, {
      'aria-haspopup': 'dialog',
      'aria-expanded': false,
      onPointerEnter: (event: MouseEvent<HTMLElement>) => {
        own.onPointerEnter?.(event);
        void loadDialogs();
      },
      onFocus: (event: FocusEvent<HTMLElement>) => {
        own.onFocus?.(event);
        void loadDialogs();
      },
      onClick: (event: MouseEvent<HTMLElement>) => {
        own.onClick?.(event);
        if (!event.defaultPrevented) onOpenChange(true);
      },
    });
  }
  return (
    <Suspense fallback={trigger ?? null}>
      <Modal {...props} />
    </Suspense>
  );
}
