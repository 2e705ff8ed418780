/**
 * Perfect negotiation needs exactly one polite side per pair. Both sides derive it from the same two ids, so no
 * extra message is needed: the participant whose id sorts first (UTF-16 code-unit order, identical in every
 * browser) is polite and yields when offers cross.
 */
export function isPolite(selfId: string, peerId: string): boolean {
  if (selfId === peerId) throw new Error("A participant cannot be its own peer");
  return selfId < peerId;
}
