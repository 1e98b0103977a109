/** Typed commands about a partnership's plans over time (matched against the text without mentions). */
export const PLAN_PATTERNS = {
  /** "list plans", "show all the plans", "which plans are there?", "plans" */
  listPlans:
    /^(?:(?:list|show)(?:\s+me)?(?:\s+(?:all|the|our))*\s+plans|(?:which|what)\s+plans\s+(?:are\s+there|do\s+we\s+have|have\s+we\s+got)|(?:our\s+)?plans)\??$/i,
  /** "make the 2025–26 plan live", "make next year's plan live", "make plan 2025-26 live again" */
  makeLive: /^(?:please\s+)?make\s+(?:the\s+)?(?:plan\s+(.+?)|(.+?)\s+plan)\s+(?:the\s+)?live(?:\s+plan)?(?:\s+(?:again|now))?[.!]*$/i,
  /** "start next year's plan", "start the new plan called Riverside Prevent Plan 2027–28" */
  startNext:
    /^(?:please\s+)?(?:start|begin|create|set\s+up|open)\s+(?:the\s+|a\s+)?(?:next\s+year['’]?s?|new|next)\s+plan(?:\s+(?:called|named|titled)\s+(.+?))?[.!]*$/i,
} as const;
