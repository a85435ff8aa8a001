// Benches share BENCHMARKS.md: one bench's section replaces only itself and leaves the others' as they are.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeBenchSection } from "../../scripts/bench-sections.js";

const folder = await mkdtemp(path.join(os.tmpdir(), "bench-sections-"));
afterAll(() => rm(folder, { recursive: true, force: true }));

describe("BENCHMARKS.md sections", () => {
  it("replaces a section in place and leaves the rest of the file as it was", async () => {
    const file = path.join(folder, "a.md");
    await writeFile(file, "# Benchmarks\n\n## Booking\n\nfigures\n");
    await writeBenchSection(file, "fanout", "## Fan-out\n\nfirst");
    await writeBenchSection(file, "fanout", "## Fan-out\n\nsecond");
    const text = await readFile(file, "utf8");
    expect(text).toContain("## Booking\n\nfigures");
    expect(text).toContain("second");
    expect(text).not.toContain("first");
    expect(text.match(/bench:fanout begin/g)).toHaveLength(1);
  });
});
