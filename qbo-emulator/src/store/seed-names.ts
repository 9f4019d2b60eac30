// Deterministic, realistic customer names for a machine shop's customer list (so query paging is real).

const PREFIXES = [
  "Allied", "Apex", "Bayview", "Blue Ridge", "Cardinal", "Cedar", "Columbia", "Delta", "Eagle", "Evergreen",
  "Frontier", "Granite", "Harbor", "Horizon", "Iron Range", "Keystone", "Lakeshore", "Liberty", "Meridian", "Mesa",
  "Northstar", "Pacific", "Piedmont", "Pinnacle", "Prairie", "Redwood", "River City", "Sierra", "Tri-County", "Valley",
];

const SUFFIXES = [
  "Aerospace", "Automation", "Controls", "Dynamics", "Engineering", "Fluid Power", "Instruments", "Medical Devices",
  "Motion Systems", "Robotics", "Tool & Die", "Hydraulics", "Defense Systems", "Energy", "Optics",
];

const FORMS = ["Inc.", "LLC", "Corp.", "Co.", ""];

export interface SeedCustomerName {
  displayName: string;
  companyName: string;
  email: string;
}

export function buildSeedCustomerNames(count: number): SeedCustomerName[] {
  const names: SeedCustomerName[] = [];
  const seen = new Set<string>();
  for (let i = 0; names.length < count && i < PREFIXES.length * SUFFIXES.length; i += 1) {
    const prefix = PREFIXES[(i * 7) % PREFIXES.length] ?? "Allied";
    const suffix = SUFFIXES[(i * 11 + Math.floor(i / PREFIXES.length)) % SUFFIXES.length] ?? "Engineering";
    const form = FORMS[i % FORMS.length] ?? "";
    const companyName = `${prefix} ${suffix}${form ? ` ${form}` : ""}`;
    if (seen.has(companyName.toLowerCase())) continue;
    seen.add(companyName.toLowerCase());
    const slug = `${prefix}${suffix}`.toLowerCase().replace(/[^a-z]/g, "").slice(0, 18);
    names.push({ displayName: companyName, companyName, email: `ap@${slug}.example.com` });
  }
  return names;
}
