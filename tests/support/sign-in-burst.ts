// A separate process that fires a burst of wrong sign-ins when told to; env comes from the parent.
import { attemptSignIn } from "../../lib/auth/sign-in";

const { BURST_EMAIL, BURST_ADDRESS, BURST_COUNT, BURST_AT } = process.env;

process.on("message", async () => {
  const results = await Promise.all(
    Array.from({ length: Number(BURST_COUNT) }, () =>
      attemptSignIn({ email: BURST_EMAIL!, password: "wrong password", client: { address: BURST_ADDRESS!, userAgent: `burst ${process.pid}` } }, new Date(BURST_AT!)),
    ),
  );
  process.send?.(results.map((result) => (result.ok ? "signed-in" : result.reason)), () => process.exit(0));
});
process.send?.("ready");
