import { describe, expect, it } from "vitest";
import { classifyQuickBooksFailure } from "@/lib/quickbooks/errors";

const fault = (code: string, detail = "Duplicate Name Exists Error : Acme Customer Inc.") => ({
  Fault: { Error: [{ Message: "Validation", Detail: detail, code }], type: "ValidationFault" },
});
const legacy = { fault: { error: [{ message: "message=AuthenticationFailed; errorCode=003200; statusCode=401", code: "3200" }], type: "AUTHENTICATION" } };

describe("classifying QuickBooks failures by status and Fault code", () => {
  it("maps each kind from status and code, never from text", () => {
    expect(classifyQuickBooksFailure(401, legacy)).toMatchObject({ kind: "auth", faultCode: "3200", isRetryable: true });
    expect(classifyQuickBooksFailure(403, {})).toMatchObject({ kind: "reconnect", isRetryable: false });
    expect(classifyQuickBooksFailure(429, {})).toMatchObject({ kind: "throttled", isRetryable: true });
    expect(classifyQuickBooksFailure(400, fault("3001"))).toMatchObject({ kind: "throttled" });
    expect(classifyQuickBooksFailure(503, null)).toMatchObject({ kind: "transient", isRetryable: true });
    expect(classifyQuickBooksFailure(null, null, "ECONNRESET")).toMatchObject({ kind: "transient" });
    expect(classifyQuickBooksFailure(400, fault("5010"))).toMatchObject({ kind: "stale" });
    expect(classifyQuickBooksFailure(400, fault("610"))).toMatchObject({ kind: "not_found", isRetryable: false });
    expect(classifyQuickBooksFailure(400, fault("6240"))).toMatchObject({ kind: "business", userMessage: "QuickBooks already has a customer with this name." });
    expect(classifyQuickBooksFailure(400, fault("9999"))).toMatchObject({ kind: "business", userMessage: "QuickBooks rejected the request." });
  });

  it("keeps the Fault's details (which can name customers) out of the message", () => {
    const error = classifyQuickBooksFailure(400, fault("6240"));
    expect(error.message).toBe("QuickBooks 400 6240");
    expect(error.message).not.toContain("Acme Customer");
  });
});
