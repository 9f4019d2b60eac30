import type { TPreflightIssue } from "@/lib/quickbooks/setup/preflight";

export function PreflightNotices({ issues }: { issues: TPreflightIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="preflight">
      {issues.map((issue) => (
        <div key={issue.code} role={issue.severity === "blocker" ? "alert" : "note"} className={`rounded-md px-4 py-3 text-sm ${issue.severity === "blocker" ? "bg-red-50 text-red-800" : "bg-blue-50 text-blue-900"}`}>
          <p className="font-medium">{issue.title}</p>
          <p className="mt-1">{issue.message}</p>
        </div>
      ))}
    </div>
  );
}
