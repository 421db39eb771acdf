import { describe, expect, it } from "vitest";
import { clearLinkDrafts, draftValues, type DraftStore } from "../../../lib/respondent/enhance/draft";

/** localStorage's behaviour over a Map (the unit tests run without a browser; tests/e2e use one). */
function memoryStore(entries: Record<string, string>): DraftStore & { keys(): string[] } {
  const m = new Map(Object.entries(entries));
  return {
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    keys: () => [...m.keys()],
  };
}

describe("drafts on the device", () => {
  it("never keep an email field or a control field", () => {
    const values = draftValues(
      [["_key", "k1"], ["where_now", "stayed"], ["email", "olena@example.org"], ["reasons", "work"], ["reasons", "family"], ["photo", new Blob()]],
      new Set(["email"]),
    );
    expect(values).toEqual([["where_now", "stayed"], ["reasons", "work"], ["reasons", "family"]]);
    expect(JSON.stringify(values)).not.toContain("@");
  });

  it("are all removed for the link a status page belongs to, and only for it", () => {
    const s = memoryStore({
      "pw:/s/AbC123tokenAAAAAAAAAAAAAA:p1": "{}",
      "pw:/s/AbC123tokenAAAAAAAAAAAAAA:p3": "{}",
      "pw:/s/OtherLinkBBBBBBBBBBBBBBBBB:p1": "{}",
      "unrelated": "x",
    });
    clearLinkDrafts("/s/AbC123tokenAAAAAAAAAAAAAA", s);
    expect(s.keys().sort()).toEqual(["pw:/s/OtherLinkBBBBBBBBBBBBBBBBB:p1", "unrelated"]);
    clearLinkDrafts("/s/OtherLinkBBBBBBBBBBBBBBBBB/withdraw", s);
    expect(s.keys()).toEqual(["unrelated"]);
    clearLinkDrafts("/j/study/wave", s);
    expect(s.keys()).toEqual(["unrelated"]);
  });
});
