// A strict allowlist for HTML made from documents people upload (the DOCX preview). Text
// structure only: paragraphs, headings, emphasis, lists, tables, line breaks and http(s) links.
// No images, styles, classes, ids, event handlers, forms, frames or scripts — anything else is
// dropped (the text inside ordinary unknown tags is kept; script/style contents are not).
import sanitizeHtml from "sanitize-html";

const ALLOWED_TAGS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "u", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "br", "a"];
const SAFE_HREF = /^https?:\/\/[^\s]+$/i;
const SPAN = /^[1-9][0-9]?$/;

/** Table cells keep colspan/rowspan when they are small whole numbers (so tables stay readable). */
function cell(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {};
  for (const name of ["colspan", "rowspan"]) if (SPAN.test(attribs[name] ?? "")) kept[name] = attribs[name];
  return { tagName, attribs: kept };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "rel"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  allowVulnerableTags: false,
  disallowedTagsMode: "discard",
  // Dropped with everything inside them (not just the tag).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "title", "head", "svg", "math", "iframe", "object"],
  transformTags: {
    // A link without an http(s) address (javascript:, data:, mailto:, "#anchor", none) becomes its text.
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? "").trim();
      return SAFE_HREF.test(href) ? { tagName: "a", attribs: { href, rel: "noopener noreferrer" } } : { tagName: "span", attribs: {} };
    },
    td: (tagName, attribs) => cell(tagName, attribs),
    th: (tagName, attribs) => cell(tagName, attribs),
  },
  exclusiveFilter: (frame) => frame.tag === "a" && !frame.text.trim(),
};

export function sanitizeDocumentHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
