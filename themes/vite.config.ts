import react from "@vitejs/plugin-react";
import { defineConfig, type LogLevel } from "vite";

// Output goes straight into the jar layout of the admin theme; theme.properties and
// META-INF/keycloak-themes.json come from src/main/resources (see pom.xml).
const THEME_RESOURCES = "target/classes/theme/integration-broker/admin/resources";

export default defineConfig({
  // Relative asset URLs: the server serves the theme under /resources/{version}/admin/integration-broker/.
  base: "",
  logLevel: (process.env.VITE_LOG_LEVEL as LogLevel | undefined) ?? "info",
  plugins: [react()],
  build: {
    outDir: THEME_RESOURCES,
    emptyOutDir: true,
    target: "es2022",
    // Keycloak reads .vite/manifest.json to find the entry script and styles for index.ftl.
    manifest: true,
    modulePreload: false,
    sourcemap: false,
    chunkSizeWarningLimit: 12000,
    rollupOptions: {
      input: "src/main/frontend/main.tsx",
      // Served by the server from the common theme through the import map in index.ftl,
      // exactly as for Keycloak's own console (the admin-ui package expects the same).
      external: ["react", "react/jsx-runtime", "react-dom"],
    },
  },
});
