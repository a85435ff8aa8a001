// BoundedMemo: a computed value per key, worked out once, and a bound that forgets everything when reached.
import { describe, expect, it } from "vitest";
import { BoundedMemo } from "../../../src/domain/shared/bounded-memo.js";

describe("BoundedMemo", () => {
  it("computes a key's value once and gives the kept one after", () => {
    const memo = new BoundedMemo<number, string>(10);
    let computed = 0;
    const square = (n: number) => () => {
      computed++;
      return String(n * n);
    };
    expect(memo.get(3, square(3))).toBe("9");
    expect(memo.get(3, square(3))).toBe("9");
    expect(memo.get(4, square(4))).toBe("16");
    expect(computed).toBe(2);
    expect(memo.peek(3)).toBe("9");
    expect(memo.peek(5)).toBeUndefined();
  });

  it("forgets every key when the limit is reached, then keeps again", () => {
    const memo = new BoundedMemo<number, number>(3);
    for (const n of [1, 2, 3]) memo.remember(n, n);
    expect(memo.size).toBe(3);
    memo.remember(4, 4);
    expect(memo.size).toBe(1);
    expect(memo.peek(1)).toBeUndefined();
    expect(memo.peek(4)).toBe(4);
  });
});
