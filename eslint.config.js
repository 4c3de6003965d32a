import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "data/", ".react-router/", "node_modules/", "db/migrations/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "react-router", "hono", "hono/*"], message: "modules/ and platform/ hold the domain: no React or HTTP." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**", "server/**", "tests/**", "bench/**", "scripts/**", "cli/**", "*.config.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["platform/http/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
