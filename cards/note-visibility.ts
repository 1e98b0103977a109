/** Where an update note will be seen, said on the form and in the conversation before anyone types one. */
export function noteVisibility(notesToChannel: boolean | undefined): string {
  const channel =
    notesToChannel === undefined
      ? 'The partnership channel is told when the rating changes; your note goes with it only if your coordinator has turned that on.'
      : notesToChannel
        ? 'When the rating changes, the partnership channel is told, with your note.'
        : 'When the rating changes, the partnership channel is told what changed and by whom, but not your note.';
  return `Who will see your note: everyone in the partnership, in this action's history. ${channel} Never include anything about a person referred.`;
}
