import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A small evaluator of GitHub Actions expressions (`${{ … }}`), enough for action.yml: context
 * properties, string literals, ==, !=, &&, ||, !, and the functions always(), success(),
 * failure(), format() and hashFiles(). Anything else throws, so the simulated run cannot
 * silently read an expression differently from GitHub.
 */
export interface ExpressionContext {
  /** Looks up `inputs.x`, `steps.id.outputs.x`, `github.token`, …; throws for what does not exist. */
  lookup(path: string[]): string;
  /** Whether an earlier step failed (for success() and failure()). */
  failed: boolean;
  workspace: string;
}

type Value = string | boolean;

export function evaluate(expression: string, context: ExpressionContext): Value {
  const tokens = tokenize(expression);
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected))
      throw new Error(`expression "${expression}": expected ${expected ?? 'more'} at token ${at}`);
    return token;
  };
  const or = (): Value => {
    let left = and();
    while (peek() === '||') {
      take();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const and = (): Value => {
    let left = compare();
    while (peek() === '&&') {
      take();
      const right = compare();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const compare = (): Value => {
    const left = unary();
    const op = peek();
    if (op !== '==' && op !== '!=') return left;
    take();
    const equal = String(left).toLowerCase() === String(unary()).toLowerCase();
    return op === '==' ? equal : !equal;
  };
  const unary = (): Value => {
    if (peek() === '!') {
      take();
      return !truthy(unary());
    }
    return primary();
  };
  const primary = (): Value => {
    const token = take();
    if (token === '(') {
      const value = or();
      take(')');
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (token === 'true' || token === 'false') return token === 'true';
    if (peek() === '(') {
      take('(');
      const args: Value[] = [];
      while (peek() !== ')') {
        args.push(or());
        if (peek() === ',') take(',');
      }
      take(')');
      return call(token, args, context);
    }
    return context.lookup(token.split('.'));
  };
  const value = or();
  if (at !== tokens.length) throw new Error(`expression "${expression}": unexpected "${tokens[at]}"`);
  return value;
}

function call(name: string, args: Value[], context: ExpressionContext): Value {
  switch (name) {
    case 'always':
      return true;
    case 'success':
      return !context.failed;
    case 'failure':
      return context.failed;
    case 'format':
      return String(args[0]).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i) + 1]));
    case 'hashFiles': {
      const hash = createHash('sha256');
      for (const pattern of args) {
        try {
          hash.update(readFileSync(path.join(context.workspace, String(pattern))));
        } catch {
          // hashFiles hashes the files that exist; none gives ''.
        }
      }
      return hash.digest('hex');
    }
    default:
      throw new Error(`expression function ${name}() is not simulated`);
  }
}

function truthy(value: Value): boolean {
  return value !== false && value !== '';
}

function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*('(?:[^']|'')*'|==|!=|&&|\|\||[()!,]|[A-Za-z_][\w.-]*)/y;
  let rest = expression.trim();
  while (rest.length > 0) {
    pattern.lastIndex = 0;
    const match = pattern.exec(rest);
    if (!match?.[1]) throw new Error(`expression "${expression}": cannot read "${rest}"`);
    tokens.push(match[1]);
    rest = rest.slice(match[0].length).trim();
  }
  return tokens;
}

/** Replaces every `${{ … }}` in a string with its value. */
export function interpolate(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => String(evaluate(expression, context)));
}
