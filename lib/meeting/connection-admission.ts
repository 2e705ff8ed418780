/**
 * Who may open a socket into a room, decided before the socket counts as a connection: a join token opens one
 * socket only (its `jti` is remembered until it expires, so one token cannot multiply every per-socket limit), and
 * one user holds a bounded number of sockets at a time (tabs, each with a lobby socket and its replacement).
 */
export type AdmissionVerdict = "admit" | "token-reused" | "too-many-connections" | "busy";

export type AdmissionLimits = {
  /** Sockets one user may hold in one room: three tabs, each with up to two lobby sockets and a half-open one. */
  readonly maxConnectionsPerUser: number;
  /** Bound on the remembered token ids; reached only by a flood of fresh tokens within their 60 s lifetime. */
  readonly maxRememberedTokens: number;
};

export const DEFAULT_ADMISSION_LIMITS: AdmissionLimits = { maxConnectionsPerUser: 10, maxRememberedTokens: 20_000 };

export type AdmissionRequest = { userId: string; jti: string; /** Epoch seconds, the token's `exp`. */ expiresAt: number };

export class ConnectionAdmission {
  /** jti → epoch ms after which the token is refused anyway (by expiry), so it need not be remembered. */
  private readonly usedTokens = new Map<string, number>();
  private readonly userOfConnection = new Map<string, string>();
  private readonly connectionsOfUser = new Map<string, number>();

  constructor(
    private readonly limits: AdmissionLimits = DEFAULT_ADMISSION_LIMITS,
    /** Tokens are accepted up to this long after `exp` (clock skew between app and PartyKit). */
    private readonly toleranceMs = 5_000,
  ) {}

  admit(connectionId: string, request: AdmissionRequest, now: number): AdmissionVerdict {
    this.forgetExpired(now);
    if (this.usedTokens.has(request.jti)) return "token-reused";
    if ((this.connectionsOfUser.get(request.userId) ?? 0) >= this.limits.maxConnectionsPerUser) return "too-many-connections";
    // Refusing is safer than forgetting a live token, which could then be used again.
    if (this.usedTokens.size >= this.limits.maxRememberedTokens) return "busy";
    this.usedTokens.set(request.jti, request.expiresAt * 1000 + this.toleranceMs);
    this.userOfConnection.set(connectionId, request.userId);
    this.connectionsOfUser.set(request.userId, (this.connectionsOfUser.get(request.userId) ?? 0) + 1);
    return "admit";
  }

  /** The socket closed: its user may open another. Its token stays spent. */
  release(connectionId: string): void {
    const userId = this.userOfConnection.get(connectionId);
    if (userId === undefined) return;
    this.userOfConnection.delete(connectionId);
    const remaining = (this.connectionsOfUser.get(userId) ?? 1) - 1;
    if (remaining > 0) this.connectionsOfUser.set(userId, remaining);
    else this.connectionsOfUser.delete(userId);
  }

  /** Token ids remembered now (for tests and logs). */
  get rememberedTokens(): number {
    return this.usedTokens.size;
  }

  /**
   * Tokens are remembered in the order they were used, and all live at most a minute, so the expired ones are
   * (nearly) the oldest: dropping from the front until a live one keeps this cheap on every admission.
   */
  private forgetExpired(now: number): void {
    for (const [jti, until] of this.usedTokens) {
      if (until > now) return;
      this.usedTokens.delete(jti);
    }
  }
}
