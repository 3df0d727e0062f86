// Bundles the dashboard into one script. The server's build (Dashboard.targets) calls it with the
// output path. It uses esbuild's JS API, not `node node_modules/esbuild/bin/esbuild`: when esbuild's
// install script runs (package.json denies it, npm versions before allowScripts run it anyway) that
// file becomes the native binary and node can no longer start it.
import { build } from "esbuild";

const outfile = process.argv[2];
if (!outfile) {
  console.error("usage: node build.mjs <outfile>");
  process.exit(2);
}

try {
  await build({
    entryPoints: ["src/main.ts"],
    bundle: true,
    minify: true,
    sourcemap: true,
    target: "es2022",
    outfile,
    color: false,
    logLevel: "warning",
  });
} catch {
  // esbuild has already printed the errors (logLevel); a stack trace would only bury them.
  process.exit(1);
}
