import type { RoomPolicy } from "@/lib/domain/room-policy";

/** Field names the policy fields use inside a form (FormData keys), so readers and inputs cannot drift apart. */
export const policyFieldNames = {
  waitingRoom: "policy.waitingRoom",
  muteOnEntry: "policy.muteOnEntry",
  cameraOffOnEntry: "policy.cameraOffOnEntry",
  largeMeeting: "policy.largeMeeting",
  defaultRole: "policy.defaultRole",
  screenShare: "policy.screenShare",
  chatEnabled: "policy.chatEnabled",
  recording: "policy.recording",
  recordingAccess: "policy.recordingAccess",
  recordingRetentionDays: "policy.recordingRetentionDays",
  maxParticipants: "policy.maxParticipants",
  defaultLayout: "policy.defaultLayout",
  reminderMinutes: "policy.reminderMinutes",
  expiryKind: "policy.expiry.kind",
  expiryDays: "policy.expiry.days",
} as const;

function numberOrRaw(value: FormDataEntryValue | null): unknown {
  const text = typeof value === "string" ? value.trim() : "";
  // An empty box stays a (non-number) string so the schema reports it, instead of silently becoming 0.
  return text === "" || Number.isNaN(Number(text)) ? text : Number(text);
}

/**
 * The policy as the form holds it, not yet validated: the shared `roomPolicySchema` (same as the API's) decides
 * whether it is acceptable. Unchecked checkboxes are absent from FormData, hence `has`.
 */
export function readPolicyForm(form: FormData): Record<keyof RoomPolicy, unknown> {
  const kind = String(form.get(policyFieldNames.expiryKind) ?? "never");
  return {
    waitingRoom: form.has(policyFieldNames.waitingRoom),
    muteOnEntry: form.has(policyFieldNames.muteOnEntry),
    cameraOffOnEntry: form.has(policyFieldNames.cameraOffOnEntry),
    defaultRole: form.get(policyFieldNames.defaultRole),
    screenShare: form.get(policyFieldNames.screenShare),
    chatEnabled: form.has(policyFieldNames.chatEnabled),
    recording: form.get(policyFieldNames.recording),
    // Absent (a form without the field) takes the schema's default; present but empty is refused.
    recordingAccess: form.get(policyFieldNames.recordingAccess) ?? undefined,
    recordingRetentionDays: form.has(policyFieldNames.recordingRetentionDays) ? numberOrRaw(form.get(policyFieldNames.recordingRetentionDays)) : undefined,
    maxParticipants: numberOrRaw(form.get(policyFieldNames.maxParticipants)),
    defaultLayout: form.get(policyFieldNames.defaultLayout),
    largeMeeting: form.has(policyFieldNames.largeMeeting),
    reminderMinutes: numberOrRaw(form.get(policyFieldNames.reminderMinutes)),
    expiry: kind === "never" ? { kind } : { kind, days: numberOrRaw(form.get(policyFieldNames.expiryDays)) },
  };
}
