"use client";

import { type ReactNode, useEffect } from "react";
import type { CaptureProfile } from "@/lib/media/capture-profiles";
import { ExitScreen } from "./exit-screen";
import { useMeetingMedia } from "./hooks/use-meeting-media";
import { useMeeting } from "./hooks/use-meeting";
import { MeetingView } from "./meeting-view";
import { PreJoin } from "./prejoin/pre-join";
import { WaitingScreen } from "./waiting-screen";

type Props = {
  roomId: string;
  /** The signed-in user: effect choices are remembered per user. */
  userId: string;
  roomName: string;
  selfName: string;
  profile: CaptureProfile;
  uploadLimitBytes: number;
  /** The app header and the room's details, shown around the lobby and the exit screen but not in the meeting. */
  header: ReactNode;
  details: ReactNode;
};

/**
 * A room's page from arrival to goodbye: the lobby (media starts at once, so Join is instant), the meeting over
 * the whole viewport, then the exit screen with Rejoin.
 */
export function MeetingRoom({ roomId, userId, roomName, selfName, profile, uploadLimitBytes, header, details }: Props) {
  const media = useMeetingMedia(userId, profile);
  const meeting = useMeeting(roomId, media);
  const { start } = media;
  useEffect(() => start(), [start]);

  const waiting = meeting.entered && meeting.state.phase === "waiting";
  if (meeting.entered && meeting.state.phase !== "over" && !waiting) {
    return <MeetingView meeting={meeting} media={media} roomId={roomId} roomName={roomName} selfName={selfName} uploadLimitBytes={uploadLimitBytes} />;
  }
  return (
    <>
      {header}
      <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        {details}
        {waiting ? (
          <WaitingScreen roomName={roomName} onCancel={meeting.actions.leave} />
        ) : meeting.entered && meeting.state.exit ? (
          <ExitScreen reason={meeting.state.exit.reason} detail={meeting.state.exit.message} onRejoin={meeting.actions.rejoin} />
        ) : (
          <PreJoin media={media} displayName={selfName} onJoin={() => void meeting.actions.join()} joining={meeting.joining} joinError={meeting.joinError} />
        )}
      </main>
    </>
  );
}
