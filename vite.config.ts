import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix(remixConfig), tsconfigPaths()],
  optimizeDeps: {
    exclude: ["@node-rs/argon2"],
    // Prepared up front so the first visit to the strategy editor in dev does not reload the page.
    include: ["@hocuspocus/provider", "@tiptap/extension-collaboration", "@tiptap/extension-collaboration-caret", "@tiptap/extension-table", "@tiptap/extension-image", "@mantine/tiptap"],
  },
  ssr: { external: ["@node-rs/argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3"] },
  server: { port: 3000 },
});
