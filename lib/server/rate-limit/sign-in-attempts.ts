import "server-only";
import type { SignInAttemptKeys } from "./attempt-keys";
import { forgive, isExhausted, recordFailure } from "./limiters";

/** Locked while either the account or the address has used up its failures; a right password does not unlock it. */
export async function isSignInLocked(keys: SignInAttemptKeys): Promise<boolean> {
  const [account, address] = await Promise.all([isExhausted("signInAccount", keys.account), isExhausted("signInAddress", keys.address)]);
  return account || address;
}

export async function recordFailedSignIn(keys: SignInAttemptKeys): Promise<void> {
  await Promise.all([recordFailure("signInAccount", keys.account), recordFailure("signInAddress", keys.address)]);
}

/**
 * A success clears the account's failures, so a person who mistyped a few times starts afresh; the address keeps
 * its count (successes never add to it), so one valid account cannot launder guesses at others.
 */
export async function recordSuccessfulSignIn(keys: SignInAttemptKeys): Promise<void> {
  await forgive("signInAccount", keys.account);
}
