// A web process for the connection-budget test: the same pools as `npm start`'s server (Prisma,
// pg-boss, the worker it runs unless WORKER=off), starting a backfill and polling its progress
// the way the Integrations page does. Env (DATABASE_URL, QuickBooks) comes from the parent.
import type { TActor } from "../../lib/auth/permissions";
import { getBackfillProgress, startBackfill } from "../../lib/invoicing/backfill";
import { composeFeatures } from "../../lib/features";
import { startWorker } from "../../lib/queue/worker";

composeFeatures();
await startWorker();
process.send?.("ready");
process.once("message", (actor: TActor) => {
  void (async () => {
    await startBackfill(actor);
    for (;;) {
      const progress = await getBackfillProgress(actor.organizationId);
      if (progress?.isFinished) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    process.send?.("done");
  })();
});
