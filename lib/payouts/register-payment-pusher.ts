import { registerPusher } from "@/lib/sync/run-push-sync";
import { pushPayment } from "./push-payment";

registerPusher("PAYMENT", pushPayment);
