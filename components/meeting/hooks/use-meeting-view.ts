"use client";

import { useCallback, useRef, useState } from "react";
import { type MeetingViewEvent, type MeetingViewState, initialMeetingViewState, reduceMeetingView } from "@/components/meeting/state/meeting-view-state";

/**
 * useReducer, except that the latest state is readable synchronously from event handlers: a burst of socket
 * messages in one task must each see the state its predecessor produced, to derive the right notices.
 */
export function useMeetingView() {
  const latest = useRef(initialMeetingViewState);
  const [state, setState] = useState(initialMeetingViewState);
  const dispatch = useCallback((event: MeetingViewEvent): MeetingViewState => {
    const before = latest.current;
    latest.current = reduceMeetingView(before, event);
    if (latest.current !== before) setState(latest.current);
    return before;
  }, []);
  const read = useCallback(() => latest.current, []);
  return { state, dispatch, read };
}
