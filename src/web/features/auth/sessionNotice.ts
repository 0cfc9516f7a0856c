let ended = false;

/** Remember that a session ran out (a 401 mid-use), so the sign-in page can say why it is shown. */
export function markSessionEnded(): void {
  ended = true;
}

/** Read the flag and clear it once the current render is done (StrictMode renders twice). */
export function takeSessionEnded(): boolean {
  const was = ended;
  if (was) setTimeout(() => (ended = false), 0);
  return was;
}
