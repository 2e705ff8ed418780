"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { createScheduleAction } from "@/app/schedules/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { type Invitee, InviteePicker } from "./invitee-picker";
import { zonedWallClockToUtc } from "./wall-clock";

export type TemplateOption = { id: string; name: string; scope: "ORG" | "PERSONAL" };

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

export function ScheduleForm({ templates }: { templates: TemplateOption[] }) {
  const router = useRouter();
  const viewerZone = useSyncExternalStore(subscribe, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "UTC");
  const zones = useSyncExternalStore(subscribe, browserZones, () => serverZones);
  const [zoneChoice, setZoneChoice] = useState<string | null>(null);
  const timeZone = zoneChoice ?? viewerZone;
  const [invitees, setInvitees] = useState<Invitee[]>([]);
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
  const fieldErrors = result.validationErrors?.fieldErrors as Record<string, string[] | undefined> | undefined;

  if (templates.length === 0) return <p className="text-sm text-slate-600">No templates are available; ask an admin to create one.</p>;

  return (
    <form
      aria-label="Schedule a meeting"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const startsAt = zonedWallClockToUtc(String(form.get("date") ?? ""), String(form.get("time") ?? ""), timeZone);
        if (!startsAt) {
          setStartError("Pick a date and a time.");
          return;
        }
        if (startsAt.getTime() <= Date.now()) {
          setStartError("Pick a time in the future.");
          return;
        }
        setStartError(undefined);
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
      <div className="space-y-1">
        <label htmlFor="schedule-template" className="block text-sm font-medium text-slate-800">
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
      <Field id="schedule-title" name="title" label="Title" required maxLength={120} error={fieldErrors?.title?.[0]} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="schedule-date" name="date" type="date" label="Date" required error={startError ?? fieldErrors?.startsAt?.[0]} />
        <Field id="schedule-time" name="time" type="time" label="Start time" required />
        <Field id="schedule-duration" name="duration" type="number" label="Duration (minutes)" required min={5} max={1440} step={5} defaultValue={30} error={fieldErrors?.durationMinutes?.[0]} />
        <Field
          id="schedule-occurrences"
          name="occurrences"
          type="number"
          label="Weekly occurrences"
          required
          min={1}
          max={52}
          defaultValue={1}
          hint="1 for a one-off meeting."
          error={fieldErrors?.weeklyOccurrences?.[0]}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="schedule-zone" className="block text-sm font-medium text-slate-800">
          Time zone
        </label>
        <select id="schedule-zone" className={inputClasses} value={timeZone} onChange={(event) => setZoneChoice(event.target.value)}>
          {(zones.includes(timeZone) ? zones : [timeZone, ...zones]).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        {fieldErrors?.timeZone?.[0] ? <p className="text-sm text-red-700">{fieldErrors.timeZone[0]}</p> : null}
      </div>
      <InviteePicker value={invitees} onChange={setInvitees} />
      {fieldErrors?.inviteeIds?.[0] ? <p className="text-sm text-red-700">{fieldErrors.inviteeIds[0]}</p> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Who can join the room</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="visibility" value="INVITE_ONLY" checked={visibility === "INVITE_ONLY"} onChange={() => setVisibility("INVITE_ONLY")} />
          Only the invitees
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="visibility" value="ORG" checked={visibility === "ORG"} onChange={() => setVisibility("ORG")} />
          Everyone in the organization
        </label>
      </fieldset>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Scheduling…" : "Schedule meeting"}
      </Button>
    </form>
  );
}
