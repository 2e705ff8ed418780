import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { defaultRoomPolicy } from "../../lib/domain/room-policy";
import { seedTemplates } from "../../lib/domain/seed-templates";
import { signedInPage } from "./support/sign-in";

test("an organizer schedules a meeting from a template, and the invitee sees it under Upcoming with a calendar file", async ({ browser }) => {
  // Carol signs in first so the directory knows her (the test stack is not seeded).
  const carol = await signedInPage(browser, "carol");
  const bob = await signedInPage(browser, "bob");
  const suffix = Date.now().toString(36);
  const title = `E2E interview ${suffix}`;
  // The test stack has no seeded org templates: bob makes his own copy of the seed's "Interview" template.
  const interview = seedTemplates.find((template) => template.seedKey === "interview")!;
  const templateName = `Interview ${suffix}`;
  const createdTemplate = await bob.page.request.post("/api/templates", { data: { name: templateName, scope: "PERSONAL", policy: interview.policy } });
  expect(createdTemplate.status()).toBe(201);
  const template = (await createdTemplate.json()) as { id: string };
  await bob.page.reload();
  // Two days ahead is in the future whatever the browser's zone is.
  const date = new Date(Date.now() + 2 * 24 * 3_600_000).toISOString().slice(0, 10);

  await bob.page.getByRole("link", { name: "Schedule a meeting" }).click();
  await expect(bob.page.getByRole("heading", { level: 1, name: "Schedule a meeting" })).toBeVisible();
  await bob.page.getByLabel("Template").selectOption({ label: `${templateName} (personal)` });
  await bob.page.getByLabel("Title").fill(title);
  await bob.page.getByLabel("Date").fill(date);
  await bob.page.getByLabel("Start time").fill("10:00");
  await bob.page.getByLabel("Duration (minutes)").fill("45");
  await bob.page.getByLabel("Weekly occurrences").fill("2");
  const zone = await bob.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(bob.page.getByLabel("Time zone")).toHaveValue(zone);

  const picker = bob.page.getByRole("combobox", { name: "Invite people" });
  await picker.fill("carol");
  await bob.page.getByRole("option", { name: /Carol Chen/ }).click();
  await expect(bob.page.getByRole("list", { name: "Invitees" })).toContainText("Carol Chen");
  await expect(picker).toHaveValue("");

  await bob.page.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(bob.page).toHaveURL(/\/$/);
  const bobItem = bob.page.getByTestId("upcoming-meeting").filter({ hasText: title });
  await expect(bobItem).toContainText("you organize");
  await expect(bobItem).toContainText("weekly ×2");

  await carol.page.reload();
  const carolItem = carol.page.getByTestId("upcoming-meeting").filter({ hasText: title });
  await expect(carolItem).toContainText("by Bob Builder");
  const joinPath = await carolItem.getByRole("link", { name: "Join" }).getAttribute("href");
  expect(joinPath).toMatch(/^\/rooms\//);
  const icsHref = await carolItem.getByRole("link", { name: "Add to calendar (.ics)" }).getAttribute("href");
  const [download] = await Promise.all([carol.page.waitForEvent("download"), carolItem.getByRole("link", { name: "Add to calendar (.ics)" }).click()]);
  // Folded lines (RFC 5545: CRLF + space) may split long values; unfold before looking for them.
  const ics = (await readFile(await download.path(), "utf8")).replace(/\r?\n[ \t]/g, "");
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain(`SUMMARY:${title}`);
  expect(ics).toContain("RRULE:FREQ=WEEKLY;COUNT=2");
  // The join URL is absolute on the app's configured origin; slugs are [a-z0-9-], safe inside a RegExp.
  expect(ics).toMatch(new RegExp(`https?://\\S+${joinPath!}(\\s|$)`));

  // Clean up: deleting the room removes its schedule.
  const scheduleId = icsHref!.split("/")[3];
  const schedule = await bob.page.request.get(`/api/schedules/${scheduleId}`);
  expect(schedule.ok()).toBe(true);
  const { room } = (await schedule.json()) as { room: { id: string } };
  expect((await bob.page.request.delete(`/api/rooms/${room.id}`)).ok()).toBe(true);

  // The dashboard's create-room form offers the same templates.
  await bob.page.goto("/");
  await bob.page.getByLabel("Name").fill(`Room ${suffix}`);
  await bob.page.getByLabel("Template").selectOption({ label: `${templateName} (personal)` });
  await bob.page.getByRole("button", { name: "Create room" }).click();
  await expect(bob.page.getByRole("heading", { level: 1, name: `Room ${suffix}` })).toBeVisible();
  const slug = new URL(bob.page.url()).pathname.split("/")[2];
  const { rooms } = (await (await bob.page.request.get("/api/rooms?scope=owned&limit=100")).json()) as { rooms: { id: string; slug: string }[] };
  const templated = rooms.find((candidate) => candidate.slug === slug)!;
  expect((await bob.page.request.delete(`/api/rooms/${templated.id}`)).ok()).toBe(true);
  expect((await bob.page.request.delete(`/api/templates/${template.id}`)).ok()).toBe(true);

  await Promise.all([bob.context.close(), carol.context.close()]);
});

test("the organizer edits, then cancels a meeting; the invitee's Upcoming and calendar file follow", async ({ browser }) => {
  const carol = await signedInPage(browser, "carol");
  const bob = await signedInPage(browser, "bob");
  const suffix = Date.now().toString(36);
  const title = `E2E review ${suffix}`;
  const movedTitle = `E2E review moved ${suffix}`;
  const directory = (await (await bob.page.request.get("/api/users?query=carol&limit=10")).json()) as { id: string; name: string }[];
  const carolId = directory.find((person) => person.name === "Carol Chen")!.id;
  const template = (await (await bob.page.request.post("/api/templates", { data: { name: `Review ${suffix}`, policy: defaultRoomPolicy } })).json()) as { id: string };
  const date = new Date(Date.now() + 2 * 24 * 3_600_000).toISOString().slice(0, 10);
  const created = await bob.page.request.post("/api/schedules", {
    data: { title, templateId: template.id, startsAt: `${date}T10:00:00Z`, durationMinutes: 30, timeZone: "UTC", weeklyOccurrences: 1, inviteeIds: [carolId] },
  });
  expect(created.status()).toBe(201);
  const { id, room } = (await created.json()) as { id: string; room: { id: string } };
  const icsOf = async () => (await (await carol.page.request.get(`/api/schedules/${id}/ics`)).text()).replace(/\r?\n[ \t]/g, "");
  const uid = /UID:(\S+)/.exec(await icsOf())![1];

  // Only the organizer gets an Edit link; it opens the scheduling form filled with the meeting.
  await carol.page.reload();
  await expect(carol.page.getByTestId("upcoming-meeting").filter({ hasText: title }).getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await bob.page.reload();
  await bob.page.getByTestId("upcoming-meeting").filter({ hasText: title }).getByRole("link", { name: `Edit or cancel ${title}` }).click();
  await expect(bob.page.getByRole("heading", { level: 1, name: `Edit “${title}”` })).toBeVisible();
  await expect(bob.page.getByLabel("Title")).toHaveValue(title);
  await expect(bob.page.getByLabel("Date")).toHaveValue(date);
  await expect(bob.page.getByLabel("Start time")).toHaveValue("10:00");
  await expect(bob.page.getByLabel("Time zone")).toHaveValue("UTC");
  await expect(bob.page.getByRole("list", { name: "Invitees" })).toContainText("Carol Chen");
  await bob.page.getByLabel("Title").fill(movedTitle);
  await bob.page.getByLabel("Start time").fill("11:30");
  await bob.page.getByRole("button", { name: "Save changes" }).click();
  await expect(bob.page).toHaveURL(/\/$/);
  await expect(bob.page.getByTestId("upcoming-meeting").filter({ hasText: movedTitle })).toBeVisible();

  // The invitee sees the new time; the calendar file keeps its UID with a higher SEQUENCE.
  await carol.page.reload();
  const carolItem = carol.page.getByTestId("upcoming-meeting").filter({ hasText: movedTitle });
  await expect(carolItem.locator("time")).toHaveAttribute("datetime", `${date}T11:30:00.000Z`);
  const edited = await icsOf();
  expect(edited).toContain(`UID:${uid}`);
  expect(edited).toContain("SEQUENCE:1");
  expect(edited).toContain(`DTSTART:${date.replaceAll("-", "")}T113000Z`);
  expect(edited).toContain("METHOD:REQUEST");

  // Cancelling asks first; then the meeting leaves the invitee's Upcoming and the file becomes a cancellation.
  await bob.page.getByTestId("upcoming-meeting").filter({ hasText: movedTitle }).getByRole("link", { name: /^Edit or cancel/ }).click();
  await bob.page.getByRole("button", { name: "Cancel meeting" }).click();
  const dialog = bob.page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Cancel “${movedTitle}”?`);
  await dialog.getByRole("button", { name: "Cancel meeting" }).click();
  await expect(bob.page.getByRole("status").filter({ hasText: "This meeting was cancelled" })).toBeVisible();
  await carol.page.reload();
  await expect(carol.page.getByTestId("upcoming-meeting").filter({ hasText: movedTitle })).toHaveCount(0);
  const cancelled = await icsOf();
  expect(cancelled).toContain(`UID:${uid}`);
  expect(cancelled).toContain("SEQUENCE:2");
  expect(cancelled).toContain("METHOD:CANCEL");

  expect((await bob.page.request.delete(`/api/rooms/${room.id}`)).ok()).toBe(true);
  expect((await bob.page.request.delete(`/api/templates/${template.id}`)).ok()).toBe(true);
  await Promise.all([bob.context.close(), carol.context.close()]);
});

test("an invitee is reminded before the start: a banner and a toast with Join now, and the invite carries the alarm", async ({ browser }) => {
  const carol = await signedInPage(browser, "carol");
  const bob = await signedInPage(browser, "bob");
  const suffix = Date.now().toString(36);
  const title = `E2E standup ${suffix}`;
  const directory = (await (await bob.page.request.get("/api/users?query=carol&limit=10")).json()) as { id: string; name: string }[];
  const carolId = directory.find((person) => person.name === "Carol Chen")!.id;
  const template = (await (await bob.page.request.post("/api/templates", { data: { name: `Standup ${suffix}`, policy: { ...defaultRoomPolicy, reminderMinutes: 15 } } })).json()) as {
    id: string;
  };
  // Five minutes ahead: inside the 15-minute reminder and the 10-minute Join now window.
  const startsAt = new Date(Math.ceil((Date.now() + 5 * 60_000) / 1000) * 1000);
  const created = await bob.page.request.post("/api/schedules", {
    data: { title, templateId: template.id, startsAt: startsAt.toISOString(), durationMinutes: 30, timeZone: "UTC", weeklyOccurrences: 1, inviteeIds: [carolId] },
  });
  expect(created.status()).toBe(201);
  const { id, room } = (await created.json()) as { id: string; room: { id: string; slug: string } };
  try {
    await carol.page.reload();
    const banner = carol.page.getByTestId("starting-soon").filter({ hasText: title });
    await expect(banner).toContainText(/starts in [45] min/);
    const toast = carol.page.locator("[data-sonner-toast]").filter({ hasText: title });
    await expect(toast).toContainText(/starts in [45] min/);
    await expect(toast.getByRole("button", { name: "Join now" })).toBeVisible();
    await expect(carol.page.getByTestId("upcoming-meeting").filter({ hasText: title }).getByRole("link", { name: `Join ${title} now` })).toBeVisible();

    const ics = (await (await carol.page.request.get(`/api/schedules/${id}/ics`)).text()).replace(/\r?\n[ \t]/g, "");
    expect(ics).toMatch(/BEGIN:VALARM\r?\nACTION:DISPLAY\r?\n[^]*TRIGGER:-PT15M/);

    // The toast is shown once per tab session: a reload keeps the banner but brings no second toast.
    await carol.page.reload();
    await expect(carol.page.getByTestId("starting-soon").filter({ hasText: title })).toBeVisible();
    await expect(carol.page.locator("[data-sonner-toast]").filter({ hasText: title })).toHaveCount(0);

    await carol.page.getByTestId("starting-soon").filter({ hasText: title }).getByRole("link", { name: `Join ${title} now` }).click();
    await expect(carol.page).toHaveURL(new RegExp(`/rooms/${room.slug}$`));
  } finally {
    expect((await bob.page.request.delete(`/api/rooms/${room.id}`)).ok()).toBe(true);
    expect((await bob.page.request.delete(`/api/templates/${template.id}`)).ok()).toBe(true);
    await Promise.all([bob.context.close(), carol.context.close()]);
  }
});
