/**
 * Safeguarding signposting: recognises someone asking how to make a referral, saying they are worried about someone,
 * or asking whom to call, so the bot can answer with the referral route instead of the plan. Pure; checked before
 * the plan question parser.
 */

const PATTERNS: RegExp[] = [
  /\bhow\s+(?:do|can|should|would|to)\s+(?:i|we|you|someone|one)?\s*(?:make|submit|raise|do|start|send|put\s+in)\s+(?:a\s+|an\s+)?(?:prevent\s+|channel\s+|safeguarding\s+)?referral\b/,
  /\bhow\s+(?:do|can|should)\s+(?:i|we)\s+refer\b/,
  /\b(?:where|who)\s+(?:do|can|should)\s+(?:i|we)\s+(?:refer|send\s+(?:a\s+)?referral|report)\b/,
  /^(?:i\s+(?:want|need|would\s+like)\s+to\s+)?(?:make|submit|raise)\s+(?:a\s+)?(?:prevent\s+|channel\s+|safeguarding\s+)?referral\b/,
  /\b(?:what|where)(?:\s+is|'s)\s+(?:the|our)\s+(?:prevent\s+|safeguarding\s+)?referral\s+(?:route|process|form|pathway|number|line)\b/,
  /\b(?:i\s*(?:'m|am)|we\s*(?:'re|are)|i\s+feel|i\s+was|we\s+were)\s+(?:really\s+|very\s+|a\s+bit\s+|quite\s+)?(?:worried|concerned|anxious)\s+(?:about|for|that)\b/,
  /\b(?:i\s+have|i've\s+got|we\s+have)\s+(?:a\s+)?(?:safeguarding\s+|prevent\s+)?concerns?\s+(?:about|for|regarding)\b/,
  /\b(?:report|raise|share)\s+(?:a\s+)?(?:safeguarding\s+|prevent\s+)?concern\b/,
  /\bwho\s+(?:do|should|can)\s+(?:i|we)\s+(?:call|ring|phone|contact|speak\s+to|talk\s+to|tell)\b/,
  /\bwhat\s+(?:number|line)\s+(?:do|should|can)\s+(?:i|we)\s+(?:call|ring|phone)\b/,
  /\b(?:someone|somebody|a\s+(?:pupil|student|child|young\s+person|colleague|friend|neighbour|family\s+member))\s+(?:is|might\s+be|may\s+be|could\s+be)\s+(?:being\s+)?radicali[sz]ed\b/,
  /\bis\s+it\s+an\s+emergency\b|\bin\s+an\s+emergency\b|\bimmediate\s+danger\b/,
];

/** Whether a message asks for safeguarding help: how to refer, worried about someone, whom to call. */
export function isSignpostingQuestion(text: string): boolean {
  const t = text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return PATTERNS.some((p) => p.test(t));
}
