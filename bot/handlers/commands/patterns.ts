/** Text command patterns, shared by the command handlers, the help card and the tests. Matched against the text without mentions. Action references are captured as written ("18", "2.3a") and looked up with actionByRef. */
export const PATTERNS = {
  /** "history of action 18", "history 18", "show history for #18" */
  history: /^(?:show\s+(?:me\s+)?)?(?:the\s+)?history\s+(?:of|for)?\s*(?:action\s*)?#?(\d{1,4}(?:\.\d{1,3})*[a-z]?)\??$/i,
  /** "make Ali Burlington a lead for CST", "make ali@x.org coordinator", "make Sam a member" */
  makeRole: /^make\s+(.+?)\s+(?:an?\s+|the\s+)?(coordinator|lead|member)(?:\s+(?:for|of|at)\s+(.+?))?\.?$/i,
  /** "who are the leads?", "who can update", "list people" */
  whoAreLeads: /^(?:who\s+are\s+(?:the\s+)?(?:leads|coordinators|people)|who\s+can\s+update|list\s+(?:people|roles|leads))\??$/i,
  /** "post updates here" */
  postUpdatesHere: /^(?:please\s+)?post\s+(?:rag\s+)?(?:updates|changes|announcements)\s+(?:here|in\s+this\s+channel)\.?$/i,
  /** "what changed this week?", "recent changes", "what's new this month" */
  changes:
    /^(?:what(?:'s| has| have)?\s+(?:changed|been updated|new)|any\s+changes|recent\s+(?:changes|updates)|latest\s+updates)(?:\s+(?:this|in\s+the\s+last)\s+(?:week|month)|\s+lately|\s+recently|\s+since\s+last\s+week)?\??$/i,
  /** "update action 18", "update 18", "update #18 to amber": starts the update conversation */
  startUpdate:
    /^(?:please\s+)?(?:i(?:['’]d|\s+would)\s+like\s+to\s+|can\s+i\s+)?update\s+(?:action\s*)?#?(\d{1,4}(?:\.\d{1,3})*[a-z]?)(?:\s+(?:to|as)\s+(.+?))?[.!?]*$/i,
  /** "I've got an update on faith groups", "here's an update about businesses", "update on action 18" */
  updateTopic: /^(?:(?:i(?:['’]ve|\s+have)(?:\s+got)?|here(?:['’]s|\s+is))\s+)?(?:an?\s+)?update\s+(?:on|for|about)\s+(.+?)[.!?]*$/i,
  /** "start an update round for the board meeting on 4 December [with updates due by 1 December]" */
  startRound:
    /^(?:please\s+)?start\s+(?:an?\s+|the\s+)?update\s+round(?:\s+for\s+(?:the\s+|our\s+)?(.+?))?\s+on\s+(.+?)(?:,?\s+(?:with\s+)?(?:updates\s+|answers\s+)?due\s+(?:by|on)\s+(.+?))?[.!]*$/i,
  /** "update round status", "show the update round status", "status of the update round" */
  roundStatus:
    /^(?:(?:show\s+(?:me\s+)?(?:the\s+)?)?update\s+round\s+status|(?:what(?:['’]s|\s+is)\s+the\s+)?status\s+of\s+the\s+update\s+round)\??$/i,
  /** "schedule the Channel panel monthly on the first Tuesday at 10:00" (the rest is read by bot/plan/schedule/parse.ts) */
  schedule: /^schedule\s+(?!for\b)(.+)$/i,
  /** "list schedules", "show the schedules", "what's scheduled?" */
  listSchedules: /^(?:(?:list|show)(?:\s+(?:me\s+)?(?:the|all|our))?\s+schedules|schedules|what(?:['’]s|\s+is)\s+scheduled)\??$/i,
  /** "move the forum to 12 March", "move schedule 3 to 12 March at 14:00" */
  moveSchedule: /^move\s+(?:the\s+next\s+)?(.+?)\s+to\s+(.+?)(?:\s+at\s+(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|noon|midday))?\.?$/i,
  /** "cancel schedule 3", "cancel the forum schedule" */
  cancelSchedule: /^(?:cancel|delete)\s+(?:schedule\s+#?(\d+)|(?:the\s+)?(.+?)\s+schedule)\.?$/i,
  /** "add Ali Burlington to the Channel panel" */
  addToPanel: /^add\s+(.+?)\s+to\s+(?:the\s+)?channel\s+panel\.?$/i,
  /** "remove Ali Burlington from the Channel panel" */
  removeFromPanel: /^remove\s+(.+?)\s+from\s+(?:the\s+)?channel\s+panel\.?$/i,
  /** "who is on the Channel panel?", "list the Channel panel" */
  listPanel: /^(?:who(?:['’]s|\s+is)\s+on|list)\s+(?:the\s+)?channel\s+panel(?:\s+members)?\??$/i,
  /** "send my digest on Fridays at 16:00", "send me the digest at 08:30" */
  digestWhen:
    /^(?:please\s+)?send\s+(?:me\s+)?(?:my\s+|the\s+)?(?:weekly\s+)?digest(?:\s+on\s+([a-z]+?)s?)?(?:\s+at\s+(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|noon|midday))?\.?$/i,
  /** "turn off my digest", "stop my weekly digest", "turn on my digest" */
  digestSwitch: /^(?:stop|turn\s+off|switch\s+off|no\s+more|turn\s+on|switch\s+on|start)\s+(?:my\s+|the\s+)?(?:weekly\s+)?digests?\.?$/i,
  /** "show the digest", "preview my digest" */
  digestPreview: /^(?:show|preview)\s+(?:me\s+)?(?:my\s+|the\s+)?(?:weekly\s+)?digest\??$/i,
  /** "stop reminding me about action 7 until January", "stop reminding me until March" */
  muteReminders:
    /^(?:please\s+)?stop\s+reminding\s+me(?:\s+about\s+(?:action\s*)?#?(\d{1,4}(?:\.\d{1,3})*[a-z]?))?(?:\s+until\s+(.+?))?\.?$/i,
  /** "remind me about action 7 again", "start reminding me again" */
  unmuteReminders:
    /^(?:remind\s+me|start\s+reminding\s+me)(?:\s+about\s+(?:action\s*)?#?(\d{1,4}(?:\.\d{1,3})*[a-z]?)|\s+about\s+actions)?\s+again\.?$/i,
  /** "add case review CH-2026-014 started 3 November 2026" (personal chat only) */
  addCaseReview:
    /^(?:add|track|record)\s+(?:a\s+)?(?:channel\s+)?case(?:\s+review)?\s+(.+?)\s+(?:intervention\s+)?(?:started|starting|from)\s+(?:on\s+)?(.+?)\.?$/i,
  /** "list case reviews", "case reviews" */
  listCaseReviews: /^(?:(?:list|show)\s+(?:the\s+)?)?(?:channel\s+)?case\s+reviews\??$/i,
  /** "close case CH-2026-014" */
  closeCaseReview: /^close\s+(?:the\s+)?(?:channel\s+)?case(?:\s+review)?\s+(\S+)\.?$/i,
  /** "thanks", "thank you very much!", "cheers" */
  thanks: /^(?:many\s+)?(?:thanks|thank\s+you|cheers)(?:\s+(?:very\s+much|so\s+much|a\s+lot|again))?[\s.!]*$/i,
} as const;
