/**
 * Mixes every audible track into the one track the recording carries. Sources are added and removed by track id
 * as people come and go, without interrupting the mix.
 */
export class AudioMix {
  private readonly context = new AudioContext();
  private readonly destination = this.context.createMediaStreamDestination();
  private readonly sources = new Map<string, MediaStreamAudioSourceNode>();

  get track(): MediaStreamTrack {
    return this.destination.stream.getAudioTracks()[0]!;
  }

  /** Mixes exactly these tracks from now on. */
  setTracks(tracks: readonly MediaStreamTrack[]): void {
    const wanted = new Map(tracks.filter((track) => track.readyState === "live").map((track) => [track.id, track]));
    for (const [id, source] of this.sources) {
      if (wanted.has(id)) continue;
      source.disconnect();
      this.sources.delete(id);
    }
    for (const [id, track] of wanted) {
      if (this.sources.has(id)) continue;
      const source = this.context.createMediaStreamSource(new MediaStream([track]));
      source.connect(this.destination);
      this.sources.set(id, source);
    }
    // A context made before a user gesture starts suspended; the host's click on Record resumed it.
    if (this.context.state === "suspended") void this.context.resume();
  }

  close(): void {
    for (const source of this.sources.values()) source.disconnect();
    this.sources.clear();
    void this.context.close();
  }
}
