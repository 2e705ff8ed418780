import { z } from "zod";

/** 32 random bytes, base64url without padding: what the server issues in `welcome.resume`. */
export const resumeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "a resume token from welcome.resume");
export type ResumeToken = z.infer<typeof resumeTokenSchema>;
