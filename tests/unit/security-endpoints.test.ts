import { describe, expect, it } from "vitest";
import { ENDPOINT_POLICIES } from "../security/endpoint-policies";
import { listEndpoints } from "../security/endpoints";

const endpoints = listEndpoints();

describe("every endpoint in app/ has a security policy", () => {
  it("finds the pages, route handlers and server actions on disk", () => {
    expect(endpoints.filter((endpoint) => endpoint.kind === "page").length).toBeGreaterThan(10);
    expect(endpoints.some((endpoint) => endpoint.key === "POST /api/webhooks/xometry/payouts")).toBe(true);
    expect(endpoints.some((endpoint) => endpoint.key === "ACTION app/(app)/jobs/actions.ts#acceptJobAction")).toBe(true);
  });

  it("lists each one in tests/security/endpoint-policies.ts, and nothing that no longer exists", () => {
    const found = endpoints.map((endpoint) => endpoint.key).sort();
    const missing = found.filter((key) => !ENDPOINT_POLICIES[key]);
    expect(missing, "endpoints without a policy: say who may call them (and the body limit of a POST)").toEqual([]);
    expect(Object.keys(ENDPOINT_POLICIES).filter((key) => !found.includes(key)), "policies for endpoints that are gone").toEqual([]);
  });

  it("states a body limit for every POST route handler, and none for anything else", () => {
    for (const endpoint of endpoints.filter((candidate) => candidate.kind === "route")) {
      const policy = ENDPOINT_POLICIES[endpoint.key];
      if (endpoint.method === "POST") expect(policy?.body, endpoint.key).toBeDefined();
      else expect(policy?.body, endpoint.key).toBeUndefined();
    }
  });

  it("gives webhooks (signed, public) the 1 MB limit and their signature check", () => {
    for (const endpoint of endpoints.filter((candidate) => candidate.pattern.includes("/webhooks"))) {
      expect(ENDPOINT_POLICIES[endpoint.key], endpoint.key).toMatchObject({ access: "public", body: "webhook" });
    }
  });

  it("has every server action ask for the session, unless it is public with a reason", () => {
    for (const action of endpoints.filter((endpoint) => endpoint.kind === "action")) {
      const policy = ENDPOINT_POLICIES[action.key];
      if (policy?.access === "public") expect(policy.why.length, action.key).toBeGreaterThan(10);
      else expect(action.source, action.key).toMatch(/requireActor\(|getSessionContext\(/);
    }
  });
});
