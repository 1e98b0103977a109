/** Text command patterns, shared by the command handlers, the help card and the tests. Matched against the text without mentions. */
export const PATTERNS = {
  /** "history of action 18", "history 18", "show history for #18" */
  history: /^(?:show\s+(?:me\s+)?)?(?:the\s+)?history\s+(?:of|for)?\s*(?:action\s*)?#?(\d+)\??$/i,
  /** "make Ali Burlington a lead for CST", "make ali@x.org coordinator", "make Sam a member" */
  makeRole: /^make\s+(.+?)\s+(?:an?\s+|the\s+)?(coordinator|lead|member)(?:\s+(?:for|of|at)\s+(.+?))?\.?$/i,
  /** "who are the leads?", "who can update", "list people" */
  whoAreLeads: /^(?:who\s+are\s+(?:the\s+)?(?:leads|coordinators|people)|who\s+can\s+update|list\s+(?:people|roles|leads))\??$/i,
  /** "post updates here" */
  postUpdatesHere: /^(?:please\s+)?post\s+(?:rag\s+)?(?:updates|changes|announcements)\s+(?:here|in\s+this\s+channel)\.?$/i,
  /** "what changed this week?", "recent changes", "what's new this month" */
  changes: /^(?:what(?:'s| has| have)?\s+(?:changed|been updated|new)|any\s+changes|recent\s+(?:changes|updates)|latest\s+updates)(?:\s+(?:this|in\s+the\s+last)\s+(?:week|month)|\s+lately|\s+recently|\s+since\s+last\s+week)?\??$/i,
  /** "update action 18", "update 18", "update #18 to amber": starts the update conversation */
  startUpdate: /^(?:please\s+)?(?:i(?:['’]d|\s+would)\s+like\s+to\s+|can\s+i\s+)?update\s+(?:action\s*)?#?(\d+)(?:\s+(?:to|as)\s+(.+?))?[.!?]*$/i,
  /** "I've got an update on faith groups", "here's an update about businesses", "update on action 18" */
  updateTopic: /^(?:(?:i(?:['’]ve|\s+have)(?:\s+got)?|here(?:['’]s|\s+is))\s+)?(?:an?\s+)?update\s+(?:on|for|about)\s+(.+?)[.!?]*$/i,
  /** "start an update round for the board meeting on 4 December [with updates due by 1 December]" */
  startRound: /^(?:please\s+)?start\s+(?:an?\s+|the\s+)?update\s+round(?:\s+for\s+(?:the\s+|our\s+)?(.+?))?\s+on\s+(.+?)(?:,?\s+(?:with\s+)?(?:updates\s+|answers\s+)?due\s+(?:by|on)\s+(.+?))?[.!]*$/i,
  /** "update round status", "show the update round status", "status of the update round" */
  roundStatus: /^(?:(?:show\s+(?:me\s+)?(?:the\s+)?)?update\s+round\s+status|(?:what(?:['’]s|\s+is)\s+the\s+)?status\s+of\s+the\s+update\s+round)\??$/i,
} as const;
