import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/server/health/check-health";

export const dynamic = "force-dynamic";

/** Public on purpose: load balancers probe it without a session. It reveals reachability only. */
export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503 });
}
