"use client";

import { Ban, Droplet, Droplets, LoaderCircle } from "lucide-react";
import { RadioGroup, Switch } from "radix-ui";
import { type ReactNode, useEffect, useRef } from "react";
import type { MediaEffectsHandle } from "@/components/meeting/hooks/use-media-effects";
import { type BackgroundEffect, type BackgroundImageId, BACKGROUND_IMAGES } from "@/lib/media/effects/effect-settings";
import { drawBackground } from "@/lib/media/effects/video/background-images";

const imageNames: Record<BackgroundImageId, string> = { office: "Office", shelves: "Bookshelves", gradient: "Gradient" };

type Choice = { value: string; label: string; background: BackgroundEffect; picture: ReactNode };

function BackgroundThumbnail({ imageId }: { imageId: BackgroundImageId }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (context) drawBackground(context, imageId, 64, 36);
  }, [imageId]);
  return <canvas ref={canvas} width={64} height={36} aria-hidden className="h-full w-full rounded-sm" />;
}

const icon = (node: ReactNode) => <span className="grid h-full w-full place-items-center rounded-sm bg-surface-muted text-fg-muted">{node}</span>;

const choices: Choice[] = [
  { value: "none", label: "No effect", background: { kind: "none" }, picture: icon(<Ban aria-hidden className="size-5" />) },
  { value: "blur-light", label: "Light blur", background: { kind: "blur", strength: "light" }, picture: icon(<Droplet aria-hidden className="size-5" />) },
  { value: "blur-strong", label: "Strong blur", background: { kind: "blur", strength: "strong" }, picture: icon(<Droplets aria-hidden className="size-5" />) },
  ...BACKGROUND_IMAGES.map((imageId) => ({
    value: `image-${imageId}`,
    label: imageNames[imageId],
    background: { kind: "image", imageId } as const,
    picture: <BackgroundThumbnail imageId={imageId} />,
  })),
];

const valueOf = (background: BackgroundEffect) =>
  background.kind === "none" ? "none" : background.kind === "blur" ? `blur-${background.strength}` : `image-${background.imageId}`;

function EffectStatus({ effects }: { effects: MediaEffectsHandle }) {
  const phase = effects.videoState?.phase;
  if (effects.videoError) return <p role="alert" className="text-sm text-warning-fg">Background effects could not start on this device ({effects.videoError}). Your camera is shown as it is.</p>;
  if (phase === "loading")
    return (
      <p className="flex items-center gap-2 text-sm text-fg-muted">
        <LoaderCircle aria-hidden className="size-4 animate-spin" /> Applying the effect…
      </p>
    );
  if (phase === "degraded") return <p role="status" className="text-sm text-warning-fg">Your device is struggling with this effect: turn it off for a smoother call.</p>;
  return null;
}

function ToggleRow({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="flex items-start justify-between gap-3">
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-fg">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-fg-muted">
          {hint}
        </p>
      </div>
      <Switch.Root
        id={id}
        checked={checked}
        onCheckedChange={onChange}
        aria-describedby={`${id}-hint`}
        className="relative mt-0.5 h-6 w-11 shrink-0 rounded-full bg-fill-disabled transition-colors data-[state=checked]:bg-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
      >
        <Switch.Thumb className="block size-5 translate-x-0.5 rounded-full bg-on-primary shadow transition-transform data-[state=checked]:translate-x-[22px]" />
      </Switch.Root>
    </div>
  );
}

/** Background (none, blur, images), low light and noise suppression: in the lobby and the meeting's Devices dialog. */
export function EffectsSettings({ effects, idPrefix }: { effects: MediaEffectsHandle; idPrefix: string }) {
  const { settings } = effects;
  return (
    <div className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-fg-muted">Background</legend>
        <RadioGroup.Root
          value={valueOf(settings.background)}
          onValueChange={(value) => {
            const choice = choices.find((candidate) => candidate.value === value);
            if (choice) effects.update({ background: choice.background });
          }}
          aria-label="Background"
          className="grid grid-cols-3 gap-2 sm:grid-cols-6"
        >
          {choices.map((choice) => (
            <RadioGroup.Item
              key={choice.value}
              value={choice.value}
              id={`${idPrefix}-background-${choice.value}`}
              aria-label={choice.label}
              title={choice.label}
              className="aspect-video rounded-md border-2 border-transparent p-0.5 data-[state=checked]:border-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
            >
              {choice.picture}
            </RadioGroup.Item>
          ))}
        </RadioGroup.Root>
        <EffectStatus effects={effects} />
      </fieldset>
      <ToggleRow
        id={`${idPrefix}-low-light`}
        label="Low-light enhancement"
        hint="Brightens your picture when the room is dark."
        checked={settings.lowLight}
        onChange={(lowLight) => effects.update({ lowLight })}
      />
      <ToggleRow
        id={`${idPrefix}-noise-suppression`}
        label="Noise suppression"
        hint="Filters out keyboards, fans and traffic around you."
        checked={settings.noiseSuppression}
        onChange={(noiseSuppression) => effects.update({ noiseSuppression })}
      />
      {effects.noiseSuppressionError ? <p className="text-sm text-warning-fg">Noise suppression is not available here ({effects.noiseSuppressionError}).</p> : null}
    </div>
  );
}
