// Benches share BENCHMARKS.md: one bench's section replaces only itself, and a bench that writes the whole file keeps the others'.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withOtherSections, writeBenchSection } from "../../scripts/bench-sections.js";

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
    expect(text.match(/bench:fanout:start/g)).toHaveLength(1);
  });

  it("keeps the other benches' sections when a bench rewrites the whole file", async () => {
    const file = path.join(folder, "b.md");
    await writeFile(file, "# old report\n");
    await writeBenchSection(file, "fanout", "## Fan-out\n\nkept");
    const rewritten = await withOtherSections(file, "# Benchmarks\n\n## Booking\n\nnew figures\n");
    expect(rewritten).toContain("new figures");
    expect(rewritten).toContain("## Fan-out\n\nkept");
    expect(rewritten).not.toContain("old report");
  });
});
