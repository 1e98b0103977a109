/** The refs in every one of the lists, in ref order. */
export function and(...lists: number[][]): number[] {
  const [first = [], ...rest] = lists;
  return first.filter((ref) => rest.every((list) => list.includes(ref))).sort((a, b) => a - b);
}

/** The refs in any of the lists, in ref order. */
export function or(...lists: number[][]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}
