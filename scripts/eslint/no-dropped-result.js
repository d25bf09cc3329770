// An ESLint rule: a neverthrow Result (or ResultAsync, or a promise of either) must not be dropped
// as a bare statement. Like @typescript-eslint/no-floating-promises, it judges by the type, so it
// sees a Result however it was produced. Published plugins (eslint-plugin-neverthrow) instead demand
// `match`/`unwrapOr` on every Result and reject `return`-ed, `yield*`-ed or `isErr()`-checked ones,
// which is most of this code's idiomatic use.
import { ESLintUtils } from '@typescript-eslint/utils';

const NEVERTHROW_TYPES = new Set(['Ok', 'Err', 'ResultAsync']);

/** Whether a type is a neverthrow Result, a ResultAsync, or a promise of one (through unions). */
const isResultLike = (checker, type, depth = 0) => {
  if (depth > 3) return false;
  if (type.isUnion()) return type.types.some((member) => isResultLike(checker, member, depth + 1));
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol && NEVERTHROW_TYPES.has(symbol.getName())) {
    const file = symbol.getDeclarations()?.[0]?.getSourceFile().fileName ?? '';
    if (file.includes('neverthrow')) return true;
  }
  const awaited = checker.getAwaitedType(type);
  return awaited !== undefined && awaited !== type && isResultLike(checker, awaited, depth + 1);
};

export const noDroppedResult = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    messages: {
      dropped:
        'This Result is dropped: its failure would go unnoticed. Return it, `yield*` it, or decide explicitly (match, unwrapOr, isErr).',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    return {
      ExpressionStatement(node) {
        const expression = node.expression.type === 'AwaitExpression' ? node.expression.argument : node.expression;
        if (expression.type === 'AssignmentExpression' || expression.type === 'UnaryExpression') return;
        const type = services.getTypeAtLocation(expression);
        if (isResultLike(checker, type)) context.report({ node, messageId: 'dropped' });
      },
    };
  },
});
