"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { createScheduleAction, updateScheduleAction } from "@/app/schedules/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { type Invitee, InviteePicker } from "./invitee-picker";
import { utcToZonedWallClock, zonedWallClockToUtc } from "./wall-clock";

export type TemplateOption = { id: string; name: string; scope: "ORG" | "PERSONAL" };

/** A scheduled meeting as the edit form starts from it (the template and who may join stay as created). */
export type EditableSchedule = {
  id: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  weeklyOccurrences: number;
  invitees: Invitee[];
};

type Props = { mode?: "create"; templates: TemplateOption[]; schedule?: never } | { mode: "edit"; schedule: EditableSchedule; templates?: never };

// The server does not know the viewer's zone: UTC on the server, the browser's zone (and its zone list) after
// hydration, without a hydration mismatch.
const subscribe = () => () => {};
let zoneList: string[] | null = null;
function browserZones(): string[] {
  if (!zoneList) {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    zoneList = [...new Set([own, "UTC", ...Intl.supportedValuesOf("timeZone")])].sort();
  }
  return zoneList;
}
const serverZones = ["UTC"];

/** Schedules a meeting, or (mode "edit") changes one: same fields, and an edit raises the invite's SEQUENCE. */
export function ScheduleForm(props: Props) {
  const router = useRouter();
  const editing = props.mode === "edit" ? props.schedule : null;
  const templates = props.templates ?? [];
  const initialStart = editing ? utcToZonedWallClock(new Date(editing.startsAt), editing.timeZone) : null;
  const viewerZone = useSyncExternalStore(subscribe, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "UTC");
  const zones = useSyncExternalStore(subscribe, browserZones, () => serverZones);
  const [zoneChoice, setZoneChoice] = useState<string | null>(editing?.timeZone ?? null);
  const timeZone = zoneChoice ?? viewerZone;
  const [invitees, setInvitees] = useState<Invitee[]>(editing?.invitees ?? []);
  const [visibility, setVisibility] = useState<"ORG" | "INVITE_ONLY">("INVITE_ONLY");
  const [startError, setStartError] = useState<string | undefined>();
  const { execute, result, isPending } = useAction(createScheduleAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      toast.success(`“${data.title}” scheduled`);
      router.push("/");
    },
    onError: ({ error }) => {
      if (error.serverError) toast.error(error.serverError);
    },
  });
  const update = useAction(updateScheduleAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      toast.success(`“${data.title}” updated; invitees' calendar files now carry the change`);
      router.push("/");
      router.refresh();
    },
    onError: ({ error }) => {
      if (error.serverError) toast.error(error.serverError);
    },
  });
  const createErrors = result.validationErrors?.fieldErrors as Record<string, string[] | undefined> | undefined;
  const updateErrors = update.result.validationErrors;
  const fieldErrors: Record<string, string[] | undefined> | undefined = editing
    ? Object.fromEntries(Object.entries(updateErrors ?? {}).map(([key, message]) => [key, [message]]))
    : createErrors;
  const pending = isPending || update.isPending;

  if (!editing && templates.length === 0) return <p className="text-sm text-fg-muted">No templates are available; ask an admin to create one.</p>;

  return (
    <form
      aria-label={editing ? "Edit meeting" : "Schedule a meeting"}
      className="space-y-4 rounded-lg border border-line bg-surface p-4 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const startsAt = zonedWallClockToUtc(String(form.get("date") ?? ""), String(form.get("time") ?? ""), timeZone);
        if (!startsAt) {
          setStartError("Pick a date and a time.");
          return;
        }
        // An edit that keeps a series' (past) first start is fine; a new or moved start must be ahead.
        const startChanged = !editing || startsAt.toISOString() !== new Date(editing.startsAt).toISOString();
        if (startChanged && startsAt.getTime() <= Date.now()) {
          setStartError("Pick a time in the future.");
          return;
        }
        setStartError(undefined);
        if (editing) {
          update.execute({
            id: editing.id,
            changes: {
              title: String(form.get("title") ?? ""),
              startsAt: startsAt.toISOString(),
              durationMinutes: Number(form.get("duration")),
              timeZone,
              weeklyOccurrences: Number(form.get("occurrences")),
              inviteeIds: invitees.map((person) => person.id),
            },
          });
          return;
        }
        execute({
          title: String(form.get("title") ?? ""),
          templateId: String(form.get("templateId") ?? ""),
          startsAt: startsAt.toISOString(),
          durationMinutes: Number(form.get("duration")),
          timeZone,
          weeklyOccurrences: Number(form.get("occurrences")),
          inviteeIds: invitees.map((person) => person.id),
          visibility,
        });
      }}
    >
      {editing ? null : (
        <div className="space-y-1">
          <label htmlFor="schedule-template" className="block text-sm font-medium text-fg">
            Template
          </label>
          <select id="schedule-template" name="templateId" className={inputClasses} defaultValue={templates[0]!.id}>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
                {template.scope === "PERSONAL" ? " (personal)" : ""}
              </option>
            ))}
          </select>
        </div>
      )}
      <Field id="schedule-title" name="title" label="Title" required maxLength={120} defaultValue={editing?.title} error={fieldErrors?.title?.[0]} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="schedule-date" name="date" type="date" label="Date" required defaultValue={initialStart?.date} error={startError ?? fieldErrors?.startsAt?.[0]} />
        <Field id="schedule-time" name="time" type="time" label="Start time" required defaultValue={initialStart?.time} />
        <Field id="schedule-duration" name="duration" type="number" label="Duration (minutes)" required min={5} max={1440} step={5} defaultValue={editing?.durationMinutes ?? 30} error={fieldErrors?.durationMinutes?.[0]} />
        <Field
          id="schedule-occurrences"
          name="occurrences"
          type="number"
          label="Weekly occurrences"
          required
          min={1}
          max={52}
          defaultValue={editing?.weeklyOccurrences ?? 1}
          hint="1 for a one-off meeting."
          error={fieldErrors?.weeklyOccurrences?.[0]}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="schedule-zone" className="block text-sm font-medium text-fg">
          Time zone
        </label>
        <select id="schedule-zone" className={inputClasses} value={timeZone} onChange={(event) => setZoneChoice(event.target.value)}>
          {(zones.includes(timeZone) ? zones : [timeZone, ...zones]).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        {fieldErrors?.timeZone?.[0] ? <p className="text-sm text-danger-fg">{fieldErrors.timeZone[0]}</p> : null}
      </div>
      <InviteePicker value={invitees} onChange={setInvitees} />
      {fieldErrors?.inviteeIds?.[0] ? <p className="text-sm text-danger-fg">{fieldErrors.inviteeIds[0]}</p> : null}
      {editing ? null : (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-fg">Who can join the room</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="visibility" value="INVITE_ONLY" checked={visibility === "INVITE_ONLY"} onChange={() => setVisibility("INVITE_ONLY")} />
            Only the invitees
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="visibility" value="ORG" checked={visibility === "ORG"} onChange={() => setVisibility("ORG")} />
            Everyone in the organization
          </label>
        </fieldset>
      )}
      <Button type="submit" disabled={pending}>
        {editing ? (pending ? "Saving…" : "Save changes") : pending ? "Scheduling…" : "Schedule meeting"}
      </Button>
    </form>
  );
}
