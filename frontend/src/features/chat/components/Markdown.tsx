import { Box, Code, Link } from "@chakra-ui/react";
import type { Element, ElementContent } from "hast";
import { createContext, memo, useContext } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import type { CodeBlockPublic } from "@/client";
import { markdownStyles } from "./markdown-styles";
import { ReplyCodeBlock } from "./ReplyCodeBlock";

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/** A fenced block's language and code, read from the <pre><code class="language-x"> pair. */
function fencedBlock(pre: Element | undefined): { language: string | null; code: string } {
  const code = pre?.children.find(
    (child): child is Element => child.type === "element" && child.tagName === "code",
  );
  const classes = code?.properties.className;
  const languageClass = Array.isArray(classes)
    ? classes.map(String).find((name) => name.startsWith("language-"))
    : undefined;
  const text = code ? code.children.map(textOf).join("") : "";
  return {
    language: languageClass ? languageClass.slice("language-".length) : null,
    // A fence always ends with a newline the reader does not see.
    code: text.replace(/\n$/, ""),
  };
}

const LinkedBlocks = createContext<readonly CodeBlockPublic[]>([]);

const withoutTrailingSpace = (text: string) => text.replace(/\s+$/, "");

/**
 * The stored block (library entry, runs) of a rendered block. Matched on the code rather than the
 * position, because the renderer and the server's fence parser may disagree on what counts as a
 * block in odd markdown.
 */
function storedBlockOf(blocks: readonly CodeBlockPublic[], code: string): CodeBlockPublic | null {
  const wanted = withoutTrailingSpace(code);
  return blocks.find((block) => withoutTrailingSpace(block.code) === wanted) ?? null;
}

function FencedCode({ node }: { node: Element | undefined }) {
  const blocks = useContext(LinkedBlocks);
  const { language, code } = fencedBlock(node);
  return <ReplyCodeBlock language={language} code={code} block={storedBlockOf(blocks, code)} />;
}

const components: Components = {
  pre: ({ node }) => <FencedCode node={node} />,
  code: ({ children }) => <Code size="sm">{children}</Code>,
  a: ({ href, children }) => (
    <Link href={href} target="_blank" rel="noopener noreferrer nofollow" color="brand.fg">
      {children}
    </Link>
  ),
  // A reply must not make the browser fetch addresses it names (prompt injection could leak data
  // through an image URL): images are shown as links the person can choose to open.
  img: ({ src, alt }) =>
    typeof src === "string" ? (
      <Link href={src} target="_blank" rel="noopener noreferrer nofollow" color="brand.fg">
        {alt || "Image"}
      </Link>
    ) : null,
  table: ({ children }) => (
    <Box overflowX="auto" my="4" borderWidth="1px" rounded="md">
      <table>{children}</table>
    </Box>
  ),
};

const remarkPlugins = [remarkGfm];

const NO_BLOCKS: readonly CodeBlockPublic[] = [];

type MarkdownProps = {
  content: string;
  /** The reply's stored blocks: each rendered block links to its library entry and shows its runs. */
  codeBlocks?: readonly CodeBlockPublic[];
};

/** A reply's markdown (GitHub flavour), with highlighted code blocks. Raw HTML is not rendered. */
export const Markdown = memo(function Markdown({ content, codeBlocks = NO_BLOCKS }: MarkdownProps) {
  return (
    <LinkedBlocks.Provider value={codeBlocks}>
      <Box css={markdownStyles}>
        <ReactMarkdown remarkPlugins={remarkPlugins} components={components}>
          {content}
        </ReactMarkdown>
      </Box>
    </LinkedBlocks.Provider>
  );
});
