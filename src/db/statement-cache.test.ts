import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('withStatementCache', () => {
  const open = () => {
    const sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    return sqlite;
  };

  it('hands out the same statement for the same SQL, and a new one for other SQL', () => {
    const db = withStatementCache(open());
    const a = db.prepare('SELECT x FROM t');
    expect(db.prepare('SELECT x FROM t')).toBe(a);
    expect(db.prepare('SELECT x FROM t WHERE x > ?')).not.toBe(a);
    expect(db.prepare('SELECT x FROM t WHERE x > ?').all([1])).toEqual([{ x: 2 }, { x: 3 }]);
  });

  it('prepares a second statement while the first is still iterating', () => {
    const db = withStatementCache(open());
    const first = db.prepare('SELECT x FROM t');
    const seen: number[] = [];
    for (const row of first.iterate([]) as Iterable<{ x: number }>) {
      const again = db.prepare('SELECT x FROM t');
      expect(again).not.toBe(first);
      seen.push(row.x, (again.all([]) as { x: number }[]).length);
    }
    expect(seen).toEqual([1, 3, 2, 3, 3, 3]);
  });

  it('keeps only the most recently used statements', () => {
    const db = withStatementCache(open(), 2);
    const one = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(one); // used again: now the newest
    db.prepare('SELECT 3'); // pushes out SELECT 2, the oldest
    expect(db.prepare('SELECT 1')).toBe(one);
    expect(db.prepare('SELECT 2')).not.toBe(two);
  });
});
