import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page was not found</h1>
      <p className="mt-2 text-sm text-slate-600">It may belong to another shop, or it no longer exists.</p>
      <Link href="/jobs" className="mt-6 inline-block text-sm font-medium text-brand-700 hover:underline">
        Back to jobs
      </Link>
    </main>
  );
}
