import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/** botbuilder's CloudAdapter, with its authenticate-then-run step callable, so the HTTP layer decides what a refusal looks like. */
export class AuthenticatingAdapter extends CloudAdapter {
  /** Authenticates the Authorization header for the activity (throws when it fails), then runs the turn. */
  authenticateAndRun(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
