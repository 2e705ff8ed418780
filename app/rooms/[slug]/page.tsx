import type { Metadata } from "next";
import { AppHeader } from "@/components/layout/app-header";
import { MeetingRoom } from "@/components/meeting/meeting-room";
import { serverEnv } from "@/lib/config/server-env";
import { isCaptureProfile } from "@/lib/media/capture-profiles";
import { currentBranding } from "@/lib/server/branding/current-branding";
import { loadRoom } from "./load-room";
import { RoomDetails } from "./room-details";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ video?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { room } = await loadRoom((await params).slug);
  return { title: room.name };
}

/** The room's lobby and meeting. `?video=sd|low` lowers the camera capture (weak machines, many-person tests). */
export default async function RoomPage({ params, searchParams }: Props) {
  const [{ slug }, { video }] = await Promise.all([params, searchParams]);
  const [{ actor, room }, branding] = await Promise.all([loadRoom(slug), currentBranding()]);
  return (
    <MeetingRoom
      roomId={room.id}
      userId={actor.id}
      orgName={branding.displayName}
      roomName={room.name}
      selfName={actor.name}
      profile={isCaptureProfile(video) ? video : "hd"}
      uploadLimitBytes={serverEnv().FILE_UPLOAD_MAX_BYTES}
      recordingPolicy={room.recording}
      header={<AppHeader actor={actor} />}
      details={<RoomDetails room={room} />}
    />
  );
}
