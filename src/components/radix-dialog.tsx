import * as RadixDialog from '@radix-ui/react-dialog';
import { useRef } from 'react';
import type { DialogProps } from './dialog';

/** Accessible modal (focus trap, Escape, labelled) on Radix primitives. */
export function RadixModal({
  open,
  onOpenChange,
  title,
  description,
  trigger,
  children,
  wide = false,
  returnFocus,
}: DialogProps) {
  const opener = useRef<Element | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && (
        <RadixDialog.Trigger asChild ref={triggerRef}>
          {trigger}
        </RadixDialog.Trigger>
      )}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <RadixDialog.Content
          className={`fixed top-1/2 left-1/2 z-50 max-h-[90vh] ${wide ? 'w-[min(48rem,calc(100vw-2rem))]' : 'w-[min(32rem,calc(100vw-2rem))]'} -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl`}
          {...(description ? {} : { 'aria-describedby': undefined })}
          // Radix moves focus into the dialog after this: activeElement is still the opener.
          onOpenAutoFocus={() => (opener.current = document.activeElement)}
          onCloseAutoFocus={(event) => {
            // Back to the opener (the trigger, when Radix loading on first use replaced the
            // button that was clicked); if a delete or a close took it away, to
            // `returnFocus()` or the page heading, never to the body.
            const target = [
              returnFocus?.(),
              opener.current,
              triggerRef.current,
              document.querySelector('main h1'),
            ].find(
              (el): el is HTMLElement =>
                el instanceof HTMLElement && el !== document.body && el.isConnected,
            );
            event.preventDefault();
            target?.focus();
          }}
          onEscapeKeyDown={(event) => {
            // An open listbox (the timezone picker) closes itself first, not the dialog.
            if (
              event.target instanceof Element &&
              event.target.closest('[role="combobox"][aria-expanded="true"]')
            )
              event.preventDefault();
          }}
        >
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          {description && (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600">
              {description}
            </RadixDialog.Description>
          )}
          <div className="mt-4">{children}</div>
          <RadixDialog.Close
            aria-label="Close dialog"
            className="absolute top-3 right-3 rounded px-2 text-xl leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          >
            ×
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
