import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.XOMETRY_WEBHOOK_SECRET = "test-webhook-secret-0123456789abcdef";
process.env.APP_URL = "http://localhost:3999";
