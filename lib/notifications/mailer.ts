import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

const globalForMail = globalThis as unknown as { workcenterMail?: { url: string; transport: Transporter } };

/** Email is on when SMTP_URL is set (smtp:// or smtps://, credentials in the URL). */
export function isEmailEnabled(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

/** One nodemailer transport per process and SMTP_URL; null when email is off. */
export function getMailTransport(): Transporter | null {
  const url = getEnv().SMTP_URL;
  if (!url) return null;
  if (globalForMail.workcenterMail?.url !== url) globalForMail.workcenterMail = { url, transport: nodemailer.createTransport(url) };
  return globalForMail.workcenterMail.transport;
}

/** A mail server's failure in words, without the addresses its messages may quote. */
export function describeMailError(error: unknown): string {
  const code = typeof error === "object" && error && "code" in error ? String((error as { code: unknown }).code) : "";
  if (["ECONNREFUSED", "ETIMEDOUT", "ECONNECTION", "ESOCKET", "EDNS", "ENOTFOUND"].includes(code)) return `The mail server could not be reached (${code}); the email is tried again.`;
  if (code === "EAUTH") return "The mail server refused the sign-in in SMTP_URL; the email is tried again.";
  if (code === "EENVELOPE") return "The mail server refused the recipients or the sender (MAIL_FROM); the email is tried again.";
  return `The mail server did not accept the email${code ? ` (${code})` : ""}; it is tried again.`;
}

/** MAIL_FROM, or no-reply at the app's own host name. */
export function getMailFrom(): string {
  const env = getEnv();
  return env.MAIL_FROM ?? `Workcenter <no-reply@${new URL(env.APP_URL).hostname}>`;
}
