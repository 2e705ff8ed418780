import { z } from "zod";

/** What a person may do inside a live meeting; distinct from their app role (admin/employee). */
export const meetingRoleSchema = z.enum(["host", "presenter", "participant", "observer"]);
export type MeetingRole = z.infer<typeof meetingRoleSchema>;
