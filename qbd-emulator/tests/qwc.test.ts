// The .qwc file: what QBWC reads from it, and what it refuses to add.
import { describe, expect, it } from "vitest";
import { createCompanyFile, parseQwc, QwcError, WebConnector } from "../src/index";
import { buildQwc } from "./soap-service";

const refusal = (qwc: string): string => {
  try {
    parseQwc(qwc);
  } catch (error) {
    if (error instanceof QwcError) return error.code;
    throw error;
  }
  return "accepted";
};

describe(".qwc", () => {
  it("reads the application, user, ids and schedule", () => {
    const qwc = parseQwc(buildQwc({ appUrl: "https://app.workcenter.example/api/integrations/quickbooks-desktop/qbwc", appSupport: "https://workcenter.example/support" }));
    expect(qwc).toMatchObject({
      appName: "Workcenter",
      appUrl: "https://app.workcenter.example/api/integrations/quickbooks-desktop/qbwc",
      userName: "acme-desktop",
      ownerId: "{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}",
      fileId: "{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}",
      qbType: "QBFS",
      runEverySeconds: 300,
      isReadOnly: false,
    });
    expect(parseQwc(buildQwc({ appUrl: "http://localhost:3000/qbwc", scheduler: "<Scheduler><RunEveryNSeconds>45</RunEveryNSeconds></Scheduler>" })).runEverySeconds).toBe(45);
    expect(parseQwc(buildQwc({ appUrl: "http://localhost:3000/qbwc", scheduler: "" })).runEverySeconds).toBeUndefined();
  });

  it("refuses http outside localhost, IP addresses, and AppSupport in another domain", () => {
    expect(refusal(buildQwc({ appUrl: "http://app.workcenter.example/qbwc" }))).toBe("QBWC1010");
    expect(refusal(buildQwc({ appUrl: "https://10.0.0.5/qbwc" }))).toBe("QBWC1001");
    expect(refusal(buildQwc({ appUrl: "http://127.0.0.1:3000/qbwc" }))).toBe("QBWC1001");
    expect(refusal(buildQwc({ appUrl: "https://app.workcenter.example/qbwc", appSupport: "https://elsewhere.example/help" }))).toBe("QBWC1000");
    expect(refusal(buildQwc({ appUrl: "http://localhost:3000/qbwc" }))).toBe("accepted");
  });

  it("refuses missing fields, ids that are not GUIDs in braces, and another QBType", () => {
    const good = buildQwc({ appUrl: "https://app.workcenter.example/qbwc" });
    expect(refusal(good.replace(/<UserName>.*<\/UserName>/, ""))).toBe("QBWC1039");
    expect(refusal(good.replace(/<UserName>.*<\/UserName>/, "<UserName></UserName>"))).toBe("QBWC1039");
    expect(refusal(good.replace("{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}", "57F3B9B1-86F1-4FCC-B1EE-566DE1813D20"))).toBe("QBWC1039");
    expect(refusal(good.replace("{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}", "acme"))).toBe("QBWC1039");
    expect(refusal(good.replace("QBFS", "QBO"))).toBe("QBWC1039");
    expect(refusal("<QBWCXML><AppName>x</AppName>")).toBe("QBWC1039");
  });

  it("is checked when the Web Connector is created", () => {
    expect(() => new WebConnector({ qwc: buildQwc({ appUrl: "http://example.com/qbwc" }), password: "p", companyFile: createCompanyFile() })).toThrow(QwcError);
  });
});
