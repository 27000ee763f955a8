import { describe, expect, it } from "vitest";
import { inOrder } from "./api";

/** A fake core: each command answers after `ms[cmd]` milliseconds; the log says when each starts and ends. */
function fakeCore(ms: Record<string, number>, failing: string[] = []) {
  const log: string[] = [];
  const send = <T>(cmd: string): Promise<T> => {
    log.push(`start ${cmd}`);
    return new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        log.push(`end ${cmd}`);
        if (failing.includes(cmd)) reject(new Error(cmd));
        else resolve(cmd as T);
      }, ms[cmd] ?? 0),
    );
  };
  return { log, send };
}

describe("inOrder: the store's commands run in the order the views sent them", () => {
  it("a quick save sent after a slow one waits for it, so the later values win", async () => {
    const core = fakeCore({ first_save: 30, second_save: 0 });
    const call = inOrder(core.send);
    const answers = await Promise.all([call("first_save"), call("second_save")]);
    expect(answers).toEqual(["first_save", "second_save"]);
    expect(core.log).toEqual(["start first_save", "end first_save", "start second_save", "end second_save"]);
  });

  it("a command that fails does not stop the ones after it", async () => {
    const core = fakeCore({ refused: 5, next: 0 }, ["refused"]);
    const call = inOrder(core.send);
    const refused = call("refused");
    const next = call("next");
    await expect(refused).rejects.toThrow("refused");
    await expect(next).resolves.toBe("next");
    expect(core.log).toEqual(["start refused", "end refused", "start next", "end next"]);
  });
});
