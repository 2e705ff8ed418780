import type { RoomPolicy } from "@/lib/domain/room-policy";

/** A one-line summary of a policy for lists ("waiting room · joiners are participants · …"). */
export function describePolicy(policy: RoomPolicy): string {
  const expiry =
    policy.expiry.kind === "never"
      ? "never expires"
      : `expires ${policy.expiry.days} days after the ${policy.expiry.kind === "after-scheduled-end" ? "scheduled end" : "last meeting"}`;
  return [
    policy.waitingRoom ? "waiting room" : "no waiting room",
    `joiners are ${policy.defaultRole}s`,
    policy.screenShare === "presenters" ? "hosts and presenters share" : "everyone shares",
    policy.muteOnEntry ? "muted on entry" : null,
    policy.cameraOffOnEntry ? "camera off on entry" : null,
    policy.chatEnabled ? "chat on" : "chat off",
    `recording ${policy.recording}`,
    `up to ${policy.maxParticipants}`,
    `${policy.defaultLayout} layout`,
    policy.largeMeeting ? "large meeting (media server)" : null,
    expiry,
  ]
    .filter(Boolean)
    .join(" · ");
}
