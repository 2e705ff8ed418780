import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { z } from "zod";
import type { DemoDirectory, DemoUser } from "./directory";
import { renderLoginPage, renderMessagePage } from "./pages";

const interactionPath = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;
const maxFormBytes = 4_096;

const loginFormSchema = z.object({
  username: z.string().trim().min(1).max(256),
  password: z.string().min(1).max(1_024),
});

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  let body = "";
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > maxFormBytes) throw new Error("form too large");
  }
  return Object.fromEntries(new URLSearchParams(body));
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function authenticate(directory: DemoDirectory, username: string, password: string): DemoUser | undefined {
  const user = directory.users.find((candidate) => candidate.username === username.toLowerCase());
  const passwordMatches = sameSecret(password, directory.password);
  return user && passwordMatches ? user : undefined;
}

/** True when the request was an interaction (login page) request and has been answered. */
export async function handleInteraction(
  provider: Provider,
  directory: DemoDirectory,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const match = interactionPath.exec(new URL(req.url ?? "/", "http://idp.invalid").pathname);
  if (!match) return false;
  const [, uid, loginSuffix] = match;
  const action = `/interaction/${uid}/login`;

  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    send(res, 400, renderMessagePage("Sign-in expired", "This sign-in attempt expired. Go back to Confer and try again."));
    return true;
  }
  if (details.prompt.name !== "login") {
    send(res, 400, renderMessagePage("Unsupported step", `This dev IdP does not handle the "${details.prompt.name}" step.`));
    return true;
  }

  if (req.method === "GET" && !loginSuffix) {
    send(res, 200, renderLoginPage({ action, directory }));
    return true;
  }
  if (req.method !== "POST" || !loginSuffix) {
    send(res, 405, renderMessagePage("Not allowed", "Use the sign-in form."));
    return true;
  }

  const form = loginFormSchema.safeParse(await readForm(req).catch(() => ({})));
  const user = form.success ? authenticate(directory, form.data.username, form.data.password) : undefined;
  if (!user) {
    const username = form.success ? form.data.username : undefined;
    send(res, 401, renderLoginPage({ action, directory, username, error: "Wrong username or password." }));
    return true;
  }
  await provider.interactionFinished(req, res, { login: { accountId: user.username } }, { mergeWithLastSubmission: false });
  return true;
}
