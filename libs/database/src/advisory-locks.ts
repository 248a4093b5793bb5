/*
 * PostgreSQL advisory lock keys, as (class, object) pairs. The class separates uses;
 * the object is hashtext() of a name where there are many (one lock per source).
 */
export const LOCK_CLASS = {
  migrations: 7405001,
  source: 7405002,
  scheduler: 7405003,
  reindex: 7405004,
  alertChecks: 7405005,
  /** One transaction at a time recomputes works (harvesters, curators' decisions, re-cluster). */
  works: 7405006,
  /** One process at a time writes works to the indexes (after reading them as committed). */
  worksPublish: 7405007,
} as const;
