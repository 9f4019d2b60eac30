// The emulator's RSA key for id_tokens (RS256 JWTs, node:crypto only), published as a JWKS. Made on first use, kept
// for the process: an id_token is checked when it arrives, so a restart needs no saved key.
import { type KeyObject, createHash, generateKeyPairSync, sign } from "node:crypto";

export interface Jwk {
  kty: string;
  e: string;
  use: "sig";
  kid: string;
  alg: "RS256";
  n: string;
}

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export class SigningKey {
  private key: { privateKey: KeyObject; jwk: Jwk } | undefined;

  private getKey(): { privateKey: KeyObject; jwk: Jwk } {
    if (this.key) return this.key;
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const { n = "", e = "", kty = "RSA" } = publicKey.export({ format: "jwk" });
    // RFC 7638 thumbprint (members in lexicographic order), shortened like Intuit's 20-character kids.
    const kid = createHash("sha256").update(JSON.stringify({ e, kty, n })).digest("base64url").slice(0, 20);
    this.key = { privateKey, jwk: { kty, e, use: "sig", kid, alg: "RS256", n } };
    return this.key;
  }

  /** `{"keys":[…]}` as at Intuit's jwks_uri. */
  buildJwks(): { keys: Jwk[] } {
    return { keys: [this.getKey().jwk] };
  }

  /** A compact RS256 JWT with this key's `kid` in the header. */
  signJwt(claims: Record<string, unknown>): string {
    const { privateKey, jwk } = this.getKey();
    const input = `${encodeSegment({ alg: "RS256", kid: jwk.kid })}.${encodeSegment(claims)}`;
    return `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
  }
}
