import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

let owner: TestUser;
let reader: TestUser;

beforeAll(async () => {
  [owner, reader] = await Promise.all([createTestUser("employee", "concurrency-owner"), createTestUser("employee", "concurrency-reader")]);
});

afterAll(async () => {
  await prisma.room.deleteMany({ where: { ownerId: owner.id } });
  await deleteTestUsers([owner, reader]);
});

// Creating rooms runs interactive transactions while other requests read; every read must still see every
// committed room (the embedded database serves all connections from one session).
it("reads stay correct while transactions write concurrently", async () => {
  const created = await Promise.all(
    Array.from({ length: 12 }, (_, index) => callApi("/api/rooms", { as: owner, method: "POST", body: { name: `Concurrent ${index}` } })),
  );
  expect(created.map((response) => response.status)).toEqual(created.map(() => 201));
  const ids = created.map((response) => response.body.id as string);

  const rounds = await Promise.all(
    ids.flatMap((id) => [
      callApi(`/api/rooms/${id}`, { as: reader }),
      callApi(`/api/rooms/${id}`, { as: owner, method: "PATCH", body: { description: `edited ${id}` } }),
      callApi(`/api/rooms?scope=shared&limit=5`, { as: reader }),
    ]),
  );
  const failures = rounds.filter((response) => response.status !== 200).map((response) => [response.status, response.body]);
  expect(failures).toEqual([]);
});
