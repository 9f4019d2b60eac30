"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function JobTabs({ jobId }: { jobId: string }) {
  const pathname = usePathname();
  const tabs = [
    { href: `/jobs/${jobId}`, label: "Overview" },
    { href: `/jobs/${jobId}/invoice`, label: "Invoice" },
  ];
  return (
    <div role="tablist" aria-label="Job sections" className="flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => {
        const isActive = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            role="tab"
            aria-selected={isActive}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${isActive ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </div>
  );
}
