import type { Metadata } from "next";
import Link from "next/link";
import { CustomerLinksTable } from "@/components/customers/customer-links-table";
import { PageHeader } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { getCustomerLinksView } from "@/lib/customers/customer-links-view";

export const metadata: Metadata = { title: "QuickBooks customers" };

export default async function QuickBooksCustomersPage() {
  const session = await requirePageSession();
  const view = await getCustomerLinksView(session);
  return (
    <>
      <nav className="mb-2 text-sm text-slate-500">
        <Link href="/management/integrations" className="hover:underline">
          Integrations
        </Link>{" "}
        / QuickBooks customers
      </nav>
      <PageHeader
        title="Customers"
        description="Each in-house customer, as typed on its jobs, is linked once to a QuickBooks customer; its invoices go to that customer. Workcenter keeps only the QuickBooks id and name: addresses and emails stay in QuickBooks."
      />
      <CustomerLinksTable view={view} />
    </>
  );
}
