/**
 * The article_periods rows whose kept count differs from a recount of the articles: none when the
 * triggers keep the counts exact. For tests.
 */
export const PERIOD_COUNT_DRIFT = `with actual as (
    select u.unit, date_trunc(u.unit, a.created_at, 'UTC') as start, a.id % 8 as shard, count(*)::int as n
    from articles a, unnest(array['day', 'minute', 'second']) as u(unit) group by 1, 2, 3
  )
  select coalesce(p.unit, actual.unit) as unit, coalesce(p.start, actual.start)::text as start, coalesce(p.shard, actual.shard) as shard,
         coalesce(p.articles_count, 0) as counted, coalesce(actual.n, 0) as actual
  from article_periods p full join actual using (unit, start, shard)
  where coalesce(p.articles_count, 0) <> coalesce(actual.n, 0)`;
