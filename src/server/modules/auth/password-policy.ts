import { AppError } from '../../http/app-error.ts';

// Length plus a check against common passwords and patterns: zxcvbn-ts with its common
// dictionary (about 30,000 leaked passwords and common words), loaded on the first check
// (~6 MB of heap, ~0.2 s once), on the server only — the web bundle does not carry it.
// It refuses "aaaaaaaaaa", "1234567890", keyboard walks and leaked passwords, which a
// plain list would miss for repeats and sequences.

export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn's score 3: about 10^8 guesses or more. */
const MIN_SCORE = 3;

type Checker = (password: string, userInputs: string[]) => number;
let checker: Promise<Checker> | null = null;

function loadChecker(): Promise<Checker> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
    const z = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    return (password, userInputs) => z.check(password, userInputs).score;
  })();
  return checker;
}

/** Refuses a password that is short or easy to guess, as a field error on `field`. */
export async function checkPasswordPolicy(password: string, field = 'password', personal: string[] = []): Promise<void> {
  if (password.trim().length < MIN_PASSWORD_LENGTH) throw AppError.invalid(field, `Use at least ${MIN_PASSWORD_LENGTH} characters (spaces at the ends do not count).`);
  const score = (await loadChecker())(password, personal.filter(Boolean));
  if (score < MIN_SCORE) {
    throw AppError.invalid(field, 'This password is too easy to guess: it is a common password, a repeat or a sequence. A phrase of three or four unrelated words works well.');
  }
}
