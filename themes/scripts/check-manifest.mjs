// Checks the Vite output the way Keycloak's AdminConsole reads it: the first chunk of
// .vite/manifest.json with "isEntry" gives entryScript, entryStyles and entryImports (the latter are
// rendered as `${resourceUrl}/<value>`, so they must be files too). Fails the build when a referenced
// file is missing or the entry is not unique.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const resources = "target/classes/theme/integration-broker/admin/resources";
const manifest = JSON.parse(readFileSync(join(resources, ".vite/manifest.json"), "utf8"));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);

const problems = [];
if (entries.length !== 1) {
  problems.push(`expected exactly one entry chunk, found ${entries.length}`);
}
for (const [key, chunk] of entries) {
  for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.imports ?? [])]) {
    if (!existsSync(join(resources, file))) {
      problems.push(`${key}: ${file} is not in ${resources}`);
    }
  }
}
if (problems.length > 0) {
  console.error(`[themes] The admin console build is not usable by Keycloak:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
const [, entry] = entries[0];
console.log(`[themes] entryScript ${entry.file}, entryStyles ${(entry.css ?? []).join(" ")}`);
