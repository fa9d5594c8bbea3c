import type { SystemStyleObject } from "@chakra-ui/react";

// Typography for replies: readable line length and rhythm, quiet tables, nothing that fights the
// code blocks (which style themselves).
export const markdownStyles: SystemStyleObject = {
  lineHeight: "1.7",
  wordBreak: "break-word",
  // The first and last blocks sit flush with the message's edges (written without :first-child
  // and :last-child, which Emotion warns about).
  "& > :not(* ~ *)": { marginTop: 0 },
  "& > :not(:has(~ *))": { marginBottom: 0 },
  "& p": { my: "3" },
  "& h1, & h2, & h3, & h4": { fontWeight: "semibold", lineHeight: "1.3", mt: "6", mb: "2" },
  "& h1": { fontSize: "xl" },
  "& h2": { fontSize: "lg" },
  "& h3, & h4": { fontSize: "md" },
  "& ul, & ol": { my: "3", ps: "6" },
  "& ul": { listStyleType: "disc" },
  "& ol": { listStyleType: "decimal" },
  "& li": { my: "1" },
  "& li > ul, & li > ol": { my: "1" },
  "& blockquote": {
    my: "4",
    ps: "4",
    borderStartWidth: "3px",
    borderColor: "border.emphasized",
    color: "fg.muted",
  },
  "& hr": { my: "6", borderColor: "border" },
  "& strong": { fontWeight: "semibold" },
  "& table": { width: "full", borderCollapse: "collapse", fontSize: "sm" },
  "& th, & td": {
    px: "3",
    py: "1.5",
    textAlign: "start",
    borderBottomWidth: "1px",
    borderColor: "border",
    fontVariantNumeric: "tabular-nums",
  },
  "& thead th": { bg: "bg.muted", fontWeight: "semibold" },
  "& tbody tr:last-of-type td": { borderBottomWidth: 0 },
};
