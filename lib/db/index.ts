// The schema's types and enums, importable without opening a connection; the client is `prisma` from "./prisma".
export { Prisma } from "./generated/client";
export type { AuditLog, Room, RoomInvite, User } from "./generated/client";
export { AppRole, RoomStatus, RoomVisibility, ThemeChoice } from "./generated/enums";
