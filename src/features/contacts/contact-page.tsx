import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { contactQueries } from '../../api/contacts';
import type { Campaign, Contact } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { ErrorState } from '../../components/error-state';
import { StatusBadge } from '../../components/status-badge';
import { showToast } from '../../components/toaster';
import { contactLabel } from '../../entities/contact/contact-label';
import { ZonedTime } from '../../components/zoned-time';
import { AttemptsList } from './attempts-list';
import { ContactZone } from './contact-zone';
import { SuppressNumberButton } from './suppress-number-button';
import { useExtension, usePermission } from '../../api/session';
import { asText } from '../../entities/contact/contact-display';

/** The Contacts tab's query string the row was opened from, so Back returns to it. */
export type ContactLinkState = { from?: string };

function CopyLinkButton() {
  return (
    <Button
      onClick={() =>
        navigator.clipboard.writeText(window.location.href).then(
          () => showToast('Link copied.', 'success'),
          () => showToast('Could not copy the link: copy it from the address bar.'),
        )
      }
    >
      Copy link
    </Button>
  );
}

function ContactDetails({ contact }: { contact: Contact }) {
  const data = Object.entries(contact.data);
  const zones = useExtension('contact-timezones');
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[fit-content(16rem)_minmax(0,1fr)]">
      <dt className="text-slate-600">Status</dt>
      <dd>
        <StatusBadge status={contact.status} />
      </dd>
      <dt className="text-slate-600">External ID</dt>
      <dd className="font-mono text-xs">{contact.external_id ?? '—'}</dd>
      <dt className="text-slate-600">Phone numbers</dt>
      <dd className="font-mono text-xs">{contact.phone_numbers.join(', ')}</dd>
      {contact.suppressed && (
        <>
          <dt className="text-slate-600">Do not call</dt>
          <dd className="font-medium text-red-800">
            A number is on the suppression list: never called
          </dd>
        </>
      )}
      {zones && contact.timezone !== undefined && (
        <>
          <dt className="text-slate-600">Time zone</dt>
          <dd>
            <ContactZone contact={contact} />
          </dd>
        </>
      )}
      {data.map(([key, value]) => (
        <div key={key} className="contents">
          {/* User-supplied, keys too: text only, never markup, and free to break anywhere. */}
          <dt className="text-slate-600 wrap-anywhere">{key}</dt>
          <dd className="wrap-anywhere">{asText(value)}</dd>
        </div>
      ))}
      <dt className="text-slate-600">Added</dt>
      <dd>
        <ZonedTime at={contact.created_at} style="date-time" />
      </dd>
      <dt className="text-slate-600">Updated</dt>
      <dd>
        <ZonedTime at={contact.updated_at} style="date-time" />
      </dd>
    </dl>
  );
}

/** `/campaigns/:id/contacts/:contactId` (UUID or external_id): one contact and every call. */
export function ContactPage({ campaign }: { campaign: Campaign }) {
  const { id = '', contactId = '' } = useParams();
  const state = useLocation().state as ContactLinkState | null;
  const contact = useQuery(contactQueries.detail(campaign.id, contactId));
  const suppression = useExtension('suppression');
  const canSuppress = usePermission('campaigns:manage').allowed && suppression;
  const back = (
    <Link
      to={`/campaigns/${encodeURIComponent(id)}/contacts${state?.from ?? ''}`}
      className="text-indigo-700 underline"
    >
      Back to contacts
    </Link>
  );
  if (contact.isPending) return <p className="text-slate-500">Loading contact…</p>;
  if (contact.isError) {
    return (
      <div className="space-y-3">
        {back}
        {contact.error instanceof ApiError && contact.error.status === 404 ? (
          <p className="text-slate-700">
            This campaign has no contact with the ID or external ID “{contactId}”.
          </p>
        ) : (
          <ErrorState
            title="Could not load the contact"
            error={contact.error}
            onRetry={() => contact.refetch()}
          />
        )}
      </div>
    );
  }
  const c = contact.data;
  return (
    <section aria-labelledby="contact-heading" className="space-y-4">
      {back}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="contact-heading" className="text-xl font-semibold wrap-anywhere">
          {contactLabel(c, 'name')}
        </h2>
        <div className="flex gap-2">
          {canSuppress && !c.suppressed && <SuppressNumberButton contact={c} />}
          <CopyLinkButton />
        </div>
      </div>
      <ContactDetails contact={c} />
      <h3 className="text-lg font-semibold">Attempts ({c.attempts.length})</h3>
      <AttemptsList attempts={c.attempts} />
    </section>
  );
}
