import { type APIRequestContext, type BrowserContext, expect, type Locator, type Page } from "@playwright/test";

export type Person = { context: BrowserContext; page: Page };
export type Room = { id: string; slug: string };

export async function createRoom(request: APIRequestContext, name: string): Promise<Room> {
  const response = await request.post("/api/rooms", { data: { name, visibility: "ORG" } });
  expect(response.status()).toBe(201);
  return (await response.json()) as Room;
}

export async function deleteRoom(request: APIRequestContext, room: Room) {
  const response = await request.delete(`/api/rooms/${room.id}`);
  expect(response.ok()).toBe(true);
}

/** A signed-in person opens the room's lobby and clicks Join; resolves once they are in (or waiting). */
export async function clickJoin(person: Person, room: Room, video: "sd" | "low"): Promise<Person> {
  await person.page.goto(`/rooms/${room.slug}?video=${video}`);
  // Media is acquired on arrival: the preview plays before anyone clicks.
  await expect(person.page.getByTestId("prejoin-preview")).toBeVisible();
  await person.page.getByRole("button", { name: "Join meeting" }).click();
  return person;
}

/** A signed-in person (see signInEveryone) joins the meeting and is in it. */
export async function joinMeeting(person: Person, room: Room, video: "sd" | "low"): Promise<Person> {
  await clickJoin(person, room, video);
  await expect(person.page.getByTestId("meeting")).toHaveAttribute("data-phase", "in-meeting");
  return person;
}

export function cameraTile(page: Page, name: string): Locator {
  return page.getByRole("figure", { name, exact: true });
}

/** Frames of the video in `tile` keep being decoded and painted. */
export async function expectFramesAdvancing(tile: Locator) {
  const video = tile.locator("video");
  const frames = () => video.evaluate((element: HTMLVideoElement) => element.getVideoPlaybackQuality().totalVideoFrames);
  await expect.poll(frames, { timeout: 15_000 }).toBeGreaterThan(0);
  const before = await frames();
  await expect.poll(frames, { timeout: 10_000 }).toBeGreaterThan(before + 5);
}

/**
 * Sound actually arrives from `participantId`: the peak level of the <audio> element's stream, measured with an
 * AnalyserNode over two seconds (Chromium's fake microphone beeps about once a second).
 */
export async function peakRemoteAudioLevel(page: Page, participantId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const audio = document.querySelector<HTMLAudioElement>(`audio[data-participant-audio="${id}"]`);
    if (!(audio?.srcObject instanceof MediaStream)) return 0;
    const context = new AudioContext();
    await context.resume();
    const analyser = context.createAnalyser();
    context.createMediaStreamSource(audio.srcObject).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let peak = 0;
    const until = performance.now() + 2000;
    while (performance.now() < until) {
      analyser.getFloatTimeDomainData(samples);
      for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await context.close();
    return peak;
  }, participantId);
}

export async function participantIdOf(page: Page, name: string): Promise<string> {
  const id = await cameraTile(page, name).getAttribute("data-participant-id");
  expect(id).toBeTruthy();
  return id!;
}

