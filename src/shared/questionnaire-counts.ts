/**
 * The question count of an imported questionnaire in words that explain themselves: a VSAQ
 * file of 30 questions and 16 "explain why" tips yields 46 questions, and says so.
 */
export function questionCountWords(r: { questions: number; fromQuestions: number; fromTips: number }): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const total = n(r.questions, 'question', 'questions');
  if (r.fromTips === 0) return total;
  return `${total}: ${n(r.fromQuestions, 'question', 'questions')} and ${n(r.fromTips, 'tip', 'tips')} turned into answer boxes`;
}
