"use client";

import { type ReactNode, useId, useState } from "react";
import { describedByFor, Field, FieldNotes, inputClasses } from "@/components/ui/field";
import type { RoomPolicy } from "@/lib/domain/room-policy";
import type { FormErrors } from "./form-errors";
import { policyFieldNames as names } from "./policy-form-data";

type Props = {
  /** The values the fields start with (a template's policy, or the room's current one). */
  initial: RoomPolicy;
  errors: FormErrors;
  /** Keeps ids unique if two policy forms ever share a page. */
  idPrefix: string;
};

/**
 * Every RoomPolicy setting as labelled form fields, shared by the template forms and the room settings form.
 * Uncontrolled (read with `readPolicyForm`), except the expiry kind, which decides whether "days" applies.
 */
export function PolicyFields({ initial, errors, idPrefix }: Props) {
  const [expiryKind, setExpiryKind] = useState<RoomPolicy["expiry"]["kind"]>(initial.expiry.kind);
  const id = (name: string) => `${idPrefix}-${name}`;
  const initialDays = initial.expiry.kind === "never" ? 30 : initial.expiry.days;
  return (
    <div className="space-y-6">
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-fg">Joining</legend>
        <Checkbox name={names.waitingRoom} defaultChecked={initial.waitingRoom} label="Waiting room" hint="A host admits everyone who is not a host." />
        <Checkbox name={names.muteOnEntry} defaultChecked={initial.muteOnEntry} label="Mute microphones on entry" />
        <Checkbox name={names.cameraOffOnEntry} defaultChecked={initial.cameraOffOnEntry} label="Cameras off on entry" />
        <Checkbox
          name={names.largeMeeting}
          defaultChecked={initial.largeMeeting}
          label="Large meeting"
          hint="Media goes through the media server from the start, so dozens of people stay smooth."
        />
        <Select
          id={id("default-role")}
          name={names.defaultRole}
          label="Default role for joiners"
          hint="The room's owner is always a host."
          defaultValue={initial.defaultRole}
          error={errors["policy.defaultRole"]}
          options={[
            ["participant", "Participant (talks and shares)"],
            ["observer", "Observer (watches and listens)"],
          ]}
        />
        <Field
          id={id("max-participants")}
          name={names.maxParticipants}
          label="Maximum participants"
          type="number"
          inputMode="numeric"
          min={2}
          max={100}
          defaultValue={initial.maxParticipants}
          hint="Hosts included, 2 to 100."
          error={errors["policy.maxParticipants"]}
        />
        <Field
          id={id("reminder-minutes")}
          name={names.reminderMinutes}
          label="Remind invitees (minutes before the start)"
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          defaultValue={initial.reminderMinutes}
          hint="In the app and in the calendar invite; 0 sends no reminder."
          error={errors["policy.reminderMinutes"]}
        />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-fg">In the meeting</legend>
        <Select
          id={id("screen-share")}
          name={names.screenShare}
          label="Who may share their screen"
          defaultValue={initial.screenShare}
          error={errors["policy.screenShare"]}
          options={[
            ["everyone", "Everyone"],
            ["presenters", "Hosts and presenters only"],
          ]}
        />
        <Checkbox name={names.chatEnabled} defaultChecked={initial.chatEnabled} label="Chat" hint="Off: nobody can send chat messages." />
        <Select
          id={id("recording")}
          name={names.recording}
          label="Recording"
          defaultValue={initial.recording}
          error={errors["policy.recording"]}
          options={[
            ["off", "Off"],
            ["manual", "Hosts start it"],
            ["auto", "Starts automatically"],
          ]}
        />
        <Select
          id={id("recording-access")}
          name={names.recordingAccess}
          label="Who may watch recordings"
          hint="The room's hosts and admins always may."
          defaultValue={initial.recordingAccess}
          error={errors["policy.recordingAccess"]}
          options={[
            ["participants", "Everyone who took part in the meeting"],
            ["hosts", "Hosts only"],
          ]}
        />
        <Field
          id={id("recording-retention-days")}
          name={names.recordingRetentionDays}
          label="Keep recordings (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          defaultValue={initial.recordingRetentionDays}
          hint="Recordings are deleted this many days after they end, 1 to 3650."
          error={errors["policy.recordingRetentionDays"]}
        />
        <Select
          id={id("layout")}
          name={names.defaultLayout}
          label="Default layout"
          defaultValue={initial.defaultLayout}
          error={errors["policy.defaultLayout"]}
          options={[
            ["grid", "Grid"],
            ["speaker", "Speaker"],
            ["presentation", "Presentation"],
          ]}
        />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-fg">Clean-up</legend>
        <Select
          id={id("expiry-kind")}
          name={names.expiryKind}
          label="Room expiry"
          value={expiryKind}
          onChange={(value) => setExpiryKind(value as RoomPolicy["expiry"]["kind"])}
          error={errors["policy.expiry.kind"] ?? errors["policy.expiry"]}
          options={[
            ["never", "Never expires"],
            ["after-scheduled-end", "Days after its scheduled meetings end"],
            ["after-last-meeting", "Days after its last meeting"],
          ]}
        />
        {expiryKind === "never" ? null : (
          <Field
            id={id("expiry-days")}
            name={names.expiryDays}
            label="Expiry days"
            type="number"
            inputMode="numeric"
            min={0}
            max={3650}
            defaultValue={initialDays}
            hint="The room is archived (or deleted if it never met) this many days later."
            error={errors["policy.expiry.days"]}
          />
        )}
      </fieldset>
    </div>
  );
}

function Checkbox({ name, label, hint, defaultChecked }: { name: string; label: string; hint?: string; defaultChecked: boolean }) {
  const hintId = useId();
  return (
    <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
      <label className="flex items-center gap-2 font-medium text-fg">
        <input type="checkbox" name={name} defaultChecked={defaultChecked} aria-describedby={hint ? hintId : undefined} />
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="text-xs text-fg-muted">
          — {hint}
        </span>
      ) : null}
    </div>
  );
}

type SelectProps = {
  id: string;
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  options: readonly (readonly [value: string, label: string])[];
} & ({ defaultValue: string; value?: never; onChange?: never } | { value: string; onChange: (value: string) => void; defaultValue?: never });

function Select({ id, name, label, hint, error, options, ...value }: SelectProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className={inputClasses}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint, error)}
        {...("onChange" in value && value.onChange ? { value: value.value, onChange: (event) => value.onChange(event.target.value) } : { defaultValue: value.defaultValue })}
      >
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
