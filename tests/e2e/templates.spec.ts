import { expect, type Page, test } from "@playwright/test";
import { defaultRoomPolicy } from "../../lib/domain/room-policy";
import { signedInPage } from "./support/sign-in";

function templateItem(page: Page, list: "My templates" | "Organization templates", name: string) {
  return page.getByRole("list", { name: list }).getByTestId("template").filter({ hasText: name });
}

test("a host makes a personal template in the form, a room from it, and overrides its waiting room in the room's settings", async ({ browser }) => {
  // Carol signs in first so the directory knows her (the test stack is not seeded).
  const carol = await signedInPage(browser, "carol");
  const bob = await signedInPage(browser, "bob", "/templates");
  const suffix = Date.now().toString(36);
  const name = `Standup ${suffix}`;

  await bob.page.getByRole("link", { name: "New template" }).click();
  await expect(bob.page.getByRole("heading", { level: 1, name: "New template" })).toBeVisible();
  // Employees make personal templates only: no scope choice.
  await expect(bob.page.getByRole("radio", { name: "Everyone in the organization" })).toHaveCount(0);
  await bob.page.getByLabel("Template name").fill(name);
  await expect(bob.page.getByLabel("Waiting room")).not.toBeChecked();
  await bob.page.getByLabel("Mute microphones on entry").check();
  await bob.page.getByLabel("Default role for joiners").selectOption("participant");
  await bob.page.getByLabel("Maximum participants").fill("1");
  await bob.page.getByLabel("Room expiry").selectOption("after-last-meeting");
  await bob.page.getByLabel("Expiry days").fill("30");
  await bob.page.getByRole("button", { name: "Create template" }).click();
  // The API's zod schema, run in the browser: an inline error on the field, nothing saved.
  await expect(bob.page.getByLabel("Maximum participants")).toHaveAttribute("aria-invalid", "true");
  await expect(bob.page.getByText("Allow between 2 and 100 participants")).toBeVisible();
  await bob.page.getByLabel("Maximum participants").fill("8");
  await bob.page.getByRole("button", { name: "Create template" }).click();
  await expect(bob.page).toHaveURL(/\/templates$/);
  const item = templateItem(bob.page, "My templates", name);
  await expect(item).toContainText("no waiting room");
  await expect(item).toContainText("muted on entry");
  await expect(item).toContainText("up to 8");
  await expect(item).toContainText("expires 30 days after the last meeting");

  // A room from the template copies its policy, including the expiry rule's deadline.
  await bob.page.goto("/");
  await bob.page.getByLabel("Name").fill(`Room ${suffix}`);
  await bob.page.getByLabel("Template").selectOption({ label: `${name} (personal)` });
  await bob.page.getByRole("button", { name: "Create room" }).click();
  await expect(bob.page.getByRole("heading", { level: 1, name: `Room ${suffix}` })).toBeVisible();
  const slug = new URL(bob.page.url()).pathname.split("/")[2]!;
  await bob.page.getByRole("link", { name: "Room settings" }).click();
  const settings = bob.page.getByRole("form", { name: "Meeting settings" });
  await expect(settings.getByLabel("Maximum participants")).toHaveValue("8");
  await expect(settings.getByLabel("Mute microphones on entry")).toBeChecked();
  await expect(bob.page.getByTestId("room-expiry")).toContainText("Expires");

  // The host overrides two settings for this room only: waiting room on, and it never expires.
  await settings.getByLabel("Waiting room").check();
  await settings.getByLabel("Room expiry").selectOption("never");
  await settings.getByRole("button", { name: "Save meeting settings" }).click();
  await expect(bob.page.getByText("Meeting settings saved")).toBeVisible();
  await expect(bob.page.getByTestId("room-expiry")).toHaveText("Does not expire.");
  await bob.page.reload();
  await expect(bob.page.getByRole("form", { name: "Meeting settings" }).getByLabel("Waiting room")).toBeChecked();

  // The override takes effect: carol waits for a host instead of entering.
  await carol.page.goto(`/rooms/${slug}?video=low`);
  await expect(carol.page.getByTestId("prejoin-preview")).toBeVisible();
  await carol.page.getByRole("button", { name: "Join meeting" }).click();
  await expect(carol.page.getByRole("heading", { name: "Waiting for the host to let you in" })).toBeVisible();
  await expect(carol.page.getByTestId("meeting")).toHaveCount(0);
  await carol.context.close();

  // The template itself is unchanged, and deleting it (after confirming) leaves the room alone.
  await bob.page.goto("/templates");
  await expect(item).toContainText("no waiting room");
  await item.getByRole("button", { name: `Delete ${name}` }).click();
  await bob.page.getByRole("alertdialog").getByRole("button", { name: "Delete template" }).click();
  await expect(item).toHaveCount(0);
  const { rooms } = (await (await bob.page.request.get("/api/rooms?scope=owned&limit=100")).json()) as { rooms: { id: string; slug: string }[] };
  const room = rooms.find((candidate) => candidate.slug === slug)!;
  expect((await bob.page.request.delete(`/api/rooms/${room.id}`)).ok()).toBe(true);
  await bob.context.close();
});

test("employees cannot change an organization template: no edit controls, and a forged action call is refused", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice", "/templates/new");
  const suffix = Date.now().toString(36);
  const orgName = `Org review ${suffix}`;
  await alice.page.getByLabel("Template name").fill(orgName);
  await alice.page.getByRole("radio", { name: "Everyone in the organization" }).check();
  await alice.page.getByLabel("Chat").uncheck();
  await alice.page.getByRole("button", { name: "Create template" }).click();
  await expect(alice.page).toHaveURL(/\/templates$/);
  const aliceItem = templateItem(alice.page, "Organization templates", orgName);
  await expect(aliceItem).toContainText("chat off");
  const editHref = await aliceItem.getByRole("link", { name: `Edit ${orgName}` }).getAttribute("href");
  const orgId = editHref!.split("/")[2]!;

  const bob = await signedInPage(browser, "bob", "/templates");
  const bobItem = templateItem(bob.page, "Organization templates", orgName);
  await expect(bobItem).toContainText("Read-only");
  await expect(bobItem.getByRole("link", { name: /Edit/ })).toHaveCount(0);
  await expect(bobItem.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  await bob.page.goto(`/templates/${orgId}/edit`);
  await expect(bob.page.getByRole("main").getByRole("alert")).toContainText("Only admins change organization templates");
  await expect(bob.page.getByRole("form", { name: "Edit template" })).toHaveCount(0);

  // Bob opens the form of his own template, and the request is rewritten to name the org template instead:
  // the server action's use case refuses it.
  const own = await bob.page.request.post("/api/templates", { data: { name: `Mine ${suffix}`, policy: defaultRoomPolicy } });
  expect(own.status()).toBe(201);
  const ownId = ((await own.json()) as { id: string }).id;
  await bob.page.route(
    (url) => url.pathname === `/templates/${ownId}/edit`,
    async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
      await route.continue({ postData: request.postData()!.replaceAll(ownId, orgId) });
    },
  );
  await bob.page.goto(`/templates/${ownId}/edit`);
  await bob.page.getByLabel("Template name").fill("Taken over");
  await bob.page.getByRole("button", { name: "Save template" }).click();
  await expect(bob.page.getByRole("form", { name: "Edit template" }).getByRole("alert")).toHaveText("Only admins manage organization templates.");
  const orgNow = (await (await alice.page.request.get(`/api/templates/${orgId}`)).json()) as { name: string };
  expect(orgNow.name).toBe(orgName);
  expect((await bob.page.request.delete(`/api/templates/${ownId}`)).ok()).toBe(true);
  await bob.context.close();

  // The admin edits and deletes it through the UI.
  await alice.page.getByRole("link", { name: `Edit ${orgName}` }).click();
  await expect(alice.page.getByLabel("Chat")).not.toBeChecked();
  await alice.page.getByLabel("Description").fill("Reviewed by the admins");
  await alice.page.getByRole("button", { name: "Save template" }).click();
  await expect(aliceItem).toContainText("Reviewed by the admins");
  await aliceItem.getByRole("button", { name: `Delete ${orgName}` }).click();
  await alice.page.getByRole("alertdialog").getByRole("button", { name: "Delete template" }).click();
  await expect(aliceItem).toHaveCount(0);
  await alice.context.close();
});
