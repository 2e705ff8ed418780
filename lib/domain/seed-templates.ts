import { defaultRoomPolicy, type RoomPolicy } from "./room-policy";

export type SeedTemplate = { seedKey: string; name: string; description: string; policy: RoomPolicy };

/** The organization templates every install starts with (prisma/seed.ts inserts them once, keyed by seedKey). */
export const seedTemplates: readonly SeedTemplate[] = [
  {
    seedKey: "team-meeting",
    name: "Team meeting",
    description: "Everyone speaks and shares; chat on.",
    policy: { ...defaultRoomPolicy, maxParticipants: 25, expiry: { kind: "after-last-meeting", days: 90 } },
  },
  {
    seedKey: "one-on-one",
    name: "1:1",
    description: "Two people, speaker layout.",
    policy: { ...defaultRoomPolicy, maxParticipants: 2, defaultLayout: "speaker", recording: "off", expiry: { kind: "after-last-meeting", days: 90 } },
  },
  {
    seedKey: "interview",
    name: "Interview",
    description: "Candidates wait until a host admits them; no recording.",
    policy: { ...defaultRoomPolicy, waitingRoom: true, recording: "off", maxParticipants: 8, expiry: { kind: "after-scheduled-end", days: 7 } },
  },
  {
    seedKey: "all-hands",
    name: "All-hands",
    description: "Joiners watch and listen; hosts and presenters speak and share.",
    policy: {
      ...defaultRoomPolicy,
      defaultRole: "observer",
      screenShare: "presenters",
      muteOnEntry: true,
      cameraOffOnEntry: true,
      recording: "auto",
      maxParticipants: 100,
      defaultLayout: "presentation",
      largeMeeting: true,
      expiry: { kind: "after-scheduled-end", days: 30 },
    },
  },
];
