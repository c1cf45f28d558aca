// Anchors of comments: built on a real Y.Doc shaped like the editor's body, they must keep
// pointing at the same words while other people edit around them (and nothing when the words go).
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { COLLAB_FIELD } from "./collab-shared";
import {
  anchorBytes,
  anchorForText,
  anchorFromBytes,
  decodeRelative,
  encodeRelative,
  textOfAnchor,
  withAssociation,
} from "./comment-anchors";

function bodyDoc(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment(COLLAB_FIELD).insert(
    0,
    paragraphs.map((text) => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    })
  );
  return doc;
}

describe("comment anchors", () => {
  it("resolve to the same words after concurrent edits before, inside the block and after them", () => {
    const doc = bodyDoc([
      "Cel 1: nowe miejsca pracy.",
      "Cel 2: czyste powietrze, czyste rzeki.",
    ]);
    const anchor = anchorForText(doc, "czyste rzeki")!;
    expect(textOfAnchor(doc, anchor)).toBe("czyste rzeki");
    // The second occurrence of "czyste" is another range.
    expect(textOfAnchor(doc, anchorForText(doc, "czyste", 1)!)).toBe("czyste");
    expect(anchorForText(doc, "czyste", 2)).toBeNull();
    expect(anchorForText(doc, "nie ma takiego tekstu")).toBeNull();

    // Another person, on their own copy, types before the range and right after it; a new
    // paragraph appears at the top. Their updates reach our copy.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const paragraph = other.getXmlFragment(COLLAB_FIELD).get(1) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(0, "Najważniejsze — ");
    // Right against both ends of the range: neither insertion joins it.
    const at = text.toString().indexOf("czyste rzeki");
    text.insert(at + "czyste rzeki".length, " i lasy");
    text.insert(at, "bardzo ");
    text.insert(text.length, " Do 2035 r.");
    const intro = new Y.XmlElement("paragraph");
    intro.insert(0, [new Y.XmlText("Wstęp")]);
    other.getXmlFragment(COLLAB_FIELD).insert(0, [intro]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));

    expect(textOfAnchor(doc, anchor)).toBe("czyste rzeki");
    expect(textOfAnchor(other, anchor)).toBe("czyste rzeki");
    // Deleting the commented words leaves nothing to resolve.
    text.delete(text.toString().indexOf("czyste rzeki"), "czyste rzeki".length);
    expect(textOfAnchor(other, anchor)).toBeNull();
    expect(
      textOfAnchor(doc, {
        anchorStart: "nie-base64!",
        anchorEnd: anchor.anchorEnd,
      })
    ).toBeNull();
  });
});

describe("anchor encoding", () => {
  it("round-trips through base64 and bytes, and rejects anything else", () => {
    const doc = bodyDoc(["Transformacja energetyczna regionu"]);
    const anchor = anchorForText(doc, "energetyczna")!;
    const bytes = anchorBytes(anchor.anchorStart)!;
    expect(anchorFromBytes(bytes)).toBe(anchor.anchorStart);
    expect(decodeRelative("")).toBeNull();
    expect(decodeRelative("a".repeat(600))).toBeNull();
    expect(decodeRelative("ąę")).toBeNull();
    expect(anchorBytes("###")).toBeNull();
    expect(anchorFromBytes(null)).toBeNull();
  });

  it("re-anchors the editor's positions (attached to the character before) to the range's own characters", () => {
    const doc = bodyDoc(["Cel: czyste rzeki"]);
    const text = (doc.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(
      0
    ) as Y.XmlText;
    const at = "Cel: ".length;
    // As y-tiptap builds them: association -1 on both ends.
    const start = Y.createRelativePositionFromTypeIndex(text, at, -1);
    const end = Y.createRelativePositionFromTypeIndex(
      text,
      at + "czyste".length,
      -1
    );
    const loose = {
      anchorStart: encodeRelative(start),
      anchorEnd: encodeRelative(end),
    };
    const fixed = {
      anchorStart: encodeRelative(withAssociation(doc, start, 0)),
      anchorEnd: encodeRelative(withAssociation(doc, end, -1)),
    };
    text.insert(at, "bardzo ");
    expect(textOfAnchor(doc, loose)).toBe("bardzo czyste");
    expect(textOfAnchor(doc, fixed)).toBe("czyste");
  });
});
