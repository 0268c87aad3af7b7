import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

// Loaded only when a shopper starts typing a new password (see new-password-field.tsx): the dictionaries are
// large, and the pages must stay light on first load.
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/** zxcvbn's score, 0 (guessed in moments) to 4 (very hard to guess), penalising the shopper's own name and email. */
export function estimatePasswordStrength(password: string, userInputs: string[]): number {
  return zxcvbn.check(password, userInputs).score;
}
