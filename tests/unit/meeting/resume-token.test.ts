import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashResumeToken, issueResumeToken } from "@/lib/meeting";
import { resumeTokenSchema } from "@/lib/signaling";

describe("resume tokens", () => {
  it("are 32 random bytes in base64url, as the hello schema expects, and differ every time", async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, () => issueResumeToken()));
    for (const { token } of tokens) {
      expect(resumeTokenSchema.safeParse(token).success).toBe(true);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
    }
    expect(new Set(tokens.map(({ token }) => token)).size).toBe(20);
  });

  it("are kept as their SHA-256 in hex", async () => {
    const { token, hash } = await issueResumeToken();
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(await hashResumeToken(token)).toBe(hash);
  });
});
