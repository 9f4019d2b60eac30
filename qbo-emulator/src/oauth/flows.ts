// A pending authorization (between GET /connect/oauth2 and the redirect back to the app).
import { now } from "../clock";
import { randomToken } from "../ids";

const FLOW_TTL_MS = 15 * 60_000;

export interface AuthorizeFlow {
  id: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  isSignedIn: boolean;
  expiresAt: number;
}

export class AuthorizeFlows {
  private flows = new Map<string, AuthorizeFlow>();

  create(f: Omit<AuthorizeFlow, "id" | "isSignedIn" | "expiresAt">): AuthorizeFlow {
    for (const [id, flow] of this.flows) if (flow.expiresAt < now()) this.flows.delete(id);
    const flow: AuthorizeFlow = { ...f, id: randomToken(18), isSignedIn: false, expiresAt: now() + FLOW_TTL_MS };
    this.flows.set(flow.id, flow);
    return flow;
  }

  get(id: string | null): AuthorizeFlow | undefined {
    const flow = id ? this.flows.get(id) : undefined;
    return flow && flow.expiresAt >= now() ? flow : undefined;
  }

  finish(id: string): void {
    this.flows.delete(id);
  }

  clear(): void {
    this.flows.clear();
  }
}
