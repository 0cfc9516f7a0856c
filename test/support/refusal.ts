/**
 * The SQLSTATE a write was refused with (the driver's error may sit on a cause), or
 * undefined when it went through. For tests of what the database itself refuses.
 */
export async function refusal(write: Promise<unknown>): Promise<string | undefined> {
  try {
    await write;
  } catch (e) {
    for (let err = e as { code?: unknown; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
      if (typeof err.code === 'string') return err.code;
    }
    throw e;
  }
  return undefined;
}
