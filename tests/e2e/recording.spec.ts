import { expect, type Page, test } from "@playwright/test";
import { type Person, createRoom, deleteRoom, joinMeeting } from "./support/meeting";
import { signInEveryone } from "./support/sign-in";

/**
 * Recording end to end in real browsers against the real app: the host's browser composes the meeting and uploads
 * it over tus while it records; everyone sees REC; the stored file plays in Chromium with the right duration and
 * moving pictures; only those allowed can fetch it. Bob owns the room (host), Carol takes part, Dan never joins.
 * Two people at 320×180 (`?video=low`).
 */

type ListedRecording = { id: string; roomId: string; status: string; durationMs: number | null; part: number };

async function hostMenu(page: Page, item: string) {
  await page.getByRole("button", { name: "Host controls" }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

/** The recordings of `roomId` that `page`'s user may see, once `ready` or `failed`. */
async function settledRecordings(page: Page, roomId: string): Promise<ListedRecording[]> {
  let listed: ListedRecording[] = [];
  await expect
    .poll(
      async () => {
        const response = await page.request.get("/api/recordings");
        if (!response.ok()) return `HTTP ${response.status()}`;
        const { meetings } = (await response.json()) as { meetings: { roomId: string; parts: ListedRecording[] }[] };
        listed = meetings.filter((meeting) => meeting.roomId === roomId).flatMap((meeting) => meeting.parts);
        return listed.length > 0 && listed.every((recording) => recording.status === "ready" || recording.status === "failed") ? "settled" : JSON.stringify(listed.map((recording) => recording.status));
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe("settled");
  return listed;
}

/** Plays the recording on its page: its duration (s), and two frames' pixels far apart in time. */
async function playBack(page: Page, recordingId: string) {
  await page.goto(`/recordings/${recordingId}`);
  const video = page.locator("video");
  await expect(video).toBeVisible();
  return video.evaluate(async (element: HTMLVideoElement) => {
    const settle = (event: string) => new Promise((resolve) => element.addEventListener(event, resolve, { once: true }));
    if (element.readyState < HTMLMediaElement.HAVE_METADATA) await settle("loadedmetadata");
    const duration = element.duration;
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 36;
    const context = canvas.getContext("2d")!;
    const frameAt = async (time: number) => {
      element.currentTime = time;
      await settle("seeked");
      context.drawImage(element, 0, 0, 64, 36);
      return Array.from(context.getImageData(0, 0, 64, 36).data);
    };
    const early = await frameAt(Math.min(1, duration / 4));
    const late = await frameAt(Math.max(0, duration - 1));
    const difference = early.reduce((sum, value, index) => sum + Math.abs(value - late[index]!), 0) / early.length;
    return { duration, difference };
  });
}

test("a host records ~10 s with a layout change and a screen share; everyone sees REC; the file plays with the right duration", async ({ browser }) => {
  const people = await signInEveryone(browser, ["bob", "carol", "dan"]);
  const [bob, carol, dan] = people as [Person, Person, Person];
  const room = await createRoom(bob.page.request, `Recording ${Date.now().toString(36)}`);
  try {
    // Told before joining: the default policy lets hosts record.
    await carol.page.goto(`/rooms/${room.slug}?video=low`);
    await expect(carol.page.getByTestId("recording-notice")).toContainText("A host may record this meeting");
    for (const person of [bob, carol]) await joinMeeting(person, room, "low");

    await hostMenu(bob.page, "Start recording");
    for (const person of [bob, carol]) await expect(person.page.getByTestId("recording-badge")).toBeVisible();
    const startedAt = Date.now();
    // A toast, which its own live region reads out.
    await expect(carol.page.getByText("Bob Builder started recording this meeting")).toBeVisible();

    // A forged start from Carol is refused by the meeting room, whatever her browser shows.
    // (Her UI has no Record item; the protocol test covers the message itself.)
    await expect(carol.page.getByRole("button", { name: "Host controls" })).toHaveCount(0);

    await bob.page.waitForTimeout(3_000);
    await bob.page.getByRole("button", { name: "Layout" }).click();
    await bob.page.getByRole("menuitemradio", { name: /Speaker/ }).click();
    await bob.page.waitForTimeout(3_000);
    await bob.page.getByRole("button", { name: "Share screen" }).click();
    await expect(bob.page.getByRole("button", { name: "Share screen" })).toHaveAttribute("aria-pressed", "true");
    await bob.page.waitForTimeout(4_000);

    await hostMenu(bob.page, "Stop recording");
    const recordedSeconds = (Date.now() - startedAt) / 1000;
    // The toast lasts a few seconds: watched from the stop on, beside the badges going, not after them.
    await Promise.all([
      expect(carol.page.getByText("Recording stopped")).toBeVisible(),
      ...[bob, carol].map((person) => expect(person.page.getByTestId("recording-badge")).toHaveCount(0)),
    ]);

    const [recording] = await settledRecordings(bob.page, room.id);
    expect(recording).toMatchObject({ status: "ready", part: 1 });
    const played = await playBack(bob.page, recording!.id);
    expect(played.duration).toBeGreaterThan(recordedSeconds * 0.9);
    expect(played.duration).toBeLessThan(recordedSeconds * 1.1);
    expect(played.difference).toBeGreaterThan(2);

    // Carol took part: the default policy lets her watch it. Dan was never in the meeting: 404, like a missing one.
    expect((await carol.page.request.get(`/api/recordings/${recording!.id}/file`, { headers: { range: "bytes=0-99" } })).status()).toBe(206);
    expect((await dan.page.request.get(`/api/recordings/${recording!.id}/file`)).status()).toBe(404);
    expect((await dan.page.goto(`/recordings/${recording!.id}`))?.status()).toBe(404);
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});

test("the host closes the tab mid-recording: the recording is finalized from what arrived, at most 5 s short", async ({ browser }) => {
  const people = await signInEveryone(browser, ["bob", "carol"]);
  const [bob, carol] = people as [Person, Person];
  const room = await createRoom(bob.page.request, `Recording crash ${Date.now().toString(36)}`);
  try {
    for (const person of people) await joinMeeting(person, room, "low");
    await hostMenu(bob.page, "Start recording");
    await expect(carol.page.getByTestId("recording-badge")).toBeVisible();
    const startedAt = Date.now();
    await carol.page.waitForTimeout(8_000);
    const closedAt = Date.now();
    await bob.page.close();
    // The recorder's departure ends the recording for everyone.
    await expect(carol.page.getByTestId("recording-badge")).toHaveCount(0, { timeout: 40_000 });

    const [recording] = await settledRecordings(carol.page, room.id);
    expect(recording).toMatchObject({ status: "ready" });
    const recordedSeconds = (closedAt - startedAt) / 1000;
    const played = await playBack(carol.page, recording!.id);
    expect(played.duration).toBeGreaterThan(recordedSeconds - 5);
    expect(played.duration).toBeLessThan(recordedSeconds + 2);
  } finally {
    // Bob's tab is gone, not his browser context: its request context still carries his session.
    await deleteRoom(bob.context.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});
