import { Button, type ButtonProps } from "@chakra-ui/react";
import { useEffect, useRef, useState } from "react";
import { LuCheck, LuCopy } from "react-icons/lu";
import { copyText } from "@/lib/clipboard";
import { toaster } from "./ui/toaster";

const CONFIRMATION_MS = 2000;

type CopyButtonProps = Omit<ButtonProps, "onClick" | "children"> & {
  /** The text to copy, read when the button is pressed. */
  text: string | (() => string);
};

/** "Copy", then "Copied" for two seconds; the change is announced to screen readers. */
export function CopyButton({ text, ...props }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = async () => {
    try {
      await copyText(typeof text === "function" ? text() : text);
    } catch {
      toaster.error({
        title: "Could not copy",
        description: "Your browser blocked the clipboard. Select the text and copy it instead.",
      });
      return;
    }
    setCopied(true);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setCopied(false), CONFIRMATION_MS);
  };

  return (
    <Button size="xs" variant="ghost" onClick={copy} aria-live="polite" {...props}>
      {copied ? <LuCheck aria-hidden /> : <LuCopy aria-hidden />}
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}
