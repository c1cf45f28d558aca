import { Mark } from "@mantine/core";
import type { Segment } from "../folding";

/** Text with the matched words in <mark>; every segment is a React text node, so it is escaped. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? (
          <Mark key={i} color="yellow">
            {s.text}
          </Mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
