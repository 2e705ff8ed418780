import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { type Person, createRoom, deleteRoom, joinMeeting } from "./support/meeting";
import { signInEveryone } from "./support/sign-in";

/**
 * Files in chat on the whole stack (Next.js on the S3 driver against s3rver, PartyKit, Postgres): Bob drops an
 * image and a PDF on the chat, Dan (a plain employee, so his access comes from being in the meeting) sees the
 * thumbnail and downloads the PDF byte for byte, a file named like markup stays text, and Carol — signed in,
 * never in the meeting — gets 404 for the same link. Afterwards the meeting's history keeps the chat and its files.
 */

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4oaGBFTEMLQkAgl1GAWqNFmsAAAAASUVORK5CYII=",
  "base64",
);
const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(64 * 1024), Buffer.from("\n%%EOF\n")]);
const HTML_NAME = "<img src=x onerror=alert(1)>.html";

/** A drop the way a browser delivers one: dragover, then drop, with the files in a DataTransfer. */
async function dropFiles(page: Page, files: { name: string; type: string; bytes: Buffer }[]) {
  const transfer = await page.evaluateHandle(
    (list) => {
      const data = new DataTransfer();
      for (const file of list) data.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.type }));
      return data;
    },
    files.map((file) => ({ name: file.name, type: file.type, base64: file.bytes.toString("base64") })),
  );
  const zone = page.getByTestId("chat-drop-zone");
  await zone.dispatchEvent("dragover", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
}

test("files in chat: drop, thumbnail, download byte for byte, markup names inert, outsiders 404", async ({ browser }) => {
  const [bob, dan, carol] = (await signInEveryone(browser, ["bob", "dan", "carol"])) as [Person, Person, Person];
  const roomName = `Files ${Date.now().toString(36)}`;
  const room = await createRoom(bob.page.request, roomName);
  const dialogs: string[] = [];
  for (const person of [bob, dan]) person.page.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
  try {
    await joinMeeting(bob, room, "low");
    await joinMeeting(dan, room, "low");
    await bob.page.getByRole("button", { name: "Chat" }).click();

    await dropFiles(bob.page, [
      { name: "whiteboard.png", type: "image/png", bytes: PNG },
      { name: "Q3 plan.pdf", type: "application/pdf", bytes: PDF },
    ]);
    const pending = bob.page.getByRole("list", { name: "Files to send" }).getByTestId("chat-upload");
    await expect(pending).toHaveCount(2);
    await expect(pending.and(bob.page.locator('[data-status="stored"]'))).toHaveCount(2);
    await bob.page.getByTestId("chat-file-input").setInputFiles({ name: HTML_NAME, mimeType: "text/html", buffer: Buffer.from("<script>alert(2)</script><img src=x onerror=alert(1)>") });
    await expect(pending.and(bob.page.locator('[data-status="stored"]'))).toHaveCount(3);
    await bob.page.getByRole("textbox", { name: "Message everyone" }).fill("Notes from **today**");
    await bob.page.getByRole("button", { name: "Send message" }).click();
    await expect(pending).toHaveCount(0);

    await dan.page.getByRole("button", { name: "Chat" }).click();
    const message = dan.page.getByRole("list", { name: "Messages" }).getByTestId("chat-message");
    await expect(message.locator("strong")).toHaveText("today");
    const thumbnail = message.getByTestId("chat-image");
    await expect(thumbnail).toHaveAttribute("alt", "whiteboard.png");
    await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(8);

    // The viewer opens the image large; Escape closes it.
    await thumbnail.click();
    await expect(dan.page.getByRole("dialog", { name: "whiteboard.png" })).toBeVisible();
    await dan.page.keyboard.press("Escape");
    await expect(dan.page.getByRole("dialog")).toHaveCount(0);

    const pdfCard = message.getByTestId("chat-file").filter({ hasText: "Q3 plan.pdf" });
    await expect(pdfCard).toContainText("application/pdf");
    const [download] = await Promise.all([dan.page.waitForEvent("download"), pdfCard.getByRole("link", { name: "Download Q3 plan.pdf" }).click()]);
    expect(download.suggestedFilename()).toBe("Q3 plan.pdf");
    expect((await readFile((await download.path())!)).equals(PDF)).toBe(true);

    // The markup in a name is text: no element was made from it, nothing ran, and the file downloads as bytes.
    const htmlCard = message.getByTestId("chat-file").filter({ hasText: HTML_NAME });
    await expect(htmlCard).toBeVisible();
    await expect(dan.page.locator('img[src="x"]')).toHaveCount(0);
    const htmlUrl = await htmlCard.getByRole("link").getAttribute("href");
    const served = await dan.page.request.get(`${htmlUrl}?inline=1`);
    expect(served.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(served.headers()["content-type"]).toBe("application/octet-stream");
    expect(dialogs).toEqual([]);

    // Carol is signed in but was never in this meeting: the same links are 404 for her.
    const pdfUrl = await pdfCard.getByRole("link").getAttribute("href");
    expect((await carol.page.request.get(pdfUrl!)).status()).toBe(404);
    expect((await carol.page.request.get(htmlUrl!)).status()).toBe(404);

    // After the meeting, its history keeps the chat with its files, for Dan who took part; not for Carol.
    await bob.page.getByRole("button", { name: "Leave" }).click();
    await dan.page.getByRole("button", { name: "Leave" }).click();
    await dan.page.goto("/meetings");
    await dan.page.getByRole("list", { name: "Meetings" }).getByRole("link", { name: roomName }).click();
    await expect(dan.page).toHaveURL(/\/meetings\/[^/]+$/);
    const history = dan.page.getByTestId("history-chat-message");
    // The room's records reach the app in batches: a reload shows them once they landed.
    await expect(async () => {
      await dan.page.reload();
      await expect(history).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(history.locator("strong")).toHaveText("today");
    await expect(history.getByTestId("chat-image")).toHaveAttribute("alt", "whiteboard.png");
    const [again] = await Promise.all([dan.page.waitForEvent("download"), history.getByRole("link", { name: "Download Q3 plan.pdf" }).click()]);
    expect((await readFile((await again.path())!)).equals(PDF)).toBe(true);
    const historyUrl = new URL(dan.page.url()).pathname;
    expect((await carol.page.goto(historyUrl))?.status()).toBe(404);
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all([bob, dan, carol].map((person) => person.context.close()));
  }
});

test("a file chat refuses says why, and nothing is sent with the message", async ({ browser }) => {
  const [bob] = (await signInEveryone(browser, ["bob"])) as [Person];
  const room = await createRoom(bob.page.request, `Refusals ${Date.now().toString(36)}`);
  try {
    await joinMeeting(bob, room, "low");
    await bob.page.getByRole("button", { name: "Chat" }).click();
    const input = bob.page.getByTestId("chat-file-input");
    await input.setInputFiles([
      { name: "fake.png", mimeType: "image/png", buffer: Buffer.from("this is text, not a picture") },
      { name: "huge.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(25 * 1024 * 1024 + 1) },
    ]);
    const uploads = bob.page.getByRole("list", { name: "Files to send" }).getByTestId("chat-upload");
    await expect(uploads.filter({ hasText: "fake.png" }).getByRole("alert")).toContainText("image/png");
    await expect(uploads.filter({ hasText: "huge.bin" }).getByRole("alert")).toContainText("at most 25 MB");
    // Nothing stored, so nothing to send.
    await expect(bob.page.getByRole("button", { name: "Send message" })).toBeDisabled();
    await uploads.filter({ hasText: "huge.bin" }).getByRole("button", { name: "Remove huge.bin" }).click();
    await expect(uploads).toHaveCount(1);
  } finally {
    await deleteRoom(bob.page.request, room);
    await bob.context.close();
  }
});
