import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.server";

describe("configuration", () => {
  it("has working defaults for a laptop", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe("file:./data/razem.db");
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.cookieSecure).toBe(false);
  });
  it("uses Secure cookies in production behind https", () => {
    expect(parseEnv({ NODE_ENV: "production", APP_URL: "https://razem.example.pl" }).cookieSecure).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", APP_URL: "http://localhost:3000" }).cookieSecure).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", COOKIE_SECURE: "true" }).cookieSecure).toBe(true);
  });
  it("rejects bad values with a clear message naming the variable", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => parseEnv({ SMTP_URL: "mail.example.pl" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://x" })).toThrow(/DATABASE_URL/);
  });
});
