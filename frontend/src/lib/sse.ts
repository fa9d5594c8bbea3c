/**
 * A parser for `text/event-stream` bodies read with fetch (EventSource cannot POST or send a bearer
 * token). It follows the HTML standard's rules: lines end in CRLF, LF or CR; `event:` names the
 * event, `data:` lines join with "\n", one space after the colon is dropped, lines starting with
 * ":" are comments (keep-alive pings) and a blank line dispatches the event.
 */

export type SseEvent = {
  /** "message" when the server named none. */
  event: string;
  data: string;
  id: string | null;
};

export type SseParser = {
  /** Feeds decoded text; complete events are dispatched as soon as their blank line arrives. */
  feed: (text: string) => void;
  /** The body ended: an event without its final blank line is incomplete and dropped, per spec. */
  end: () => void;
};

export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = "";
  let eventName = "";
  let dataLines: string[] = [];
  let lastId: string | null = null;
  // A CR at the very end of a chunk may be the first half of a CRLF split across chunks.
  let pendingCarriageReturn = false;

  const dispatch = () => {
    if (dataLines.length > 0) {
      onEvent({ event: eventName || "message", data: dataLines.join("\n"), id: lastId });
    }
    eventName = "";
    dataLines = [];
  };

  const processLine = (line: string) => {
    if (line === "") {
      dispatch();
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        eventName = value;
        break;
      case "data":
        dataLines.push(value);
        break;
      case "id":
        if (!value.includes("\0")) lastId = value;
        break;
      default:
        // "retry" and unknown fields only matter to EventSource's reconnection.
        break;
    }
  };

  return {
    feed(text: string) {
      let chunk = text;
      if (pendingCarriageReturn) {
        pendingCarriageReturn = false;
        if (chunk.startsWith("\n")) chunk = chunk.slice(1);
      }
      buffer += chunk;
      let start = 0;
      for (let index = 0; index < buffer.length; index += 1) {
        const char = buffer[index];
        if (char !== "\n" && char !== "\r") continue;
        processLine(buffer.slice(start, index));
        if (char === "\r") {
          if (index + 1 === buffer.length) pendingCarriageReturn = true;
          else if (buffer[index + 1] === "\n") index += 1;
        }
        start = index + 1;
      }
      buffer = buffer.slice(start);
    },
    end() {
      buffer = "";
      eventName = "";
      dataLines = [];
    },
  };
}
