/** What the preferences modules read and write: localStorage, or a stand-in in tests. */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

/** The page's localStorage, or null on the server or when the person blocks site data (then nothing is remembered). */
export function browserStorage(): KeyValueStore | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
