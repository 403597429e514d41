import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AlertDelivery, AlertEvent, AlertRule } from '../../../contract/alerts';
import { alertQueries, useDeleteRule, useSaveRule, useTestRule } from '../../api/alerts';
import { campaignQueries } from '../../api/campaigns';
import { useExtension, usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/error-state';
import { PageHeading } from '../../components/page-heading';
import { Panel } from '../../components/panel';
import { cellClass, headClass } from '../../components/data-table/table-classes';
import {
  askForNotifications,
  notificationsSupported,
  notificationsWanted,
  stopNotifications,
} from '../../lib/alert-notifications';
import { ZonedTime } from '../../components/zoned-time';
import { RuleForm } from './rule-form';
import { ruleSentence } from './rule-words';

function deliveryWords(d: AlertDelivery): string {
  const where = d.channel.type === 'slack' ? 'Slack' : `Webhook ${d.channel.host}`;
  const tries = d.attempts === 1 ? '1 attempt' : `${d.attempts} attempts`;
  const status =
    d.status === 'delivered'
      ? `delivered after ${tries}`
      : d.status === 'failed'
        ? `failed after ${tries}`
        : d.attempts === 0
          ? 'sending'
          : `retrying (${tries})`;
  return `${where} (${d.state}): ${status}${d.last_error ? `, last error: ${d.last_error}` : ''}`;
}

function NotificationsControl() {
  const [wanted, setWanted] = useState(notificationsWanted);
  const [denied, setDenied] = useState(
    () => notificationsSupported() && Notification.permission === 'denied',
  );
  if (!notificationsSupported())
    return <p className="text-sm text-slate-600">This browser cannot show notifications.</p>;
  if (wanted)
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>This browser shows a notification when an alert fires while Headroom is open.</span>
        <Button
          onClick={() => {
            stopNotifications();
            setWanted(false);
          }}
        >
          Stop browser notifications
        </Button>
      </div>
    );
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <Button
        onClick={async () => {
          const answer = await askForNotifications();
          setWanted(answer === 'granted');
          setDenied(answer === 'denied');
        }}
      >
        Notify me in this browser
      </Button>
      {denied && <span>Notifications are blocked for this site in the browser’s settings.</span>}
    </div>
  );
}

function RuleItem({
  rule,
  campaign,
  canManage,
}: {
  rule: AlertRule;
  campaign: string | null;
  canManage: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const save = useSaveRule();
  const remove = useDeleteRule();
  const test = useTestRule();
  return (
    <li className="rounded-md border border-slate-200 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="font-medium">{rule.name}</h3>
          <p className="text-sm text-slate-700">{ruleSentence(rule, campaign)}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={rule.enabled}
              disabled={!canManage || save.isPending}
              onChange={(e) => save.mutate({ id: rule.id, rule: { enabled: e.target.checked } })}
            />
            Enabled
          </label>
          {canManage && (
            <>
              <Button onClick={() => test.mutate(rule.id)} disabled={test.isPending}>
                Send test
              </Button>
              <Dialog
                open={editing}
                onOpenChange={setEditing}
                title={`Edit ${rule.name}`}
                wide
                trigger={<Button>Edit</Button>}
              >
                <RuleForm rule={rule} onDone={() => setEditing(false)} />
              </Dialog>
              <Dialog
                open={deleting}
                onOpenChange={setDeleting}
                title={`Delete ${rule.name}?`}
                description="Its events and their delivery log go with it."
                trigger={<Button variant="danger">Delete</Button>}
              >
                <div className="flex justify-end gap-2">
                  <Button onClick={() => setDeleting(false)}>Cancel</Button>
                  <Button
                    variant="danger"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(rule.id, { onSuccess: () => setDeleting(false) })}
                  >
                    Delete rule
                  </Button>
                </div>
                {remove.error && (
                  <p role="alert" className="mt-2 text-sm text-red-800">
                    {remove.error.message}
                  </p>
                )}
              </Dialog>
            </>
          )}
        </div>
      </div>
      <div aria-live="polite" className="text-sm">
        {test.data &&
          (test.data.deliveries ? (
            <ul className="mt-2">
              {test.data.deliveries.map((d, i) => (
                <li key={i}>Test: {deliveryWords(d)}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-2">Test sent: this server does not say what the channels answered.</p>
          ))}
        {test.error && <p className="mt-2 text-red-800">Test not sent: {test.error.message}</p>}
        {save.error && <p className="mt-2 text-red-800">Not saved: {save.error.message}</p>}
      </div>
    </li>
  );
}

function EventRow({
  event,
  rule,
  campaign,
}: {
  event: AlertEvent;
  rule?: string;
  campaign: string | null;
}) {
  return (
    <tr>
      <td className={`${cellClass} align-top`}>
        <ZonedTime at={event.fired_at} style="date-time" />
      </td>
      <td className={`${cellClass} align-top`}>
        {rule ?? 'A deleted rule'}
        {campaign && <div className="text-xs text-slate-600">{campaign}</div>}
      </td>
      <td className={`${cellClass} align-top`}>{event.message}</td>
      <td className={`${cellClass} align-top`}>
        {event.state === 'firing' ? (
          <span className="font-medium text-red-900">Firing</span>
        ) : (
          <>
            Resolved{' '}
            {event.resolved_at ? <ZonedTime at={event.resolved_at} style="date-time" /> : ''}
          </>
        )}
      </td>
      <td className={`${cellClass} align-top`}>
        <ul>
          {event.deliveries.map((d, i) => (
            <li key={i}>{deliveryWords(d)}</li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

export function AlertsPage() {
  const offered = useExtension('alerts');
  const { allowed: canManage } = usePermission('campaigns:manage');
  const rules = useQuery({ ...alertQueries.rules(), enabled: offered });
  const events = useQuery({ ...alertQueries.events(), enabled: offered });
  const campaigns = useQuery({ ...campaignQueries.everything(), enabled: offered });
  const [creating, setCreating] = useState(false);
  const nameOf = (id: string | null) =>
    id === null ? null : (campaigns.data?.find((c) => c.id === id)?.name ?? 'A campaign');
  const ruleName = new Map(rules.data?.rules.map((r) => [r.id, r.name]));

  if (!offered)
    return (
      <>
        <PageHeading title={['Alerts']}>Alerts</PageHeading>
        <p className="text-sm text-slate-700">This server does not offer alerts.</p>
      </>
    );
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <PageHeading title={['Alerts']}>Alerts</PageHeading>
        {canManage && (
          <Dialog
            open={creating}
            onOpenChange={setCreating}
            title="New alert rule"
            wide
            trigger={<Button variant="primary">New rule</Button>}
          >
            <RuleForm rule={null} onDone={() => setCreating(false)} />
          </Dialog>
        )}
      </div>
      <p className="mb-4 text-sm text-slate-600">
        The server checks every rule every 15 seconds, whether or not anyone is looking, and tells
        the rule’s channels once when a condition starts and once when it ends.
      </p>
      <div className="space-y-6">
        <Panel title="Browser notifications">
          <div className="mt-2">
            <NotificationsControl />
          </div>
        </Panel>
        <Panel title="Rules">
          {rules.isPending ? (
            <p className="mt-2 text-sm text-slate-500">Loading rules…</p>
          ) : rules.isError ? (
            <ErrorState
              title="Could not load the rules"
              error={rules.error}
              onRetry={() => rules.refetch()}
            />
          ) : rules.data.rules.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No rules yet.</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {rules.data.rules.map((rule) => (
                <RuleItem
                  key={rule.id}
                  rule={rule}
                  campaign={nameOf(rule.campaign_id)}
                  canManage={canManage}
                />
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Events">
          {events.isPending ? (
            <p className="mt-2 text-sm text-slate-500">Loading events…</p>
          ) : events.isError ? (
            <ErrorState
              title="Could not load the events"
              error={events.error}
              onRetry={() => events.refetch()}
            />
          ) : events.data.events.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No alert has fired yet.</p>
          ) : (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">Alert events, newest first</caption>
                <thead>
                  <tr>
                    {['Fired', 'Rule', 'What happened', 'State', 'Deliveries'].map((h) => (
                      <th key={h} scope="col" className={`${headClass} ${cellClass}`}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {events.data.events.map((e) => (
                    <EventRow
                      key={e.id}
                      event={e}
                      rule={ruleName.get(e.rule_id)}
                      campaign={nameOf(e.campaign_id)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
      </div>
    </>
  );
}
