import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { prisma } from "@/lib/db/prisma";
import { requireStackEnv } from "./stack-env";

export type TestUser = { id: string; name: string; email: string; role: "admin" | "employee"; cookie: string };

const SESSION_COOKIE = "authjs.session-token";

/** A directory user in the database plus a real Auth.js session cookie for them, as after a sign-in. */
export async function createTestUser(role: "admin" | "employee", label: string = role): Promise<TestUser> {
  const subject = `${label}-${randomUUID()}`;
  const email = `${subject}@tests.confer.test`;
  const user = await prisma.user.create({
    data: {
      directory: "urn:confer:tests",
      subject,
      email,
      name: `Test ${label}`,
      groups: role === "admin" ? ["confer-admins"] : ["confer-users"],
      role: role === "admin" ? "ADMIN" : "EMPLOYEE",
    },
  });
  const token = await encode({
    token: { sub: user.id, name: user.name, email, role, groups: user.groups },
    secret: requireStackEnv("AUTH_SECRET"),
    salt: SESSION_COOKIE,
  });
  return { id: user.id, name: user.name, email, role, cookie: `${SESSION_COOKIE}=${token}` };
}

export async function deleteTestUsers(users: TestUser[]): Promise<void> {
  const ids = users.map((user) => user.id);
  await prisma.auditLog.deleteMany({ where: { actorId: { in: ids } } });
  await prisma.user.deleteMany({ where: { id: { in: ids } } });
}

/** Calls the running app's API as a user (or anonymously) and returns status and parsed body. */
export async function callApi(path: string, options: { as?: TestUser; method?: string; body?: unknown; rawBody?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.as) headers.cookie = options.as.cookie;
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  if (hasBody) headers["content-type"] = "application/json";
  const response = await fetch(new URL(path, requireStackEnv("CONFER_APP_URL")), {
    method: options.method ?? "GET",
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    redirect: "manual",
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, body: body as Record<string, unknown> & { error?: { code: string; message: string } } };
}
