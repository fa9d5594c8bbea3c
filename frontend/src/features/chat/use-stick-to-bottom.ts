import { useCallback, useEffect, useRef, useState } from "react";

// Within this distance of the end, the list counts as "at the latest message".
const AT_END_PX = 32;

/**
 * Keeps a scrolling list pinned to its end while content grows (tokens streaming in, code being
 * highlighted), until the person scrolls up to read; scrolling back down, or jumpToLatest,
 * pins it again. Attach `scrollRef` to the scrolling box and `contentRef` to what grows inside it.
 * While `enabled` is false (an empty state, read from the top) nothing is followed.
 */
export function useStickToBottom(enabled: boolean) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const following = useRef(enabled);
  following.current = enabled;
  const [atEnd, setAtEnd] = useState(true);

  const setPinned = useCallback((value: boolean) => {
    pinned.current = value;
    setAtEnd(value);
  }, []);

  const jumpToLatest = useCallback(
    (behavior: ScrollBehavior = "smooth") => {
      const box = scrollRef.current;
      setPinned(true);
      box?.scrollTo({ top: box.scrollHeight, behavior });
    },
    [setPinned],
  );

  useEffect(() => {
    const box = scrollRef.current;
    const content = contentRef.current;
    if (!box || !content) return;
    let lastTop = box.scrollTop;
    let lastHeight = box.scrollHeight;

    const onScroll = () => {
      const distance = box.scrollHeight - box.scrollTop - box.clientHeight;
      if (distance <= AT_END_PX) {
        if (!pinned.current) setPinned(true);
      } else if (box.scrollTop < lastTop && box.scrollHeight === lastHeight) {
        // Moving up while nothing shrank: the person is scrolling back to read.
        if (pinned.current) setPinned(false);
      }
      lastTop = box.scrollTop;
      lastHeight = box.scrollHeight;
    };
    // A wheel or key press upwards says "stop following" before the position even changes.
    const onWheel = (event: WheelEvent) => {
      if (!following.current) return;
      if (event.deltaY < 0 && box.scrollHeight > box.clientHeight) setPinned(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (following.current && ["PageUp", "ArrowUp", "Home"].includes(event.key)) setPinned(false);
    };
    const follow = new ResizeObserver(() => {
      if (pinned.current && following.current) box.scrollTop = box.scrollHeight;
      lastHeight = box.scrollHeight;
      lastTop = box.scrollTop;
    });

    box.addEventListener("scroll", onScroll, { passive: true });
    box.addEventListener("wheel", onWheel, { passive: true });
    box.addEventListener("keydown", onKeyDown);
    follow.observe(content);
    return () => {
      box.removeEventListener("scroll", onScroll);
      box.removeEventListener("wheel", onWheel);
      box.removeEventListener("keydown", onKeyDown);
      follow.disconnect();
    };
  }, [setPinned]);

  return { scrollRef, contentRef, atEnd: atEnd || !enabled, jumpToLatest };
}
