export type PolitenessInput = {
  selfId: string;
  peerId: string;
  /**
   * Whether our offer created this connection's transceivers, once the first offer/answer exchange has
   * completed on our side; `null` until then.
   */
  createdTransceivers: boolean | null;
};

/**
 * Perfect negotiation needs exactly one polite side per pair, and both sides must agree without a message.
 *
 * During the first negotiation, the ids decide: the participant whose id sorts first (UTF-16 code-unit
 * order, identical in every browser) is polite, so two simultaneous connect() calls resolve the same way on
 * both sides.
 *
 * Afterwards the side that created the transceivers (the first offer that was answered) is polite. Chromium
 * (verified on 156) leaves receiver tracks muted for good — media flows, nothing renders — when a side rolls
 * back its offer on transceivers that a remote offer created, once those tracks had been muted by a direction
 * change (e.g. two observers promoted at the same moment). Making the creator the one that rolls back avoids
 * it. Each side learns this locally when its first exchange completes, and the relay's ordering means neither
 * can send a new offer that the other judges by the old rule.
 */
export function isPolite({ selfId, peerId, createdTransceivers }: PolitenessInput): boolean {
  if (selfId === peerId) throw new Error("A participant cannot be its own peer");
  return createdTransceivers ?? selfId < peerId;
}
