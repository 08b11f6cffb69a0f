/**
 * An eval's verdict, not a crash in the harness: its stack is only its message, so a reporter (and
 * the JSON reporter's failureMessages) shows the reasons without frames from evals-gate's dist.
 */
export class EvalFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalFailure';
    this.stack = `${this.name}: ${message}`;
  }
}
