import { Fragment } from "react";
import { Text } from "@mantine/core";
import { parseMentions } from "../mentions";

/**
 * A comment as plain text (line breaks kept) with mentions highlighted as "@Imię Nazwisko".
 * Only React text nodes: whatever the body contains is never interpreted as HTML.
 */
export function CommentBody({ body }: { body: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      {parseMentions(body).map((segment, i) =>
        segment.type === "text" ? (
          <Fragment key={i}>{segment.text}</Fragment>
        ) : (
          <Text
            key={i}
            component="span"
            inherit
            fw={600}
            px={3}
            data-mention={segment.userId}
            style={{ borderRadius: 4, background: "var(--mantine-color-teal-light)", color: "var(--mantine-color-teal-light-color)" }}
          >
            @{segment.name}
          </Text>
        ),
      )}
    </Text>
  );
}
