/**
 * A small safe expression language for organization-defined scores: numbers, variables (field keys),
 * + − × ÷ ^ (also written - * /), parentheses, and min, max, sqrt, log (natural), abs. Parsed once into a
 * tree by recursive descent and evaluated by walking the tree — never eval or Function.
 */

export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'variable'; name: string }
  | { kind: 'unary'; op: '-'; arg: FormulaNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^'; left: FormulaNode; right: FormulaNode }
  | { kind: 'call'; fn: FormulaFunction; args: FormulaNode[] };

export type FormulaFunction = 'min' | 'max' | 'sqrt' | 'log' | 'abs';

const ARITY: Record<FormulaFunction, [number, number]> = {
  min: [1, 32],
  max: [1, 32],
  sqrt: [1, 1],
  log: [1, 1],
  abs: [1, 1],
};

/** A formula that does not parse; `position` is the 0-based character offset of the problem. */
export class FormulaError extends Error {
  override name = 'FormulaError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at character ${position + 1}`);
  }
}

type Token =
  | { t: 'num'; v: number; p: number }
  | { t: 'id'; v: string; p: number }
  | { t: 'op'; v: '+' | '-' | '*' | '/' | '^' | '(' | ')' | ','; p: number }
  | { t: 'end'; p: number };

const OPERATOR_ALIASES: Record<string, '+' | '-' | '*' | '/' | '^' | '(' | ')' | ','> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '*': '*',
  '×': '*',
  '/': '/',
  '÷': '/',
  '^': '^',
  '(': '(',
  ')': ')',
  ',': ',',
};

const MAX_LENGTH = 2000;

function tokenize(src: string): Token[] {
  if (src.length > MAX_LENGTH)
    throw new FormulaError(`formula longer than ${MAX_LENGTH} characters`, MAX_LENGTH);
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push({ t: 'num', v: Number(num[0]), p: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      tokens.push({ t: 'id', v: id[0], p: i });
      i += id[0].length;
      continue;
    }
    const op = OPERATOR_ALIASES[c];
    if (!op) throw new FormulaError(`unexpected character "${c}"`, i);
    tokens.push({ t: 'op', v: op, p: i });
    i++;
  }
  tokens.push({ t: 'end', p: src.length });
  return tokens;
}

/** Parses a formula into a tree; throws FormulaError with the position of the first problem. */
export function parseFormula(src: string): FormulaNode {
  const tokens = tokenize(src);
  let k = 0;
  const peek = () => tokens[k];
  const isOp = (v: string) => {
    const tok = tokens[k];
    return tok.t === 'op' && tok.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new FormulaError(`expected "${v}"`, peek().p);
    k++;
  };

  // expression := term (('+' | '-') term)*
  const expression = (): FormulaNode => {
    let left = term();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[k++] as { v: '+' | '-' }).v;
      left = { kind: 'binary', op, left, right: term() };
    }
    return left;
  };
  // term := unary (('*' | '/') unary)*
  const term = (): FormulaNode => {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[k++] as { v: '*' | '/' }).v;
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  };
  // unary := '-' unary | power   (so -2^2 = -(2^2), as in mathematics)
  const unary = (): FormulaNode => {
    if (isOp('-')) {
      k++;
      return { kind: 'unary', op: '-', arg: unary() };
    }
    if (isOp('+')) {
      k++;
      return unary();
    }
    return power();
  };
  // power := primary ('^' unary)?   (right-associative)
  const power = (): FormulaNode => {
    const base = primary();
    if (isOp('^')) {
      k++;
      return { kind: 'binary', op: '^', left: base, right: unary() };
    }
    return base;
  };
  const primary = (): FormulaNode => {
    const tok = peek();
    if (tok.t === 'num') {
      k++;
      return { kind: 'number', value: tok.v };
    }
    if (tok.t === 'id') {
      k++;
      if (isOp('(')) {
        const fn = tok.v.toLowerCase();
        if (!(fn in ARITY)) throw new FormulaError(`unknown function "${tok.v}"`, tok.p);
        k++;
        const args: FormulaNode[] = [];
        if (!isOp(')')) {
          args.push(expression());
          while (isOp(',')) {
            k++;
            args.push(expression());
          }
        }
        expect(')');
        const [lo, hi] = ARITY[fn as FormulaFunction];
        if (args.length < lo || args.length > hi) {
          throw new FormulaError(
            `${fn} takes ${lo === hi ? lo : `${lo} to ${hi}`} argument${hi === 1 ? '' : 's'}, got ${args.length}`,
            tok.p,
          );
        }
        return { kind: 'call', fn: fn as FormulaFunction, args };
      }
      return { kind: 'variable', name: tok.v };
    }
    if (isOp('(')) {
      k++;
      const inner = expression();
      expect(')');
      return inner;
    }
    throw new FormulaError(
      tok.t === 'end' ? 'unexpected end of formula' : 'expected a number, a field or "("',
      tok.p,
    );
  };

  const tree = expression();
  if (peek().t !== 'end') throw new FormulaError('unexpected text after the formula', peek().p);
  return tree;
}

/** The variable names a formula reads, in order of first appearance. */
export function formulaVariables(node: FormulaNode): string[] {
  const seen = new Set<string>();
  const walk = (n: FormulaNode): void => {
    if (n.kind === 'variable') seen.add(n.name);
    else if (n.kind === 'unary') walk(n.arg);
    else if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    } else if (n.kind === 'call') n.args.forEach(walk);
  };
  walk(node);
  return [...seen];
}

/**
 * Evaluates a parsed formula. Unknown variables throw (the caller decides what a missing value means);
 * the result may be non-finite (division by zero, log of 0) — callers report it rather than rank it.
 */
export function evaluateFormula(node: FormulaNode, vars: (name: string) => number | undefined): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'variable': {
      const v = vars(node.name);
      if (v === undefined) throw new RangeError(`unknown field "${node.name}"`);
      return v;
    }
    case 'unary':
      return -evaluateFormula(node.arg, vars);
    case 'binary': {
      const a = evaluateFormula(node.left, vars);
      const b = evaluateFormula(node.right, vars);
      switch (node.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return a ** b;
      }
      break;
    }
    case 'call': {
      const args = node.args.map((a) => evaluateFormula(a, vars));
      switch (node.fn) {
        case 'min':
          return Math.min(...args);
        case 'max':
          return Math.max(...args);
        case 'sqrt':
          return Math.sqrt(args[0]);
        case 'log':
          return Math.log(args[0]);
        case 'abs':
          return Math.abs(args[0]);
      }
    }
  }
  throw new RangeError('malformed formula tree');
}
