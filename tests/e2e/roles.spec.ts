import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { defaultRoomPolicy, type RoomPolicy } from "../../lib/domain/room-policy";
import { requireStackEnv } from "../support/stack-env";
import { type Person, type Room, cameraTile, clickJoin, createRoom, deleteRoom, expectFramesAdvancing, joinMeeting } from "./support/meeting";
import { signInEveryone } from "./support/sign-in";

/**
 * Meeting roles and the waiting room, in browsers on the whole stack, and the Meeting / Participation records
 * PartyKit writes for them. Each test writes its room's policy straight into the database (as a template or a
 * host's override would; tests/e2e/templates.spec.ts covers the forms).
 * At most three people per test, 320×180 video (`?video=low`).
 */

async function setRoomPolicy(room: Room, overrides: Partial<RoomPolicy>) {
  const client = new pg.Client({ connectionString: requireStackEnv("DATABASE_URL") });
  await client.connect();
  try {
    const result = await client.query('UPDATE "Room" SET policy = $1 WHERE id = $2', [JSON.stringify({ ...defaultRoomPolicy, ...overrides }), room.id]);
    expect(result.rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

type ParticipationRow = {
  id: string;
  name: string;
  role: string;
  leaveReason: string | null;
  admittedById: string | null;
  roleChanges: { fromRole: string; toRole: string; byId: string | null }[];
};
type MeetingRecord = { endReason: string | null; participations: ParticipationRow[] };

/** The Meeting and Participation rows PartyKit wrote through the app for this room (the newest meeting). */
async function meetingRecord(room: Room): Promise<MeetingRecord | null> {
  const client = new pg.Client({ connectionString: requireStackEnv("DATABASE_URL") });
  await client.connect();
  try {
    const meeting = await client.query<{ id: string; endReason: string | null }>(
      'SELECT id, "endReason" FROM "Meeting" WHERE "roomId" = $1 ORDER BY "startedAt" DESC LIMIT 1',
      [room.id],
    );
    if (meeting.rowCount === 0) return null;
    const participations = await client.query<ParticipationRow>(
      `SELECT p.id, u.name, p.role, p."leaveReason", p."admittedById",
              COALESCE((SELECT json_agg(json_build_object('fromRole', r."fromRole", 'toRole', r."toRole", 'byId', r."byId") ORDER BY r.at)
                        FROM "RoleChange" r WHERE r."participationId" = p.id), '[]') AS "roleChanges"
         FROM "Participation" p JOIN "User" u ON u.id = p."userId"
        WHERE p."meetingId" = $1 ORDER BY p."joinedAt"`,
      [meeting.rows[0]!.id],
    );
    // Enum values are stored in capitals (HOST); the app speaks of roles in lower case.
    const rows = participations.rows.map((row) => ({
      ...row,
      role: row.role.toLowerCase(),
      roleChanges: row.roleChanges.map((change) => ({ ...change, fromRole: change.fromRole.toLowerCase(), toRole: change.toRole.toLowerCase() })),
    }));
    return { endReason: meeting.rows[0]!.endReason, participations: rows };
  } finally {
    await client.end();
  }
}

/**
 * A message forged on a second socket with this page's own credentials (a fresh join token from the app, as the
 * page would get one): hello, then `message`; resolves with the server's first answer to it.
 */
function forgeFromPage(page: Page, room: Room, message: object): Promise<{ type: string; code?: string; message?: string }> {
  return page.evaluate(
    async ({ roomId, message }) => {
      const response = await fetch(`/api/rooms/${roomId}/join`, { method: "POST" });
      const grant = (await response.json()) as { token: string; partyHost: string; roomId: string };
      const scheme = location.protocol === "https:" ? "wss" : "ws";
      const socket = new WebSocket(`${scheme}://${grant.partyHost}/parties/main/${grant.roomId}?token=${encodeURIComponent(grant.token)}`);
      const frames: { type: string; code?: string; message?: string }[] = [];
      const next = (type: string) =>
        new Promise<{ type: string; code?: string; message?: string }>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no ${type} within 5 s: ${JSON.stringify(frames)}`)), 5000);
          const check = () => {
            const found = frames.find((frame) => frame.type === type);
            if (found) {
              clearTimeout(timer);
              resolve(found);
            } else setTimeout(check, 20);
          };
          check();
        });
      socket.addEventListener("message", (event) => frames.push(JSON.parse(String(event.data))));
      await new Promise((resolve) => socket.addEventListener("open", resolve, { once: true }));
      socket.send(JSON.stringify({ type: "hello", v: 2 }));
      await next("welcome");
      socket.send(JSON.stringify(message));
      try {
        return await next("error");
      } finally {
        socket.send(JSON.stringify({ type: "leave" }));
        socket.close();
      }
    },
    { roomId: room.id, message },
  );
}

test("waiting room: the host hears the knock, admits one person and denies another", async ({ browser }) => {
  const people: Person[] = await signInEveryone(browser, ["bob", "carol", "dan"]);
  const [bob, carol, dan] = people as [Person, Person, Person];
  const room = await createRoom(bob.page.request, `Waiting ${Date.now().toString(36)}`);
  try {
    await setRoomPolicy(room, { waitingRoom: true });
    await joinMeeting(bob, room, "low");
    await expect(bob.page.getByTestId("own-role")).toHaveText(/You're a host/);

    // Carol waits: a clear screen, and nothing of the meeting.
    await clickJoin(carol, room, "low");
    await expect(carol.page.getByRole("heading", { name: "Waiting for the host to let you in" })).toBeVisible();
    await expect(carol.page.getByTestId("meeting")).toHaveCount(0);

    // Bob gets a toast with Admit / Deny (and the announcer says it); admitting puts Carol in the meeting.
    const knock = bob.page.getByText("Carol Chen wants to join");
    await expect(knock).toBeVisible();
    await expect(bob.page.getByRole("log", { name: "Meeting announcements" })).toContainText("Carol Chen is waiting to join");
    await bob.page.getByRole("button", { name: "Admit", exact: true }).click();
    await expect(carol.page.getByTestId("meeting")).toHaveAttribute("data-phase", "in-meeting");
    await expectFramesAdvancing(cameraTile(carol.page, "Bob Builder"));
    await expectFramesAdvancing(cameraTile(bob.page, "Carol Chen"));

    // Dan waits too; Bob denies him from the participants list, and Dan is told clearly.
    await clickJoin(dan, room, "low");
    await expect(dan.page.getByRole("heading", { name: "Waiting for the host to let you in" })).toBeVisible();
    await bob.page.getByRole("button", { name: "Participants" }).click();
    const waitingList = bob.page.getByRole("list", { name: "Waiting to join" });
    await expect(waitingList.getByTestId("waiting-row")).toHaveCount(1);
    await waitingList.getByRole("button", { name: "Deny Dan Diaz" }).click();
    await expect(dan.page.getByRole("heading", { name: "A host didn't let you in" })).toBeVisible();
    await expect(waitingList).toHaveCount(0);
    await expect(bob.page.getByRole("list", { name: "Participants" }).getByRole("listitem")).toHaveCount(2);

    // The records say the same: Bob admitted Carol; Dan, denied, never took part.
    await expect
      .poll(async () => (await meetingRecord(room))?.participations.map(({ name, role, admittedById }) => ({ name, role, admitted: admittedById !== null })), {
        timeout: 15_000,
      })
      .toEqual([
        { name: "Bob Builder", role: "host", admitted: false },
        { name: "Carol Chen", role: "participant", admitted: true },
      ]);
    const record = (await meetingRecord(room))!;
    expect(record.participations[1]!.admittedById).toBe(record.participations[0]!.id);
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});

test("an observer cannot unmute or share until a host makes them presenter; then they share; the host ends the meeting", async ({ browser }) => {
  const people: Person[] = await signInEveryone(browser, ["bob", "carol"]);
  const [bob, carol] = people as [Person, Person];
  const room = await createRoom(bob.page.request, `Roles ${Date.now().toString(36)}`);
  try {
    await setRoomPolicy(room, { defaultRole: "observer" });
    await joinMeeting(bob, room, "low");
    await joinMeeting(carol, room, "low");

    // The UI says why the controls do nothing.
    await expect(carol.page.getByTestId("own-role")).toHaveText(/You're an observer/);
    const microphone = carol.page.getByRole("button", { name: "Microphone" });
    await expect(microphone).toBeDisabled();
    await expect(microphone).toHaveAttribute("title", "Observers can't unmute — ask a host to make you a presenter");
    await expect(microphone).toHaveAttribute("aria-pressed", "false");
    await expect(carol.page.getByRole("button", { name: "Share screen" })).toBeDisabled();
    await expect(carol.page.getByRole("button", { name: "Camera" })).toBeDisabled();
    // Pressing it anyway (or M) explains instead of unmuting.
    await carol.page.keyboard.press("m");
    await expect(carol.page.locator("[data-sonner-toast]").filter({ hasText: "Observers can't unmute" })).toBeVisible();
    await expect(microphone).toHaveAttribute("aria-pressed", "false");

    // The server refuses a forged unmute and share from her, whatever the page does.
    expect(await forgeFromPage(carol.page, room, { type: "media", audio: true, video: false, screen: false })).toMatchObject({
      type: "error",
      code: "forbidden",
    });
    expect(await forgeFromPage(carol.page, room, { type: "media", audio: false, video: false, screen: true })).toMatchObject({ code: "forbidden" });
    expect(await forgeFromPage(carol.page, room, { type: "end" })).toMatchObject({ code: "forbidden" });
    // The forging sockets have left again; Carol is still muted for Bob.
    await expect(bob.page.getByRole("button", { name: "Participants" })).toContainText("2");
    // The last forging socket's departure may reach Bob a moment after its error reached the test.
    await expect(cameraTile(bob.page, "Carol Chen")).toHaveCount(1);
    await expect(cameraTile(bob.page, "Carol Chen").getByRole("img", { name: "Microphone off" })).toBeVisible();

    // Bob makes her a presenter, live: she can unmute and share, and Bob sees her screen.
    await bob.page.getByRole("button", { name: "Participants" }).click();
    await bob.page.getByRole("list", { name: "Participants" }).getByRole("button", { name: "Host actions for Carol Chen" }).click();
    await bob.page.getByRole("menuitemradio", { name: "Presenter" }).click();
    await expect(carol.page.getByTestId("own-role")).toHaveText(/You're a presenter/);
    await expect(microphone).toBeEnabled();
    const share = carol.page.getByRole("button", { name: "Share screen" });
    await expect(share).toBeEnabled();
    await share.click();
    await expect(share).toHaveAttribute("aria-pressed", "true");
    await expectFramesAdvancing(bob.page.getByRole("figure", { name: "Carol Chen's screen" }));

    // Bob ends the meeting for everyone.
    await bob.page.getByRole("button", { name: "Host controls" }).click();
    await bob.page.getByRole("menuitem", { name: "End meeting for all" }).click();
    await bob.page.getByRole("button", { name: "End for all" }).click();
    await expect(carol.page.getByRole("heading", { name: "The meeting ended" })).toBeVisible();
    await expect(bob.page.getByRole("heading", { name: "The meeting ended" })).toBeVisible();

    // The Meeting and Participation rows match what happened: ended by the host; Carol joined as an observer and
    // Bob made her a presenter; each forged message came from a socket of its own (a participation that left).
    await expect.poll(async () => (await meetingRecord(room))?.endReason ?? null, { timeout: 15_000 }).toBe("ENDED_BY_HOST");
    const { participations } = (await meetingRecord(room))!;
    const [host, ...others] = participations;
    expect(host).toMatchObject({ name: "Bob Builder", role: "host", leaveReason: "ended", roleChanges: [] });
    const carolInMeeting = others.filter((row) => row.leaveReason === "ended");
    expect(carolInMeeting).toEqual([
      expect.objectContaining({ name: "Carol Chen", role: "presenter", roleChanges: [{ fromRole: "observer", toRole: "presenter", byId: host!.id }] }),
    ]);
    expect(others.filter((row) => row.leaveReason !== "ended").map(({ name, role, leaveReason }) => ({ name, role, leaveReason }))).toEqual(
      Array.from({ length: 3 }, () => ({ name: "Carol Chen", role: "observer", leaveReason: "left" })),
    );
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});
