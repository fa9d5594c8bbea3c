// How code languages are named on screen, in the chat and in the library alike.

const LANGUAGE_NAMES: Record<string, string> = {
  python: "Python",
  py: "Python",
  sql: "SQL",
  bash: "Bash",
  sh: "Shell",
  shell: "Shell",
  shellscript: "Shell",
  zsh: "Shell",
  json: "JSON",
  javascript: "JavaScript",
  js: "JavaScript",
  typescript: "TypeScript",
  ts: "TypeScript",
  yaml: "YAML",
  yml: "YAML",
  r: "R",
  csv: "CSV",
  text: "Text",
};

/** "python" -> "Python"; an unknown tag is shown as written, no tag as "Code". */
export function languageName(language: string | null | undefined): string {
  if (!language) return "Code";
  return LANGUAGE_NAMES[language.toLowerCase()] ?? language;
}

/** The languages a person can pick for a snippet of their own, Python first. */
export const SNIPPET_LANGUAGES = [
  { value: "python", label: "Python" },
  { value: "sql", label: "SQL" },
  { value: "r", label: "R" },
  { value: "bash", label: "Shell" },
  { value: "javascript", label: "JavaScript" },
  { value: "typescript", label: "TypeScript" },
  { value: "json", label: "JSON" },
  { value: "yaml", label: "YAML" },
] as const;
