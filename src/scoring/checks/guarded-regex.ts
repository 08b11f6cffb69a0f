import vm from 'node:vm';

/**
 * How long one user-written regular expression may run on one answer. A pattern such as
 * `^(a+)+$` backtracks exponentially on a non-matching answer and would block the whole process
 * (timeouts, Ctrl-C) for minutes; no legitimate check needs a second.
 */
export const REGEX_BUDGET_MS = 1000;

// One context and one compiled script, reused: V8 can interrupt a running regular expression,
// and `vm`'s timeout is how Node exposes that. Measured on this machine at about 0.1-0.2 ms per
// call (a watchdog per call), which is why only user patterns go through it.
const sandbox: { re: RegExp | null; text: string } = { re: null, text: '' };
const context = vm.createContext(sandbox);
const script = new vm.Script('re.exec(text)');

/**
 * `re.exec(text)`, stopped after REGEX_BUDGET_MS: then it throws an Error saying so (a check turns
 * that into a failed outcome with the reason, never a pass).
 */
export function guardedExec(re: RegExp, text: string): RegExpExecArray | null {
  sandbox.re = re;
  sandbox.text = text;
  try {
    return script.runInContext(context, { timeout: REGEX_BUDGET_MS }) as RegExpExecArray | null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new Error(
        `/${re.source}/${re.flags} ran for over ${REGEX_BUDGET_MS} ms on a ${text.length}-character answer and was stopped (catastrophic backtracking?)`,
      );
    }
    throw err;
  } finally {
    sandbox.re = null;
    sandbox.text = '';
  }
}

/**
 * For Ajv's `code.regExp` option: JSON Schema `pattern`s are user patterns too. (`code` names it
 * in standalone validation code, which this project does not generate.)
 */
export const guardedRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const re = new RegExp(pattern, flags);
    return { test: (text: string) => guardedExec(re, text) !== null };
  },
  { code: 'guardedRegExp' },
);
