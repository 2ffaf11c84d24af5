// Build-time half of "works in a classroom with no network" (issue 7), kept out of vite.config.ts
// so the offline work touches that file with one import and one plugin entry only.
//
//  - vite-plugin-pwa 2.0.0 (declares Vite ^8 as a peer; builds with rolldown here) in
//    `injectManifest` mode: our own service worker (src/offline/sw.ts) gets the precache list.
//    Why not `generateSW`: its worker calls skipWaiting() on any page's request, and we must refuse
//    that while a presentation is open (an update must never reload under an instructor).
//  - The web app manifest: installable (standalone), our icons, and `file_handlers` for
//    `.lectern` bundles so an installed Lectern opens them from the file manager.
//  - `lectern-chunk-report`: writes `.vite/lectern-chunks.json` (which chunk holds which modules,
//    its static and dynamic imports and CSS) next to the build, so the size-budget test and the
//    benchmark compute what each page loads first without guessing from file names.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Plugin, PluginOption, ResolvedConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Accent colour of the UI (src/app/app.css `--lectern-accent`): the installed window's title bar. */
const THEME_COLOR = '#a4161a';
const BACKGROUND_COLOR = '#f6f5f2';

/** Where the chunk report lands, relative to the build's outDir. */
export const CHUNK_REPORT = '.vite/lectern-chunks.json';

export interface ChunkInfo {
  file: string;
  /** HTML page this chunk is the entry of (`index.html`, `present.html`, …), if any. */
  page?: string;
  /** The module this chunk stands for (`src/screens/edit.ts` for a lazy screen), if any. */
  facade?: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  /** Static imports (loaded with the chunk, modulepreloaded by Vite). */
  imports: string[];
  dynamicImports: string[];
  css: string[];
  /** Source modules in the chunk, relative to the project root (node_modules paths included). */
  modules: string[];
}

export function lecternPwa(): PluginOption[] {
  return [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/offline',
      filename: 'sw.ts',
      // Registration is ours (src/offline/register.ts): it shows a notice instead of reloading.
      injectRegister: false,
      registerType: 'prompt',
      manifestFilename: 'manifest.webmanifest',
      includeManifestIcons: true,
      injectManifest: {
        // A classic worker: every Chromium that can install Lectern runs it.
        rollupFormat: 'iife',
        // Every file of the build: the three pages, shell, every lazy chunk (reveal.js, themes,
        // plugins, CodeMirror, the bundle reader), fonts, icons, the manifest, the sample decks'
        // media. An allow-list of extensions would silently drop the next kind of file.
        globPatterns: ['**/*'],
        globIgnores: ['**/*.map', '.vite/**'],
        // reveal.js themes with embedded fonts are ~0.6 MB; nothing the app needs may be skipped.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
      manifest: {
        id: './',
        name: 'Lectern — Giáo án điện tử',
        short_name: 'Lectern',
        description: 'Soạn, lưu và trình chiếu giáo án điện tử, kể cả khi không có mạng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        categories: ['education', 'productivity'],
        icons: [
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Double-clicking a bundle (or a .pptx/.docx) opens the library with it in the import preview
        // (src/offline/launch-queue.ts hands the files to the app).
        file_handlers: [
          {
            action: './?lectern-launch=files',
            accept: {
              'application/x-lectern': ['.lectern'],
              // PowerPoint and Word files open in the Office import preview (src/office-import).
              'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
            },
          },
        ],
        // A new window per opened file: never navigate a window that may be presenting.
        launch_handler: { client_mode: 'navigate-new' },
      },
    }),
    chunkReport(),
    headTags(),
  ];
}

/** Icon and theme colour in every page's <head> (vite-plugin-pwa adds the manifest link itself). */
function headTags(): Plugin {
  return {
    name: 'lectern-head-tags',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'icon', href: './icons/icon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: './icons/icon-192.png' }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR }, injectTo: 'head' },
    ],
  };
}

function chunkReport(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'lectern-chunk-report',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(options, bundle) {
      const root = config.root;
      const outDir = options.dir ?? config.build.outDir;
      const chunks: Record<string, ChunkInfo> = {};
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        const facade = item.facadeModuleId ?? undefined;
        const meta = (item as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata;
        chunks[item.fileName] = {
          file: item.fileName,
          ...(facade?.endsWith('.html') ? { page: relative(root, facade) } : {}),
          ...(facade ? { facade: relative(root, facade) } : {}),
          isEntry: item.isEntry,
          isDynamicEntry: item.isDynamicEntry,
          imports: [...item.imports],
          dynamicImports: [...item.dynamicImports],
          css: [...(meta?.importedCss ?? [])],
          modules: item.moduleIds.map((id) => relative(root, id.replace(/^\0/, '').replace(/\?.*$/, ''))),
        };
      }
      const target = join(outDir, CHUNK_REPORT);
      await mkdir(join(target, '..'), { recursive: true });
      await writeFile(target, JSON.stringify({ chunks }, null, 1));
    },
  };
}
