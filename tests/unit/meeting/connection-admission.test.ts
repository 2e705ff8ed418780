import { describe, expect, it } from "vitest";
import { ConnectionAdmission } from "@/lib/meeting/connection-admission";

const request = (jti: string, userId = "user-ann", expiresAt = 1_000) => ({ userId, jti, expiresAt });
const now = 960_000;

describe("ConnectionAdmission", () => {
  it("accepts a join token for one socket only, even after that socket closed", () => {
    const admission = new ConnectionAdmission();
    expect(admission.admit("c1", request("t1"), now)).toBe("admit");
    expect(admission.admit("c2", request("t1"), now)).toBe("token-reused");
    admission.release("c1");
    expect(admission.admit("c3", request("t1"), now)).toBe("token-reused");
    expect(admission.admit("c4", request("t2"), now)).toBe("admit");
  });

  it("caps one user's sockets, counting each release once, and leaves other users alone", () => {
    const admission = new ConnectionAdmission({ maxConnectionsPerUser: 2, maxRememberedTokens: 100 });
    expect(admission.admit("c1", request("t1"), now)).toBe("admit");
    expect(admission.admit("c2", request("t2"), now)).toBe("admit");
    expect(admission.admit("c3", request("t3"), now)).toBe("too-many-connections");
    expect(admission.admit("c4", request("t4", "user-bob"), now)).toBe("admit");
    admission.release("c1");
    admission.release("c1");
    admission.release("c3");
    expect(admission.admit("c5", request("t5"), now)).toBe("admit");
    expect(admission.admit("c6", request("t6"), now)).toBe("too-many-connections");
  });

  it("forgets tokens once they expired (past the clock tolerance), so memory stays bounded", () => {
    const admission = new ConnectionAdmission({ maxConnectionsPerUser: 100, maxRememberedTokens: 3 }, 5_000);
    for (const jti of ["a", "b", "c"]) admission.admit(jti, request(jti, `user-${jti}`, 1_000), now);
    // Full of live tokens: refusing is safer than forgetting one that could then be used again.
    expect(admission.admit("d", request("d", "user-d", 1_060), now)).toBe("busy");
    expect(admission.admit("d", request("d", "user-d", 1_060), 1_004_999)).toBe("busy");
    // From `exp` plus the tolerance on, the tokens are refused as expired anyway.
    expect(admission.admit("d", request("d", "user-d", 1_060), 1_005_000)).toBe("admit");
    expect(admission.rememberedTokens).toBe(1);
  });
});
