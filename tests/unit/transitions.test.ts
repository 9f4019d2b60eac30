import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { canTransition, ensureTransition } from "@/lib/jobs/transitions";

const xometry = (status: "OFFERED" | "ACCEPTED" | "SHIPPED" | "CANCELLED") => ({ number: "J-1", source: "XOMETRY" as const, status });

describe("job transitions", () => {
  it("allows the Xometry life cycle and nothing else", () => {
    expect(canTransition("accept", xometry("OFFERED"))).toBe(true);
    expect(canTransition("ship", xometry("ACCEPTED"))).toBe(true);
    expect(canTransition("cancel", xometry("ACCEPTED"))).toBe(true);
    expect(canTransition("reprice", xometry("SHIPPED"))).toBe(true);
    expect(canTransition("ship", xometry("OFFERED"))).toBe(false);
    expect(canTransition("accept", xometry("ACCEPTED"))).toBe(false);
    expect(canTransition("accept", xometry("CANCELLED"))).toBe(false);
    expect(canTransition("cancel", xometry("SHIPPED"))).toBe(false);
    expect(canTransition("complete", { source: "IN_HOUSE", status: "OPEN" })).toBe(true);
    expect(canTransition("complete", { source: "IN_HOUSE", status: "COMPLETED" })).toBe(false);
    expect(canTransition("accept", { source: "IN_HOUSE", status: "OPEN" })).toBe(false);
  });

  it("explains a refused move in plain words", () => {
    const error = (() => {
      try {
        ensureTransition("ship", xometry("OFFERED"));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage).toBe("Job J-1 cannot be shipped: it has not been accepted yet.");
    expect((error as AppError).httpStatus).toBe(409);
  });
});
