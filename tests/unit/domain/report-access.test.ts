import { describe, expect, it } from "vitest";
import { canViewFleetAnalytics, canViewReport, reportAccess } from "@/lib/domain/report-access";

const admin = { id: "a", role: "admin" as const };
const emp = { id: "e", role: "employee" as const };

describe("reportAccess", () => {
  it("lets admins see any meeting", () => {
    expect(reportAccess(admin, { roomOwnerId: null, hostUserIds: [] })).toBe("admin");
  });
  it("lets the room owner see the report", () => {
    expect(reportAccess(emp, { roomOwnerId: "e", hostUserIds: [] })).toBe("host");
  });
  it("lets a user who hosted the meeting see the report", () => {
    expect(reportAccess(emp, { roomOwnerId: "x", hostUserIds: ["y", "e"] })).toBe("host");
  });
  it("refuses an employee who did not host", () => {
    expect(canViewReport(emp, { roomOwnerId: "x", hostUserIds: ["y"] })).toBe(false);
    expect(canViewReport(emp, { roomOwnerId: null, hostUserIds: [] })).toBe(false);
  });
  it("keeps fleet analytics admin-only", () => {
    expect(canViewFleetAnalytics(admin)).toBe(true);
    expect(canViewFleetAnalytics(emp)).toBe(false);
  });
});
