import {
  AliasNode,
  AndNode,
  BinaryOperationNode,
  CastNode,
  ColumnNode,
  DataTypeNode,
  IdentifierNode,
  type InsertQueryNode,
  type JoinNode,
  type KyselyPlugin,
  OnNode,
  type OperationNode,
  OperationNodeTransformer,
  OperatorNode,
  ParensNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PrimitiveValueListNode,
  type QueryId,
  type QueryResult,
  ReferenceNode,
  type RootOperationNode,
  SelectionNode,
  SelectQueryNode,
  TableNode,
  type UnknownRow,
  ValueListNode,
  ValueNode,
  ValuesNode,
  WhereNode,
} from 'kysely';
import { TENANT_OWNED_TABLES } from './tenant-isolation.js';

/*
 * The application's own wall between publications. Row-level security (records/tenant-column.ts) is
 * the other: it holds every role but a superuser or a BYPASSRLS one, which a newcomer's DATABASE_URL
 * may well name. So every statement built with Kysely names its tenant itself: each tenant-owned
 * table it reads, joins, changes or deletes from gets `tenant_id = $n` (a join in its ON, so an outer
 * join stays one), and each row it inserts carries `tenant_id`. Either wall alone keeps publications
 * apart; with both, a statement that lost its predicate is still refused by the policy, and a role
 * the policy does not hold still reads one publication. The predicate also lets PostgreSQL enter the
 * indexes that lead with `tenant_id` when no policy adds that condition for it.
 *
 * The tenant is a parameter whose value is filled in when the statement is sent (pg-pool-hooks.ts),
 * from the same scope that sets the transaction's tenant: a compiled statement is built once and
 * serves every tenant. A statement sent with no tenant in scope is refused there, never run for none.
 */

/** The tenant's place among a statement's parameters: replaced by the tenant in scope when it is sent. */
export class TenantParameter {
  /** Reached only if a statement skipped the pool's hook: refused rather than sent without its tenant. */
  toPostgres(): never {
    throw new Error('A statement of tenant-owned rows reached PostgreSQL without its tenant (its pool is not hooked)');
  }
}
export const TENANT = new TenantParameter();

const OWNED: ReadonlySet<string> = new Set(TENANT_OWNED_TABLES);
const TENANT_COLUMN = 'tenant_id';

/** The name a tenant-owned table is referred to by in its statement (its alias, or its own name), or undefined. */
const ownedTableName = (node: OperationNode): string | undefined => {
  if (TableNode.is(node)) return OWNED.has(node.table.identifier.name) ? node.table.identifier.name : undefined;
  if (AliasNode.is(node) && TableNode.is(node.node) && IdentifierNode.is(node.alias))
    return OWNED.has(node.node.table.identifier.name) ? node.alias.name : undefined;
  return undefined;
};

/** `<table>.tenant_id = $tenant` */
const tenantOf = (table: string): OperationNode =>
  BinaryOperationNode.create(
    ReferenceNode.create(ColumnNode.create(TENANT_COLUMN), TableNode.create(table)),
    OperatorNode.create('='),
    ValueNode.create(TENANT),
  );

/**
 * `condition and predicate`, the condition parenthesized unless it is one comparison: Kysely leaves a
 * raw condition (`sql\`a or b\``) bare, where `a or b and tenant` would confine only `b`.
 */
const and = (condition: OperationNode | undefined, predicate: OperationNode): OperationNode =>
  condition === undefined
    ? predicate
    : AndNode.create(BinaryOperationNode.is(condition) || ParensNode.is(condition) ? condition : ParensNode.create(condition), predicate);

type Filtered = { readonly where?: WhereNode; readonly joins?: ReadonlyArray<JoinNode> };

/** `node` with `tenant_id = $tenant` in its WHERE for each of `tables` a tenant owns, and in the ON of each such join. */
const confined = <T extends Filtered>(node: T, tables: readonly OperationNode[]): T => {
  let where = node.where?.where;
  for (const table of tables) {
    const name = ownedTableName(table);
    if (name !== undefined) where = and(where, tenantOf(name));
  }
  const joins = node.joins?.map((join) => {
    const name = ownedTableName(join.table);
    if (name === undefined) return join;
    if (join.on === undefined) throw new Error(`A join of tenant-owned "${name}" needs an ON to carry its tenant`);
    return { ...join, on: OnNode.create(and(join.on.on, tenantOf(name))) };
  });
  return { ...node, ...(where === undefined ? {} : { where: WhereNode.create(where) }), ...(joins === undefined ? {} : { joins }) };
};

class TenantPredicateTransformer extends OperationNodeTransformer {
  /**
   * Nodes already given their predicates. Kysely transforms a subquery when it is embedded and the
   * whole statement again when it is compiled; a node seen before passes unchanged the second time.
   */
  readonly #scoped = new WeakSet<OperationNode>();

  #done<T extends OperationNode>(node: T): T {
    this.#scoped.add(node);
    return node;
  }

  protected override transformSelectQuery(original: SelectQueryNode, queryId?: QueryId): SelectQueryNode {
    if (this.#scoped.has(original)) return original;
    const node = super.transformSelectQuery(original, queryId);
    return this.#done(confined(node, node.from?.froms ?? []));
  }

  protected override transformUpdateQuery(original: Parameters<OperationNodeTransformer['transformUpdateQuery']>[0], queryId?: QueryId) {
    if (this.#scoped.has(original)) return original;
    const node = super.transformUpdateQuery(original, queryId);
    return this.#done(confined(node, [...(node.table ? [node.table] : []), ...(node.from?.froms ?? [])]));
  }

  protected override transformDeleteQuery(original: Parameters<OperationNodeTransformer['transformDeleteQuery']>[0], queryId?: QueryId) {
    if (this.#scoped.has(original)) return original;
    const node = super.transformDeleteQuery(original, queryId);
    return this.#done(confined(node, [...node.from.froms, ...(node.using?.tables ?? [])]));
  }

  protected override transformInsertQuery(original: InsertQueryNode, queryId?: QueryId): InsertQueryNode {
    if (this.#scoped.has(original)) return original;
    const node = super.transformInsertQuery(original, queryId);
    if (node.into === undefined || ownedTableName(node.into) === undefined) return this.#done(node);
    const columns = node.columns ?? [];
    if (columns.some((column) => column.column.name === TENANT_COLUMN)) return this.#done(node);
    return this.#done({ ...node, columns: [...columns, ColumnNode.create(TENANT_COLUMN)], values: withTenant(node.values) });
  }
}

/** The rows an insert writes, each with the tenant as its last value. */
const withTenant = (values: OperationNode | undefined): OperationNode => {
  if (values !== undefined && ValuesNode.is(values)) {
    return ValuesNode.create(
      values.values.map((row) =>
        PrimitiveValueListNode.is(row)
          ? PrimitiveValueListNode.create([...row.values, TENANT])
          : ValueListNode.create([...row.values, ValueNode.create(TENANT)]),
      ),
    );
  }
  if (values !== undefined && SelectQueryNode.is(values) && values.setOperations === undefined) {
    const tenant = CastNode.create(ValueNode.create(TENANT), DataTypeNode.create('integer'));
    return SelectQueryNode.cloneWithSelections(values, [
      SelectionNode.create(AliasNode.create(tenant, IdentifierNode.create(TENANT_COLUMN))),
    ]);
  }
  throw new Error('An insert into a tenant-owned table must list its rows (VALUES) or select them (one SELECT) to carry their tenant');
};

/** Adds the tenant predicates to every statement built with the Kysely instance it is plugged into. */
export class TenantPredicates implements KyselyPlugin {
  readonly #transformer = new TenantPredicateTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

export const tenantPredicates = new TenantPredicates();
