/** Text command patterns, shared by the command handlers and the help card. Matched against the normalised text. */
export const PATTERNS = {
  help: /^(help|\?|what can you do|commands|how do i use this)$/i,
} as const;
