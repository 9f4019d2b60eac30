import fs from "node:fs";
import path from "node:path";

/** A page, a route handler method, or a server action, found in app/ by walking the file system. */
export type TEndpoint = {
  /** "PAGE /jobs/[jobId]", "POST /api/jobs/[jobId]/invoice", "ACTION app/(app)/jobs/actions.ts#acceptJobAction" */
  key: string;
  kind: "page" | "route" | "action";
  method: string;
  /** URL pattern with [params]; for actions, the file. */
  pattern: string;
  params: string[];
  file: string;
  /** Actions only: the function's source, up to the next export. */
  source?: string;
};

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** app/(app)/jobs/[jobId]/page.tsx → /jobs/[jobId]: route groups vanish, params stay. */
function toPattern(file: string, root: string): string {
  const segments = path.relative(root, path.dirname(file)).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function paramsOf(pattern: string): string[] {
  return [...pattern.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!);
}

function listActions(file: string, text: string): TEndpoint[] {
  const exports = [...text.matchAll(/^export async function (\w+)/gm)];
  return exports.map((match, index) => ({
    key: `ACTION ${file}#${match[1]}`,
    kind: "action" as const,
    method: "POST",
    pattern: file,
    params: [],
    file,
    source: text.slice(match.index, exports[index + 1]?.index ?? text.length),
  }));
}

/** Every page, route handler method and server action under `root` (default: app/). */
export function listEndpoints(root = "app"): TEndpoint[] {
  const endpoints: TEndpoint[] = [];
  for (const file of walk(root).sort()) {
    const text = fs.readFileSync(file, "utf8");
    const pattern = toPattern(file, root);
    if (/\/page\.tsx?$/.test(file)) endpoints.push({ key: `PAGE ${pattern}`, kind: "page", method: "GET", pattern, params: paramsOf(pattern), file });
    if (/\/route\.tsx?$/.test(file)) {
      for (const method of HTTP_METHODS.filter((name) => new RegExp(`export (async function|const) ${name}\\b`).test(text))) {
        endpoints.push({ key: `${method} ${pattern}`, kind: "route", method, pattern, params: paramsOf(pattern), file });
      }
    }
    if (/^\s*["']use server["']/.test(text)) endpoints.push(...listActions(file, text));
  }
  return endpoints;
}

/** A concrete URL for a pattern, with each [param] replaced from `values`. */
export function toUrl(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`No value for [${name}] in ${pattern}: add one to the security spec's resolvers`);
    return encodeURIComponent(value);
  });
}
