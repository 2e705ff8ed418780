/**
 * User Timing marks along the path from the Join click to the first remote frame, on both sides of a join (the
 * joiner and whoever answers it). DevTools' Performance panel shows them; bench/join-time reads them from both
 * pages (`performance.timeOrigin + startTime` puts two pages on one clock) and prints where the time goes.
 * Marks are cheap (a timestamp in a buffer) and every name is recorded each time it happens; readers take the
 * first one after the click.
 */
export const JOIN_MARKS = {
  clicked: "meeting:join-clicked",
  /** The lobby's socket was already open, or the one opened at the click is. */
  socketOpen: "meeting:socket-open",
  helloSent: "meeting:hello-sent",
  welcome: "meeting:welcome",
  /** A description or candidate leaving through, or arriving from, the relay. */
  offerSent: "meeting:offer-sent",
  offerReceived: "meeting:offer-received",
  answerSent: "meeting:answer-sent",
  answerReceived: "meeting:answer-received",
  candidateSent: "meeting:candidate-sent",
  candidateReceived: "meeting:candidate-received",
  remoteCameraTrack: "meeting:remote-camera-track",
  peerConnected: "meeting:peer-connected",
  firstRemoteFrame: "meeting:first-remote-frame",
} as const;

export type JoinMark = (typeof JOIN_MARKS)[keyof typeof JOIN_MARKS];

export function markJoinStep(name: JoinMark): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(name);
}
