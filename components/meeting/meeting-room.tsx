"use client";

import dynamic from "next/dynamic";
import { type ReactNode, useEffect } from "react";
import type { RoomPolicy } from "@/lib/domain/room-policy";
import type { CaptureProfile } from "@/lib/media/capture-profiles";
import { ExitScreen } from "./exit-screen";
import { useMeetingMedia } from "./hooks/use-meeting-media";
import { useMeeting } from "./hooks/use-meeting";
import { PreJoin } from "./prejoin/pre-join";
import { preloadWhenIdle } from "./preload-when-idle";
import { WaitingScreen } from "./waiting-screen";

/**
 * The meeting's view (stage, controls, chat, recorder, dialogs) is not needed to paint the lobby: it loads in the
 * lobby's idle time, and at the latest on Join, while the grant and the socket are on their way.
 */
const loadMeetingView = () => import("./meeting-view").then((module) => module.MeetingView);
const MeetingView = dynamic(loadMeetingView, { ssr: false });

/** What a person is told about recording before they join; null when the room never records. */
function recordingNotice(policy: RoomPolicy["recording"]): string | null {
  if (policy === "off") return null;
  return policy === "auto"
    ? "Meetings in this room are recorded from the moment a host joins. You can join with your camera and microphone off."
    : "A host may record this meeting; everyone sees REC while it is recorded. You can join with your camera and microphone off.";
}

type Props = {
  roomId: string;
  /** The signed-in user: effect choices are remembered per user. */
  userId: string;
  /** The organization's display name (its branding), in the meeting's status line and on the exit screen. */
  orgName: string;
  roomName: string;
  selfName: string;
  profile: CaptureProfile;
  uploadLimitBytes: number;
  /** Told in the lobby and the waiting room, before anyone is seen or heard. */
  recordingPolicy: RoomPolicy["recording"];
  /** The app header and the room's details, shown around the lobby and the exit screen but not in the meeting. */
  header: ReactNode;
  details: ReactNode;
};

/**
 * A room's page from arrival to goodbye: the lobby (media starts at once, so Join is instant), the meeting over
 * the whole viewport, then the exit screen with Rejoin.
 */
export function MeetingRoom({ roomId, userId, orgName, roomName, selfName, profile, uploadLimitBytes, recordingPolicy, header, details }: Props) {
  const media = useMeetingMedia(userId, profile);
  const meeting = useMeeting(roomId, media);
  const { start } = media;
  useEffect(() => start(), [start]);
  useEffect(() => preloadWhenIdle(loadMeetingView), []);

  const join = () => {
    void loadMeetingView();
    void meeting.actions.join();
  };

  const waiting = meeting.entered && meeting.state.phase === "waiting";
  if (meeting.entered && meeting.state.phase !== "over" && !waiting) {
    return <MeetingView meeting={meeting} media={media} roomId={roomId} orgName={orgName} roomName={roomName} selfName={selfName} profile={profile} uploadLimitBytes={uploadLimitBytes} />;
  }
  return (
    <>
      {header}
      <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        {details}
        {waiting ? (
          <WaitingScreen roomName={roomName} onCancel={meeting.actions.leave} recordingNotice={recordingNotice(recordingPolicy)} />
        ) : meeting.entered && meeting.state.exit ? (
          <ExitScreen orgName={orgName} reason={meeting.state.exit.reason} detail={meeting.state.exit.message} onRejoin={meeting.actions.rejoin} />
        ) : (
          <PreJoin media={media} displayName={selfName} recordingNotice={recordingNotice(recordingPolicy)} onJoin={join} joining={meeting.joining} joinError={meeting.joinError} />
        )}
      </main>
    </>
  );
}
