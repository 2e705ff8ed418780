import { z } from "zod";

/** A fixed set, so a reaction is one of a few known glyphs that every client can render, never free text. */
export const REACTION_EMOJIS = ["👍", "👏", "❤️", "😂", "😮", "🎉", "🤔", "👋"] as const;

export const reactionEmojiSchema = z.enum(REACTION_EMOJIS);
export type ReactionEmoji = z.infer<typeof reactionEmojiSchema>;
