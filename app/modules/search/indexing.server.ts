// The background job of search, run by server.ts every 15 seconds (exported from
// entry.server.tsx): extract the text of new versions, then bring the index up to date. Work per
// tick is bounded by a time budget, so a backlog (e.g. after `npm run demo`) drains over a few
// ticks without holding the process; a tick that starts while one is running joins it.
import { extractPendingTexts } from "./extract.server";
import { syncSearchIndex } from "./search.server";

const BUDGET_MS = 5_000;

let running: Promise<IndexingRun> | null = null;

export type IndexingRun = { extracted: number; indexed: number; removed: number };

export function runSearchIndexing(budgetMs = BUDGET_MS): Promise<IndexingRun> {
  running ??= (async () => {
    const started = Date.now();
    const total: IndexingRun = { extracted: 0, indexed: 0, removed: 0 };
    try {
      let more = true;
      while (more && Date.now() - started < budgetMs) {
        const texts = await extractPendingTexts(5);
        total.extracted += texts.processed;
        more = texts.more;
      }
      do {
        const index = await syncSearchIndex(200);
        total.indexed += index.indexed;
        total.removed += index.removed;
        more = index.more;
      } while (more && Date.now() - started < budgetMs);
      return total;
    } finally {
      running = null;
    }
  })();
  return running;
}
