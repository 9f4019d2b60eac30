// A worker in its own process, for the test that kills one mid-push. Env comes from the parent.
import { composeFeatures } from "../../lib/features";
import { startWorker } from "../../lib/queue/worker";

composeFeatures();
await startWorker({ concurrency: 2, sweepIntervalMs: 500 });
process.send?.("ready");
