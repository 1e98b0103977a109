/** Board report and toolkit command patterns, shared by the handlers, the help text and the tests. */
export const REPORT_PATTERNS = {
  /** "draft the board report for the 4 December board [since 1 September] [with 0 Channel referrals, 4 training sessions]" */
  draft: /^(?:please\s+)?(?:draft|prepare|write)\s+(?:the\s+|a\s+|our\s+)?(?:board\s+report|prevent\s+update)\b(.*)$/i,
  /** "list board reports", "show the board reports" */
  list: /^(?:(?:list|show)\s+(?:me\s+)?(?:the\s+|all\s+)?)?board\s+reports\??$/i,
  /** "approve board report 2" (the version number) */
  approve: /^approve\s+(?:the\s+)?board\s+report\s+(?:version\s+)?#?(\d+)\.?$/i,
  /** "which toolkit areas have no action?", "toolkit coverage" */
  coverage:
    /^(?:(?:which|what)\s+(?:prevent\s+duty\s+)?toolkit\s+(?:areas|sections)\s+(?:have\s+no\s+actions?|are\s+(?:not\s+covered|uncovered|missing))|(?:show\s+(?:the\s+)?)?toolkit\s+coverage)\??$/i,
  /** "tag action 12 with Channel panel", "untag action 12 from training" */
  tag: /^(tag|untag)\s+action\s+#?(\d+)\s+(?:with|as|from)\s+(?:the\s+)?(.+?)\.?$/i,
  /** "how did we do this quarter?", "how did we do last quarter?" */
  quarter: /^how\s+did\s+we\s+do\s+(this|last)\s+quarter\??$/i,
  /** "annual summary", "how did we do this year?", "annual summary for 2026" */
  annual: /^(?:(?:show\s+(?:the\s+)?)?annual\s+summary(?:\s+for\s+(\d{4}))?|how\s+did\s+we\s+do\s+this\s+year)\??$/i,
} as const;
