/**
 * Every article counted into article_periods from scratch (each unit, 8 shards by id), as the
 * migration that introduced the table did: for set-based seeding (the scale bench, tests) that
 * inserts articles with SQL, and to check the kept counts against.
 */
export const RECOUNT_ARTICLE_PERIODS = `insert into article_periods (unit, start, shard, articles_count)
  select u.unit, date_trunc(u.unit, a.created_at, 'UTC'), a.id % 8, count(*)
  from articles a, unnest(array['day', 'minute', 'second']) as u(unit) group by 1, 2, 3`;

/** The periods whose kept count differs from a recount of the articles: none when the counts are exact. */
export const PERIOD_COUNT_DRIFT = `with actual as (
    select u.unit, date_trunc(u.unit, a.created_at, 'UTC') as start, a.id % 8 as shard, count(*)::int as n
    from articles a, unnest(array['day', 'minute', 'second']) as u(unit) group by 1, 2, 3
  )
  select coalesce(p.unit, actual.unit) as unit, coalesce(p.start, actual.start)::text as start, coalesce(p.shard, actual.shard) as shard,
         coalesce(p.articles_count, 0) as counted, coalesce(actual.n, 0) as actual
  from article_periods p full join actual using (unit, start, shard)
  where coalesce(p.articles_count, 0) <> coalesce(actual.n, 0)`;
