// What each page of the built app loads first, from the chunk report the build writes
// (vite.pwa.ts, `.vite/lectern-chunks.json`): a page's entry chunk, everything it imports
// statically (Vite modulepreloads those), and the lazy modules the route imports at once (the
// library screen for the library route), with their own static imports. Sizes are gzip bytes
// (node:zlib, level 9 as Vite's build report uses): a size, never a time.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHUNK_REPORT, type ChunkInfo } from '../../vite.pwa.ts';

export interface RouteSpec {
  /** HTML page: index.html, present.html, handout.html. */
  page: string;
  /** Source modules the route imports as soon as it shows (e.g. src/screens/library.ts). */
  lazy?: string[];
}

export interface RouteFiles {
  js: string[];
  css: string[];
  /** Every source module in those JS chunks. */
  modules: string[];
  /** Lazy modules asked for that the build does not have (the screen is not written yet). */
  missing: string[];
}

export interface RouteSize extends RouteFiles {
  jsBytes: number;
  jsGzip: number;
  cssBytes: number;
  cssGzip: number;
}

export async function readChunkReport(outDir: string): Promise<Record<string, ChunkInfo>> {
  const text = await readFile(join(outDir, CHUNK_REPORT), 'utf8');
  return (JSON.parse(text) as { chunks: Record<string, ChunkInfo> }).chunks;
}

export function routeFiles(chunks: Record<string, ChunkInfo>, spec: RouteSpec): RouteFiles {
  const all = Object.values(chunks);
  const entry = all.find((chunk) => chunk.page === spec.page && chunk.isEntry);
  if (!entry) throw new Error(`The build has no entry chunk for ${spec.page}`);
  const roots = [entry];
  const missing: string[] = [];
  for (const module of spec.lazy ?? []) {
    const chunk = all.find((c) => c.facade === module) ?? all.find((c) => c.isDynamicEntry && c.modules.includes(module));
    if (chunk) roots.push(chunk);
    else missing.push(module);
  }
  const js = new Set<string>();
  const visit = (chunk: ChunkInfo): void => {
    if (js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.imports) {
      const next = chunks[file];
      if (next) visit(next);
    }
  };
  roots.forEach(visit);
  const picked = [...js].map((file) => chunks[file]!);
  return {
    js: [...js],
    css: [...new Set(picked.flatMap((chunk) => chunk.css))],
    modules: picked.flatMap((chunk) => chunk.modules),
    missing,
  };
}

export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).byteLength;
}

export async function measureRoute(outDir: string, chunks: Record<string, ChunkInfo>, spec: RouteSpec): Promise<RouteSize> {
  const files = routeFiles(chunks, spec);
  const sum = async (list: string[]) => {
    let raw = 0;
    let gz = 0;
    for (const file of list) {
      const bytes = await readFile(join(outDir, file));
      raw += bytes.byteLength;
      gz += gzipSize(bytes);
    }
    return { raw, gz };
  };
  const js = await sum(files.js);
  const css = await sum(files.css);
  return { ...files, jsBytes: js.raw, jsGzip: js.gz, cssBytes: css.raw, cssGzip: css.gz };
}
