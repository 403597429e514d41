import { Link } from 'react-router';
import { PageHeading } from '../components/page-heading';

export function NotFoundPage() {
  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <PageHeading title={['Page not found']}>Page not found</PageHeading>
      <p className="mt-2 text-slate-600">There is nothing at this address.</p>
      <Link to="/campaigns" className="mt-4 inline-block text-indigo-700 underline">
        Go to campaigns
      </Link>
    </section>
  );
}
