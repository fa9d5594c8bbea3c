import type { HighlighterCore, ThemedToken } from "shiki/core";

// Loaded on demand (see use-highlighted-code.ts): Shiki's core with the JavaScript regex engine (no
// WebAssembly), two themes, and each grammar only when a block in that language first appears.

const GRAMMARS = {
  python: () => import("shiki/langs/python.mjs"),
  sql: () => import("shiki/langs/sql.mjs"),
  shellscript: () => import("shiki/langs/shellscript.mjs"),
  json: () => import("shiki/langs/json.mjs"),
  javascript: () => import("shiki/langs/javascript.mjs"),
  typescript: () => import("shiki/langs/typescript.mjs"),
  yaml: () => import("shiki/langs/yaml.mjs"),
  r: () => import("shiki/langs/r.mjs"),
} as const;

type Grammar = keyof typeof GRAMMARS;

const ALIASES: Record<string, Grammar> = {
  py: "python",
  python3: "python",
  pandas: "python",
  postgres: "sql",
  postgresql: "sql",
  sqlite: "sql",
  mysql: "sql",
  bash: "shellscript",
  sh: "shellscript",
  shell: "shellscript",
  zsh: "shellscript",
  console: "shellscript",
  jsonc: "json",
  js: "javascript",
  ts: "typescript",
  yml: "yaml",
};

/** The grammar for a fence's language tag, or null when the block is shown as plain text. */
export function grammarFor(language: string | null): Grammar | null {
  const tag = language?.trim().toLowerCase();
  if (!tag) return null;
  if (tag in GRAMMARS) return tag as Grammar;
  return ALIASES[tag] ?? null;
}

let highlighter: Promise<HighlighterCore> | null = null;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import("shiki/core"),
      import("shiki/engine/javascript"),
    ]);
    return createHighlighterCore({
      themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
      langs: [],
      engine: createJavaScriptRegexEngine(),
    });
  })();
  return highlighter;
}

/**
 * Lines of tokens coloured for both colour modes at once: each token carries --shiki-light and
 * --shiki-dark, and the code block's CSS picks one, so switching modes needs no new highlighting.
 */
export async function highlight(code: string, grammar: Grammar): Promise<ThemedToken[][]> {
  const shiki = await getHighlighter();
  if (!shiki.getLoadedLanguages().includes(grammar)) {
    await shiki.loadLanguage(GRAMMARS[grammar]());
  }
  return shiki.codeToTokens(code, {
    lang: grammar,
    themes: { light: "github-light", dark: "github-dark" },
    defaultColor: false,
  }).tokens;
}
