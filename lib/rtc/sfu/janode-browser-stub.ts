/**
 * What janode's Unix-socket transport imports (node's buffer and fs, the native unix-dgram), for browser
 * bundles: the browser only ever uses janode's WebSocket transport, so these are never called.
 */
const unavailable = () => {
  throw new Error("janode's Unix-socket transport is not available in the browser");
};
export const Buffer = { from: unavailable };
export const unlinkSync = unavailable;
export const createSocket = unavailable;
