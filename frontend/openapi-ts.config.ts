import { defineConfig } from "@hey-api/openapi-ts";

// Regenerate with scripts/generate-client.sh (it refreshes openapi.json from the backend first).
export default defineConfig({
  input: "./openapi.json",
  output: {
    path: "./src/client",
  },
  plugins: [
    {
      name: "@hey-api/client-fetch",
      // Requests reject with the server's {error, detail} body, which suits TanStack Query.
      throwOnError: true,
    },
    "@hey-api/typescript",
    "@hey-api/sdk",
  ],
});
