"use client";

import { type ComponentProps, forwardRef, type ReactNode, useId } from "react";

export type ControlTone = "neutral" | "active" | "alarm" | "danger";

const tones: Record<ControlTone, string> = {
  neutral: "bg-stage-control text-stage-fg hover:bg-stage-control-hover",
  active: "bg-primary text-stage-fg hover:bg-primary-hover",
  alarm: "bg-danger text-stage-fg hover:bg-danger-hover",
  danger: "bg-danger text-stage-fg hover:bg-danger-hover",
};

/** Round icon buttons on phones; on wide screens the label shows under the icon. */
const controlButtonClasses = (tone: ControlTone, hideOnPhone: boolean, extra: string) =>
  `relative ${hideOnPhone ? "hidden sm:inline-flex" : "inline-flex"} shrink-0 flex-col items-center justify-center gap-1 rounded-full size-11 sm:size-12 lg:h-14 lg:w-auto lg:min-w-16 lg:rounded-2xl lg:px-3 transition-colors disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 ${tones[tone]} ${extra}`;

type Props = ComponentProps<"button"> & {
  label: string;
  icon: ReactNode;
  tone?: ControlTone;
  badge?: ReactNode;
  /** The badge's visible text (a count), which the accessible name must contain too (WCAG 2.5.3, label in name). */
  badgeText?: string;
  hint?: string;
  /** For controls that need a keyboard or a big screen to be useful. */
  hideOnPhone?: boolean;
  /** Read after the name by screen readers (e.g. "2 unread messages"), so the name itself stays constant. */
  description?: string;
};

/** Forwards its ref and props so Radix triggers (`asChild`) can use it. */
export const ControlButton = forwardRef<HTMLButtonElement, Props>(function ControlButton(
  { label, icon, tone = "neutral", badge, badgeText, hint, hideOnPhone = false, description, className = "", ...button },
  ref,
) {
  const descriptionId = useId();
  return (
    <button
      ref={ref}
      type="button"
      aria-label={badgeText ? `${label} ${badgeText}` : label}
      aria-describedby={description ? descriptionId : undefined}
      title={hint ?? label}
      className={controlButtonClasses(tone, hideOnPhone, className)}
      {...button}
    >
      {description ? (
        // Hidden, and read through aria-describedby only (which reads hidden text it points at): as text of the
        // button it would count as a visible label the name lacks (WCAG 2.5.3, label in name).
        <span id={descriptionId} hidden>
          {description}
        </span>
      ) : null}
      {icon}
      <span aria-hidden className="hidden text-[11px] leading-none font-medium whitespace-nowrap lg:block">
        {label}
      </span>
      {/* Keeps the label and the badge's count apart as words, as the name has them ("Participants 3"). */}
      {badge ? " " : null}
      {badge}
    </button>
  );
});
