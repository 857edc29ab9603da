import { describe, expect, it } from 'vitest';
import { BookContexts } from './book-context.js';

describe('BookContexts', () => {
  it('hands each file the context its predecessor in the same folder settled, whatever order they finish in', async () => {
    const books = new BookContexts<string>();
    const first = books.enter('/inbox/so-1');
    const second = books.enter('/inbox/so-1');
    const otherFolder = books.enter('/inbox/so-2');
    expect(await first.before).toBeNull();
    expect(await otherFolder.before).toBeNull();
    const order: string[] = [];
    const waiting = second.before.then((c) => order.push(`second got ${c}`));
    order.push('first settles');
    first.settle('household page of so-1');
    await waiting;
    expect(order).toEqual(['first settles', 'second got household page of so-1']);
  });
});
