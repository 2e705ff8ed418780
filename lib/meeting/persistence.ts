import { z } from "zod";
import { chatMessageSchema } from "../signaling/chat";
import { participantSchema } from "../signaling/participant";
import { roomSettingsSchema } from "../signaling/room-settings";
import { waitingParticipantSchema } from "../signaling/waiting";
import { expireDeadlines } from "./handle-departure";
import type { MeetingTransition, StorageChanges } from "./meeting-events";
import { RECONNECT_GRACE_MS } from "./meeting-policy";
import { emptyMeeting, nextDeadline, type ChatEntry, type MeetingState, type Seat, type WaitingEntry } from "./meeting-state";
import { settle } from "./settle";
import { utf8ByteLength } from "./utf8";

/**
 * Storage layout: one key per seat and per chat message, so a change writes a few hundred bytes rather than the
 * whole meeting, and no value nears Durable Objects' 128 KiB limit. Sockets, quality reports and held signals are
 * not stored: none of them survives a restart anyway.
 */
const ROOM_KEY = "room";
const SEAT_PREFIX = "seat:";
const CHAT_PREFIX = "chat:";
const WAITING_PREFIX = "waiting:";

const seatKey = (participantId: string) => `${SEAT_PREFIX}${participantId}`;
/** Zero-padded so that storage's lexicographic key order is chat order. */
const waitingKey = (participantId: string) => `${WAITING_PREFIX}${participantId}`;
const chatKey = (seq: number) => `${CHAT_PREFIX}${String(seq).padStart(12, "0")}`;

const storedRoomSchema = roomSettingsSchema.extend({
  nextChatSeq: z.number().int().nonnegative(),
  /** Absent in records written before policies reached the room. */
  policyStamp: z.number().nonnegative().default(0),
  /** Absent in records written before recording existed. */
  recordingParts: z.number().int().nonnegative().default(0),
});

const storedSeatSchema = z.object({
  participant: participantSchema.omit({ quality: true, connection: true }),
  resumeTokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** null: the participant was connected when this was written. */
  graceDeadline: z.number().nullable(),
  /** Absent in records written before the waiting room existed. */
  admittedBy: z.string().min(1).max(64).nullable().default(null),
});

const storedWaitingSchema = z.object({
  participant: waitingParticipantSchema,
  resumeTokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** null: the person was connected when this was written. */
  graceDeadline: z.number().nullable(),
});

const storedChatSchema = z.object({ seq: z.number().int().nonnegative(), message: chatMessageSchema });

type StoredSeat = z.infer<typeof storedSeatSchema>;

function storedSeat({ participant, resumeTokenHash, graceDeadline, admittedBy }: Seat): StoredSeat {
  const { id, userId, name, role, joinedAt, media, hand } = participant;
  return { participant: { id, userId, name, role, joinedAt, media, hand }, resumeTokenHash, graceDeadline, admittedBy };
}

function storedWaiting({ participant, resumeTokenHash, graceDeadline }: WaitingEntry): z.infer<typeof storedWaitingSchema> {
  return { participant, resumeTokenHash, graceDeadline };
}

function chatChanges(previous: readonly ChatEntry[], next: readonly ChatEntry[], put: Map<string, unknown>, removed: string[]): void {
  if (previous === next) return;
  const before = new Set(previous.map((entry) => entry.seq));
  const after = new Set(next.map((entry) => entry.seq));
  for (const entry of next) if (!before.has(entry.seq)) put.set(chatKey(entry.seq), { seq: entry.seq, message: entry.message });
  for (const seq of before) if (!after.has(seq)) removed.push(chatKey(seq));
}

/** The storage writes that turn `previous`'s stored form into `next`'s; undefined when there are none. */
export function storageChanges(previous: MeetingState, next: MeetingState): StorageChanges | undefined {
  const put = new Map<string, unknown>();
  const removed: string[] = [];

  // Nobody seated and nobody waiting means no meeting: nothing is kept.
  const roomRecord = (state: MeetingState) =>
    state.seats.size > 0 || state.waiting.size > 0 ? JSON.stringify({ ...state.room, nextChatSeq: state.nextChatSeq, policyStamp: state.policyStamp, recordingParts: state.recordingParts }) : null;
  const [roomBefore, roomAfter] = [roomRecord(previous), roomRecord(next)];
  if (roomAfter === null && roomBefore !== null) removed.push(ROOM_KEY);
  if (roomAfter !== null && roomAfter !== roomBefore) put.set(ROOM_KEY, JSON.parse(roomAfter));

  for (const [participantId, seat] of next.seats) {
    const before = previous.seats.get(participantId);
    if (before === seat) continue;
    const stored = storedSeat(seat);
    if (before && JSON.stringify(storedSeat(before)) === JSON.stringify(stored)) continue;
    put.set(seatKey(participantId), stored);
  }
  for (const participantId of previous.seats.keys()) if (!next.seats.has(participantId)) removed.push(seatKey(participantId));

  for (const [participantId, entry] of next.waiting) {
    const before = previous.waiting.get(participantId);
    if (before === entry) continue;
    const stored = storedWaiting(entry);
    if (before && JSON.stringify(storedWaiting(before)) === JSON.stringify(stored)) continue;
    put.set(waitingKey(participantId), stored);
  }
  for (const participantId of previous.waiting.keys()) if (!next.waiting.has(participantId)) removed.push(waitingKey(participantId));

  chatChanges(previous.chat, next.chat, put, removed);
  return put.size > 0 || removed.length > 0 ? { put, delete: removed } : undefined;
}

/** The meeting exactly as stored; entries that fail validation are left out and reported. */
function readStored(entries: ReadonlyMap<string, unknown>): { state: MeetingState; invalidKeys: string[] } {
  const invalidKeys: string[] = [];
  const seats: Seat[] = [];
  const waiting: WaitingEntry[] = [];
  const chat: ChatEntry[] = [];
  let storedRoom: z.infer<typeof storedRoomSchema> | undefined;
  for (const [key, value] of entries) {
    if (key === ROOM_KEY) {
      const parsed = storedRoomSchema.safeParse(value);
      if (parsed.success) storedRoom = parsed.data;
      else invalidKeys.push(key);
    } else if (key.startsWith(SEAT_PREFIX)) {
      const parsed = storedSeatSchema.safeParse(value);
      if (!parsed.success || seatKey(parsed.data.participant.id) !== key) invalidKeys.push(key);
      else {
        const { participant, resumeTokenHash, graceDeadline, admittedBy } = parsed.data;
        seats.push({ participant: { ...participant, connection: "reconnecting" }, connectionId: null, resumeTokenHash, graceDeadline, heldSignals: [], admittedBy });
      }
    } else if (key.startsWith(WAITING_PREFIX)) {
      const parsed = storedWaitingSchema.safeParse(value);
      if (!parsed.success || waitingKey(parsed.data.participant.id) !== key) invalidKeys.push(key);
      else waiting.push({ ...parsed.data, connectionId: null });
    } else if (key.startsWith(CHAT_PREFIX)) {
      const parsed = storedChatSchema.safeParse(value);
      if (!parsed.success || chatKey(parsed.data.seq) !== key) invalidKeys.push(key);
      else chat.push({ ...parsed.data, bytes: utf8ByteLength(JSON.stringify(parsed.data.message)) });
    } else invalidKeys.push(key);
  }
  // Storage lists keys in byte order, not in order of joining.
  seats.sort((a, b) => a.participant.joinedAt - b.participant.joinedAt);
  waiting.sort((a, b) => a.participant.since - b.participant.since);
  chat.sort((a, b) => a.seq - b.seq);
  const seatMap = new Map(seats.map((seat) => [seat.participant.id, seat]));
  const spotlight = storedRoom?.spotlight != null && seatMap.has(storedRoom.spotlight) ? storedRoom.spotlight : null;
  const nextChatSeq = Math.max(storedRoom?.nextChatSeq ?? 0, (chat.at(-1)?.seq ?? -1) + 1);
  const policy = storedRoom?.policy ?? emptyMeeting.room.policy;
  return {
    state: {
      ...emptyMeeting,
      seats: seatMap,
      waiting: new Map(waiting.map((entry) => [entry.participant.id, entry])),
      chat,
      nextChatSeq,
      room: { locked: storedRoom?.locked ?? false, spotlight, policy, recording: storedRoom?.recording ?? null, mediaPath: storedRoom?.mediaPath ?? "mesh" },
      policyStamp: storedRoom?.policyStamp ?? 0,
      recordingParts: storedRoom?.recordingParts ?? 0,
    },
    invalidKeys,
  };
}

/**
 * Rebuilds a meeting from storage after a restart or eviction. No socket survives either, so everyone is
 * reconnecting: participants that were connected get a fresh grace period from `now`, those already reconnecting
 * keep their deadline (an eviction must not extend it). Effects: the storage writes that bring storage in line
 * (fresh deadlines, expiries, invalid entries deleted) and the wake-up to schedule.
 */
export function restoreMeeting(entries: ReadonlyMap<string, unknown>, now: number): MeetingTransition & { invalidKeys: string[] } {
  const { state: stored, invalidKeys } = readStored(entries);
  const seats = new Map(
    [...stored.seats].map(([id, seat]) => [id, seat.graceDeadline === null ? { ...seat, graceDeadline: now + RECONNECT_GRACE_MS } : seat]),
  );
  // Waiting people lost their sockets too: they get the same grace to come back to their place.
  const waiting = new Map(
    [...stored.waiting].map(([id, entry]) => [id, entry.graceDeadline === null ? { ...entry, graceDeadline: now + RECONNECT_GRACE_MS } : entry]),
  );
  const expired = expireDeadlines({ ...stored, seats, waiting }, now);
  const state = settle(expired.state);
  const changes = storageChanges(stored, state);
  const put = changes?.put ?? new Map<string, unknown>();
  const removed = [...(changes?.delete ?? []), ...invalidKeys];
  return {
    state,
    effects: [
      ...(put.size > 0 || removed.length > 0 ? [{ type: "persist" as const, put, delete: removed }] : []),
      { type: "schedule", at: nextDeadline(state) },
    ],
    invalidKeys,
  };
}
