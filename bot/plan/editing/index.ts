export * from './types.js';
export { EDIT_COMMAND_PATTERN, parseEditCommand } from './parse.js';
export { DATE_WORDS_HELP, resolveDeadline, resolveEditWords, resolveLeadWords, resolveTheme, type Resolved } from './resolve.js';
export { ownerCandidates, resolveOwner, type Candidate } from './owners.js';
export { actionAfterEdit, changesFor, compareLabels, describeChange, nextLabel, placeFor } from './changes.js';
export { editRefusal, LEAD_FIELDS, type Editor } from './permissions.js';
