import { onJobChangedAfterTrigger, triggerXometryInvoice } from "@/lib/invoicing/triggers";
import { triggerPayoutPayment } from "@/lib/payouts/payment-trigger";
import { onDomainEvent } from "./domain-events";

/** Every in-transaction follow-up of a domain event, registered once per process. */
onDomainEvent("job.accepted", (tx, event) => triggerXometryInvoice(tx, event, "JOB_ACCEPTED"));
onDomainEvent("job.shipped", (tx, event) => triggerXometryInvoice(tx, event, "JOB_SHIPPED"));
onDomainEvent("job.cancelled", onJobChangedAfterTrigger);
onDomainEvent("job.repriced", onJobChangedAfterTrigger);
onDomainEvent("payout.recorded", triggerPayoutPayment);
