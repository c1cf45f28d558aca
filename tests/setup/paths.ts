import path from "node:path";

export const artifactsDir = path.resolve("tests/.artifacts");
export const baseDbFile = path.join(artifactsDir, "base.db");
