import { useEffect, useRef, useState } from "react";
import type { ThemedToken } from "shiki/core";
import { grammarFor, highlight } from "./highlighter";

// A block that is still streaming changes with every token: highlight it at most this often.
const REHIGHLIGHT_INTERVAL_MS = 150;

export type HighlightedCode = { code: string; lines: ThemedToken[][] };

/**
 * The code's coloured tokens once the highlighter (loaded on first use) has them; null for
 * languages without a grammar. While a block grows, the last result stays until the next one, so
 * the block shows coloured code plus the newest plain characters.
 */
export function useHighlightedCode(code: string, language: string | null): HighlightedCode | null {
  const grammar = grammarFor(language);
  const [result, setResult] = useState<HighlightedCode | null>(null);
  const lastRun = useRef(0);
  const requested = useRef(0);
  const applied = useRef(0);

  useEffect(() => {
    if (!grammar) return;
    const wait = Math.max(0, lastRun.current + REHIGHLIGHT_INTERVAL_MS - Date.now());
    const timer = window.setTimeout(() => {
      lastRun.current = Date.now();
      requested.current += 1;
      const run = requested.current;
      highlight(code, grammar)
        .then((lines) => {
          // Results may come back out of order while the grammar loads: keep the newest.
          if (run < applied.current) return;
          applied.current = run;
          setResult({ code, lines });
        })
        .catch((error: unknown) => {
          // Plain text is a fine fallback; say why in the console for whoever debugs it.
          console.warn("Code highlighting failed", error);
        });
    }, wait);
    return () => window.clearTimeout(timer);
  }, [code, grammar]);

  return grammar ? result : null;
}
