// A separate process that fires a burst of wrong sign-ins when told to; env comes from the parent.
import { attemptSignIn } from "../../lib/auth/sign-in";

const { BURST_EMAIL, BURST_ADDRESS, BURST_COUNT, BURST_AT } = process.env;

process.on("message", async () => {
  const results = await Promise.allSettled(
    Array.from({ length: Number(BURST_COUNT) }, () =>
      attemptSignIn({ email: BURST_EMAIL!, password: "wrong password", client: { address: BURST_ADDRESS!, userAgent: `burst ${process.pid}` } }, new Date(BURST_AT!)),
    ),
  );
  const outcomes = results.map((settled) => (settled.status === "rejected" ? `error: ${String(settled.reason)}` : settled.value.ok ? "signed-in" : settled.value.reason));
  process.send?.(outcomes, () => process.exit(0));
});
process.send?.("ready");
