import { text, type Element } from './elements.js';

/**
 * A reply with one line above everything else, in its text and at the top of its card (pure): e.g. "From the archived
 * 2020–24 plan …" on an answer from a plan that is not the live one.
 */
export function withBanner<R extends { text: string; card?: object }>(reply: R, line: string): R {
  const card = reply.card as (Element & { body?: Element[] }) | undefined;
  const banner = text(line, { weight: 'Bolder', color: 'Attention' });
  return {
    ...reply,
    text: `${line}\n${reply.text}`,
    ...(card ? { card: { ...card, body: [banner, ...(card.body ?? [])] } } : {}),
  };
}
