import fs from "node:fs";
import path from "node:path";

/** Every file in the test's store folder (tests/setup/per-file.ts gives each test file its own). */
export function storedFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])) : [];
  return walk(process.env.STORAGE_DIR!);
}
