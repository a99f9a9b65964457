// Preloaded (`node --import`) by atomic.test.ts to stand in for a reader that never finishes (as a
// backtracking regular expression did): trimming a document that holds the marker below announces
// itself on stderr, then computes forever in one synchronous stretch, on whichever thread reads it.
import { writeSync } from "node:fs";

const MARK = "soapgen-endless-read";
const trim = String.prototype.trim;
String.prototype.trim = function () {
  if (this.length > 1000 && this.includes(MARK)) {
    writeSync(2, "endless read started\n");
    for (;;);
  }
  return trim.call(this);
};
