// BENCHMARKS.md is written by several benches: each owns one section between its markers and leaves the rest alone.
import { readFile, writeFile } from "node:fs/promises";

const markers = (name: string) => ({ start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` });
const ANY_SECTION = /<!-- bench:([\w-]+):start -->[\s\S]*?<!-- bench:\1:end -->/g;

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

/** For a bench that writes the whole file: its own text followed by the other benches' marked sections already in `file`. */
export async function withOtherSections(file: string, report: string): Promise<string> {
  const current = await readFile(file, "utf8").catch(() => "");
  const kept = [...current.matchAll(ANY_SECTION)].map((match) => match[0]);
  return kept.length > 0 ? `${report.replace(/\s*$/, "")}\n\n${kept.join("\n\n")}\n` : report;
}
