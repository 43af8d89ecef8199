/**
 * The check a console form makes when it is sent. The forms are novalidate: the browser's own bubbles speak the
 * browser's language and vanish, so each box is checked here and the first that fails is said in Chinese in the
 * form's own alert, marked aria-invalid (the console draws it red) and focused. Returns that message, or '' when every
 * box passes, and clears the marks of boxes that pass now.
 */
export function firstProblem(checks: readonly (readonly [box: HTMLInputElement, problem: string | false | undefined])[]): string {
  const failed = checks.find(([, problem]) => problem);
  for (const [box] of checks) box.setAttribute('aria-invalid', box === failed?.[0] ? 'true' : 'false');
  failed?.[0].focus();
  return failed?.[1] || '';
}
