import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The server core is layered: no file imports itself back through others, and no two folders of app/_server import
// each other (one lifecycle split across two folders, or a door reaching back into what calls it).

const ROOT = path.join(import.meta.dirname);
const PROJECT = path.resolve(ROOT, "../..");

type Graph = Map<string, Set<string>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The file an import names, if it is one of ours (relative or `@/`), with or without its extension. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(PROJECT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return null;
}

/** Every import (type-only ones too: they still tie the layers together) between files under `root`. */
function importGraph(root: string): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(root)) {
    const targets = new Set<string>();
    for (const { fileName } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
      const target = resolveImport(file, fileName);
      if (target?.startsWith(root + path.sep) && target !== file) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** One cycle of the graph as its nodes in order (first repeated at the end), or null when there is none. */
function findCycle(graph: Graph): string[] | null {
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "open") return [...trail.slice(trail.indexOf(node)), node];
    state.set(node, "open");
    trail.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** The same graph between top-level folders of `root` (its own files count as one folder, "."). */
function folderGraph(root: string, files: Graph): Graph {
  const folderOf = (file: string) => path.relative(root, file).split(path.sep).slice(0, -1)[0] ?? ".";
  const graph: Graph = new Map();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    for (const target of targets) if (folderOf(target) !== from) edges.add(folderOf(target));
    graph.set(from, edges);
  }
  return graph;
}

const relative = (cycle: string[] | null) => cycle?.map((node) => path.relative(ROOT, node) || node).join(" → ") ?? null;

describe("the import graph of app/_server", () => {
  const files = importGraph(ROOT);

  it("is read: every file of the core, with the imports between them", () => {
    expect(files.size).toBeGreaterThan(40);
    const completion = path.join(ROOT, "recovery/complete-password-reset.ts");
    expect([...(files.get(completion) ?? [])].map((file) => path.relative(ROOT, file))).toContain("recovery/reset-proof.ts");
  });

  it("has no cycle between files", () => {
    expect(relative(findCycle(files))).toBeNull();
  });

  it("has no cycle between folders", () => {
    expect(relative(findCycle(folderGraph(ROOT, files)))).toBeNull();
  });

  it("finds a cycle when there is one", () => {
    const graph: Graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(findCycle(graph)).toEqual(["a", "b", "c", "a"]);
    expect(findCycle(new Map([["a", new Set(["b"])], ["b", new Set()]]))).toBeNull();
  });
});
