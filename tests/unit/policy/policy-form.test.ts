import { describe, expect, it } from "vitest";
import { errorsFromIssues, errorsFromTree } from "@/components/policy/form-errors";
import { policyFieldNames, readPolicyForm } from "@/components/policy/policy-form-data";
import { defaultRoomPolicy, roomPolicySchema } from "@/lib/domain/room-policy";
import { createTemplateInputSchema, updateTemplateInputSchema } from "@/lib/domain/template-input";

function formOf(entries: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.set(name, value);
  return form;
}

const complete = {
  [policyFieldNames.waitingRoom]: "on",
  [policyFieldNames.defaultRole]: "observer",
  [policyFieldNames.screenShare]: "presenters",
  [policyFieldNames.recording]: "auto",
  [policyFieldNames.recordingAccess]: "hosts",
  [policyFieldNames.recordingRetentionDays]: "90",
  [policyFieldNames.maxParticipants]: "12",
  [policyFieldNames.defaultLayout]: "speaker",
  [policyFieldNames.largeMeeting]: "on",
  [policyFieldNames.reminderMinutes]: "15",
  [policyFieldNames.expiryKind]: "after-last-meeting",
  [policyFieldNames.expiryDays]: "7",
};

describe("readPolicyForm", () => {
  it("reads every field; unchecked boxes are false", () => {
    expect(roomPolicySchema.parse(readPolicyForm(formOf(complete)))).toEqual({
      waitingRoom: true,
      muteOnEntry: false,
      cameraOffOnEntry: false,
      defaultRole: "observer",
      screenShare: "presenters",
      chatEnabled: false,
      recording: "auto",
      recordingAccess: "hosts",
      recordingRetentionDays: 90,
      maxParticipants: 12,
      defaultLayout: "speaker",
      largeMeeting: true,
      reminderMinutes: 15,
      expiry: { kind: "after-last-meeting", days: 7 },
    });
  });

  it("gives a form without the recording fields their defaults, and refuses an empty or out-of-range retention", () => {
    const recordingFields: string[] = [policyFieldNames.recordingAccess, policyFieldNames.recordingRetentionDays];
    const withoutRecordingFields = Object.fromEntries(Object.entries(complete).filter(([name]) => !recordingFields.includes(name)));
    expect(roomPolicySchema.parse(readPolicyForm(formOf(withoutRecordingFields)))).toMatchObject({ recordingAccess: "participants", recordingRetentionDays: 30 });
    for (const days of ["", "0", "3651", "1.5"]) {
      expect(roomPolicySchema.safeParse(readPolicyForm(formOf({ ...complete, [policyFieldNames.recordingRetentionDays]: days }))).success).toBe(false);
    }
  });

  it("drops the days of a policy that never expires", () => {
    const policy = readPolicyForm(formOf({ ...complete, [policyFieldNames.expiryKind]: "never" }));
    expect(policy.expiry).toEqual({ kind: "never" });
  });

  it("leaves empty or non-numeric numbers for the schema to refuse, on the right field", () => {
    const policy = readPolicyForm(formOf({ ...complete, [policyFieldNames.maxParticipants]: "", [policyFieldNames.expiryDays]: "soon", [policyFieldNames.reminderMinutes]: "-5" }));
    const parsed = roomPolicySchema.safeParse(policy);
    expect(parsed.success).toBe(false);
    const errors = errorsFromIssues(parsed.error!.issues.map((issue) => ({ ...issue, path: ["policy", ...issue.path] })));
    expect(Object.keys(errors).sort()).toEqual(["policy.expiry.days", "policy.maxParticipants", "policy.reminderMinutes"]);
    expect(errors["policy.reminderMinutes"]).toMatch(/0 to 1440/);
    expect(errors["policy.maxParticipants"]).toMatch(/between 2 and 100/);
  });
});

describe("form errors", () => {
  it("keys zod issues by path, first message per field", () => {
    const parsed = createTemplateInputSchema.safeParse({ name: " ", policy: { ...defaultRoomPolicy, maxParticipants: 1, recording: "always" } });
    const errors = errorsFromIssues(parsed.error!.issues);
    expect(errors.name).toBe("Give the template a name.");
    expect(errors["policy.maxParticipants"]).toMatch(/between 2 and 100/);
    expect(errors["policy.recording"]).toBeTruthy();
  });

  it("maps next-safe-action's formatted tree the same way, dropping a wrapper key", () => {
    const tree = {
      _errors: ["Change at least one field."],
      changes: { _errors: [], name: { _errors: ["Give the template a name."] }, policy: { _errors: [], expiry: { _errors: [], days: { _errors: ["Too big"] } } } },
    };
    expect(errorsFromTree(tree, "changes")).toEqual({
      "": "Change at least one field.",
      name: "Give the template a name.",
      "policy.expiry.days": "Enter a whole number of days from 0 to 3650.",
    });
  });

  it("puts an update's whole-form refusal on the form", () => {
    const parsed = updateTemplateInputSchema.safeParse({});
    expect(errorsFromIssues(parsed.error!.issues)).toEqual({ "": "Change at least one field." });
  });
});
