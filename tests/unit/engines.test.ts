import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A small reading of npm's version ranges (no semver package among our direct dependencies):
// each range is a union of half-open intervals [lo, hi) of versions; prereleases are ignored.
type TVersion = [number, number, number];
type TInterval = { lo: TVersion; hi: TVersion | null };

const ZERO: TVersion = [0, 0, 0];
const compare = (a: TVersion, b: TVersion) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
const atLeast = (a: TVersion, b: TVersion) => (compare(a, b) >= 0 ? a : b);
const atMost = (a: TVersion | null, b: TVersion | null) => (a === null ? b : b === null ? a : compare(a, b) <= 0 ? a : b);

/** "20", "20.19", "20.x", "20.19.0": the numbers given (a wildcard ends them). */
function parts(text: string): number[] {
  const found: number[] = [];
  for (const part of (text.replace(/^v/, "").split("-")[0] ?? "").split(".")) {
    if (!/^\d+$/.test(part)) break;
    found.push(Number(part));
  }
  return found;
}

const floor = (given: number[]): TVersion => [given[0] ?? 0, given[1] ?? 0, given[2] ?? 0];
/** The first version past everything a partial version names: 20 → 21.0.0, 20.19 → 20.20.0. */
function pastPartial(given: number[]): TVersion | null {
  const [major = 0, minor = 0, patch = 0] = given;
  if (given.length === 0) return null;
  if (given.length === 1) return [major + 1, 0, 0];
  if (given.length === 2) return [major, minor + 1, 0];
  return [major, minor, patch + 1];
}

function comparatorInterval(comparator: string): TInterval {
  const match = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(comparator);
  const [operator, text] = [match?.[1] ?? "", match?.[2] ?? ""];
  const given = parts(text);
  if (text === "*" || text === "" || given.length === 0) return { lo: ZERO, hi: null };
  switch (operator) {
    case ">=":
      return { lo: floor(given), hi: null };
    case ">":
      return { lo: pastPartial(given) ?? ZERO, hi: null };
    case "<":
      return { lo: ZERO, hi: floor(given) };
    case "<=":
      return { lo: ZERO, hi: pastPartial(given) };
    case "~":
      return { lo: floor(given), hi: pastPartial(given.slice(0, given.length === 1 ? 1 : 2)) };
    case "^": {
      const firstNonZero = given.findIndex((value) => value !== 0);
      const keep = firstNonZero === -1 ? given.length : firstNonZero + 1;
      return { lo: floor(given), hi: pastPartial(given.slice(0, keep)) };
    }
    default:
      return { lo: floor(given), hi: pastPartial(given) };
  }
}

function parseRange(range: string): TInterval[] {
  return range.split("||").flatMap((set) => {
    const text = set.trim().replace(/([<>=^~]+)\s+/g, "$1");
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    const comparators = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : text.split(/\s+/);
    const interval = comparators.map(comparatorInterval).reduce((a, b) => ({ lo: atLeast(a.lo, b.lo), hi: atMost(a.hi, b.hi) }), { lo: ZERO, hi: null as TVersion | null });
    return interval.hi !== null && compare(interval.lo, interval.hi) >= 0 ? [] : [interval];
  });
}

/** Every version `inner` allows is one `outer` allows. */
function rangeWithin(inner: string, outer: string): boolean {
  const covering = parseRange(outer).sort((a, b) => compare(a.lo, b.lo));
  return parseRange(inner).every(({ lo, hi }) => {
    let point: TVersion | null = lo;
    while (point !== null && (hi === null || compare(point, hi) < 0)) {
      const current: TVersion = point;
      const holder = covering.find((interval) => compare(interval.lo, current) <= 0 && (interval.hi === null || compare(current, interval.hi) < 0));
      if (!holder) return false;
      point = holder.hi;
    }
    return true;
  });
}

function installedEngines(folder: string, found: { name: string; node: string }[] = []) {
  for (const entry of fs.readdirSync(folder)) {
    if (entry.startsWith(".")) continue;
    const location = path.join(folder, entry);
    if (entry.startsWith("@")) {
      installedEngines(location, found);
      continue;
    }
    const manifest = path.join(location, "package.json");
    if (fs.existsSync(manifest)) {
      const json = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string; version?: string; engines?: { node?: unknown } };
      if (typeof json.engines?.node === "string") found.push({ name: `${json.name}@${json.version}`, node: json.engines.node });
    }
    if (fs.existsSync(path.join(location, "node_modules"))) installedEngines(path.join(location, "node_modules"), found);
  }
  return found;
}

/**
 * Installed but never loaded by anything we run, so their floor is not ours: @prisma/streams-local
 * serves only `prisma dev` (a local Prisma Postgres); we run `prisma generate` and our own migrator.
 */
const NEVER_LOADED = new Set(["@prisma/streams-local"]);

const root = process.cwd();
const ours = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;

describe("engines", () => {
  it("reads npm's ranges: carets, tildes, partial and spaced versions, unions", () => {
    expect(rangeWithin(">=20.19", ">=20")).toBe(true);
    expect(rangeWithin(">=20.19", ">=22.12.0")).toBe(false);
    expect(rangeWithin(">=20.19", "^20.19.0 || >=22.12.0")).toBe(false); // 22.0 to 22.11 are out
    expect(rangeWithin("^20.19.0 || >=22.12.0", "^20.19.0 || >=22.12.0")).toBe(true);
    expect(rangeWithin("^20.19.0 || ^22.13.0 || >=24", "^20.0.0 || ^22.0.0 || >=24.0.0")).toBe(true);
    expect(rangeWithin("^20.19.0 || ^22.13.0 || >=24", "^20.19 || ^22.12 || >=24.0")).toBe(true);
    expect(rangeWithin("^20.19.0 || ^22.13.0 || >=23", "^20.19 || ^22.12 || >=24.0")).toBe(false);
    expect(rangeWithin(">=20.19", ">= 0.4")).toBe(true);
    expect(rangeWithin(">=20.19", ">= 10.x")).toBe(true);
    expect(rangeWithin("^20.19.0", "^10 || ^12 || >=14")).toBe(true);
    expect(rangeWithin("^20.19.0", "~20.19")).toBe(false);
    expect(rangeWithin("20.19.0 - 20.20.2", "^20.19")).toBe(true);
    expect(rangeWithin("^20.19.0", ">20")).toBe(false);
    expect(rangeWithin("^20.19.0", "*")).toBe(true);
  });

  it("our declared Node range is one every installed package accepts, and this Node is in it", () => {
    const packages = installedEngines(path.join(root, "node_modules"));
    expect(packages.length).toBeGreaterThan(100);
    const refusing = packages.filter((entry) => !NEVER_LOADED.has(entry.name.replace(/@[^@]*$/, "")) && !rangeWithin(ours, entry.node));
    expect(refusing).toEqual([]);
    expect(rangeWithin(process.versions.node, ours)).toBe(true);
  });
});
