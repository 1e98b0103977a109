import type { TurnContext } from 'botbuilder';

type Pipeline = { removePolicy(options: { phase?: string }): unknown };

/**
 * Takes the HTTP retry policy out of this proactive turn's connector client, so the notifier owns every retry.
 *
 * botbuilder's connector client (an @azure/core-client ServiceClient) retries 429 and 5xx by itself, up to three
 * times, outside the notifier's pacing: in a fan-out each of those hidden retries is an extra request on top of the
 * paced rate, which draws another 429 a second later, and so on. With the policy removed, each failure reaches the
 * notifier, whose retries honour Retry-After, back off with jitter, are bounded, and take a token from the pacer.
 * If botbuilder's internals change and the client cannot be found, the SDK's own retries simply stay in place.
 */
export function ownRetries(context: TurnContext): void {
  const key = (context.adapter as unknown as { ConnectorClientKey?: symbol }).ConnectorClientKey;
  const connector = key ? (context.turnState.get(key) as { client?: { pipeline?: Pipeline } } | undefined) : undefined;
  connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}
