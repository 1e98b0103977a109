/** The item at an index (negative counts from the end); throws when a fixture a test relies on is missing. */
export function at<T>(list: readonly T[], index: number): T {
  const item = list.at(index);
  if (item === undefined) throw new Error(`No item at index ${index}: the list has ${list.length}.`);
  return item;
}
