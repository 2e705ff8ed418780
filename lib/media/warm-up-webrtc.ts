/**
 * Runs the browser's one-time WebRTC start-up (codec factories, the network stack, certificate generation) while
 * the person is still in the lobby, so that the real connection after Join does not pay for it. One offer on a
 * throwaway connection with the meeting's kinds of transceivers does it; nothing leaves the browser.
 */
export async function warmUpWebRtc(): Promise<void> {
  if (typeof RTCPeerConnection === "undefined") return;
  const connection = new RTCPeerConnection();
  try {
    connection.addTransceiver("audio", { direction: "sendrecv" });
    connection.addTransceiver("video", { direction: "sendrecv" });
    await connection.setLocalDescription(await connection.createOffer());
  } catch {
    // Only a head start: the meeting's own connection reports real failures.
  } finally {
    connection.close();
  }
}
