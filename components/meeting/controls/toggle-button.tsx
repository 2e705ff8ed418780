"use client";

import type { ComponentProps, ReactNode } from "react";
import { ControlButton } from "./control-button";

type Props = Omit<ComponentProps<"button">, "children"> & {
  /** Accessible name; the same whether pressed or not, as aria-pressed expects. */
  label: string;
  pressed: boolean;
  icon: ReactNode;
  /** What the button would do now, with its shortcut, e.g. "Turn off microphone (M)". */
  hint?: string;
  /** Red while off, for the toggles whose "off" others notice (microphone, camera). */
  alarmWhenOff?: boolean;
  badge?: ReactNode;
  badgeText?: string;
  description?: string;
};

export function ToggleButton({ label, pressed, icon, hint, alarmWhenOff = false, badge, badgeText, description, ...button }: Props) {
  const tone = alarmWhenOff ? (pressed ? "neutral" : "alarm") : pressed ? "active" : "neutral";
  return <ControlButton label={label} aria-pressed={pressed} icon={icon} hint={hint} tone={tone} badge={badge} badgeText={badgeText} description={description} {...button} />;
}
