/**
 * A mistake in how mcaudit was called (bad flag, bad rubric, no files): printed as
 * one plain message without a stack trace, exit code 2. Anything else is a bug and
 * is re-thrown.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
