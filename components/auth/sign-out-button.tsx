import { buttonClasses } from "@/components/ui/button";

/** A plain form post, so signing out works before (or without) any JavaScript. */
export function SignOutButton() {
  return (
    <form action="/auth/signout" method="post">
      <button type="submit" className={buttonClasses("secondary")}>
        Sign out
      </button>
    </form>
  );
}
