import path from "node:path";

export const artifactsDir = path.resolve("tests/.artifacts");
