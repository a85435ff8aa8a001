// BENCHMARKS.md is written by several benches: each owns one section between its markers and leaves the rest alone.
import { readFile, writeFile } from "node:fs/promises";

// The markers bench:booking writes too: `<!-- bench:<name> begin -->` … `<!-- bench:<name> end -->`.
const markers = (name: string) => ({ start: `<!-- bench:${name} begin -->`, end: `<!-- bench:${name} end -->` });

/** Replaces section `name` of `file` (or appends it); everything outside its markers is kept as it was. */
export async function writeBenchSection(file: string, name: string, section: string): Promise<void> {
  const { start, end } = markers(name);
  const current = await readFile(file, "utf8").catch(() => "# Benchmarks\n");
  const block = `${start}\n${section}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const updated =
    from >= 0 && to > from ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}` : `${current.replace(/\s*$/, "")}\n\n${block}\n`;
  await writeFile(file, updated);
}
