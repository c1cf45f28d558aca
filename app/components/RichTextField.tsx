// A rich-text form field (Tiptap through @mantine/tiptap) that posts its HTML through a hidden
// input, so it works inside any Remix <Form> like a plain textarea. Generic: team mandates, task
// descriptions, anything else. The server must still sanitise what it receives (the toolbar only
// offers what the sanitiser keeps: paragraphs, two heading levels, bold, italic, underline, lists
// and links).
import { useId, useMemo, useState } from "react";
import { Input, Typography } from "@mantine/core";
import { Link, RichTextEditor, type RichTextEditorLabels } from "@mantine/tiptap";
import { useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useT } from "~/utils/i18n-react";

export type RichTextFieldProps = {
  /** Name of the hidden input that carries the HTML. */
  name: string;
  label: string;
  description?: string;
  /** Translated error text shown under the field (and announced with it). */
  error?: string;
  /** The initial HTML (already sanitised by the server). */
  defaultValue?: string;
  required?: boolean;
  /** Minimum height of the writing area, in px. */
  minHeight?: number;
  /** Called with the HTML after every change (optional: the hidden input already posts it). */
  onChange?: (html: string) => void;
};

/** An editor's empty document: treated as no text at all. */
const EMPTY = "<p></p>";

/** Only what the server's sanitiser keeps (see cleanRichText), so nothing typed is lost on save. */
const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: false,
  }),
  Link.configure({ openOnClick: false, autolink: true, protocols: ["http", "https"] }),
];

export function RichTextField({ name, label, description, error, defaultValue = "", required, minHeight = 160, onChange }: RichTextFieldProps) {
  const t = useT();
  const id = useId();
  const labelId = `${id}-label`;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const [html, setHtml] = useState(defaultValue);
  // Stable options (see useEditor: changed options are applied to the live editor, so the
  // describing attributes follow a new error without re-creating the editor or losing the text).
  const editorProps = useMemo(
    () => ({
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(descriptionId || errorId ? { "aria-describedby": [descriptionId, errorId].filter(Boolean).join(" ") } : {}),
        ...(error ? { "aria-invalid": "true" } : {}),
        ...(required ? { "aria-required": "true" } : {}),
      },
    }),
    [id, labelId, descriptionId, errorId, error, required],
  );
  const editor = useEditor({
    // Rendered on the client only: the server sends the hidden input with the initial value.
    immediatelyRender: false,
    shouldRerenderOnTransaction: true,
    extensions: EXTENSIONS,
    content: defaultValue,
    editorProps,
    onUpdate: ({ editor: e }) => {
      const value = e.isEmpty || e.getHTML() === EMPTY ? "" : e.getHTML();
      setHtml(value);
      onChange?.(value);
    },
  });
  const labels: Partial<RichTextEditorLabels> = {
    boldControlLabel: t("teams.richText.bold"),
    italicControlLabel: t("teams.richText.italic"),
    underlineControlLabel: t("teams.richText.underline"),
    h2ControlLabel: t("teams.richText.h2"),
    h3ControlLabel: t("teams.richText.h3"),
    bulletListControlLabel: t("teams.richText.bulletList"),
    orderedListControlLabel: t("teams.richText.orderedList"),
    linkControlLabel: t("teams.richText.link"),
    unlinkControlLabel: t("teams.richText.unlink"),
    clearFormattingControlLabel: t("teams.richText.clear"),
    undoControlLabel: t("teams.richText.undo"),
    redoControlLabel: t("teams.richText.redo"),
    linkEditorInputLabel: t("teams.richText.linkInput"),
    linkEditorInputPlaceholder: "https://",
    linkEditorExternalLink: t("teams.richText.linkExternal"),
    linkEditorInternalLink: t("teams.richText.linkInternal"),
    linkEditorSave: t("teams.richText.linkSave"),
  };
  return (
    <Input.Wrapper
      label={label}
      description={description}
      error={error}
      required={required}
      labelProps={{ id: labelId, htmlFor: id, onClick: () => editor?.commands.focus() }}
      descriptionProps={{ id: descriptionId }}
      errorProps={{ id: errorId }}
    >
      <input type="hidden" name={name} value={html} />
      <RichTextEditor
        editor={editor}
        labels={labels}
        mt={description ? 4 : 2}
        style={error ? { borderColor: "var(--mantine-color-error)" } : undefined}
      >
        <RichTextEditor.Toolbar aria-label={t("teams.richText.toolbar", { field: label })} role="toolbar">
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.ClearFormatting />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content mih={minHeight} />
      </RichTextEditor>
    </Input.Wrapper>
  );
}

/** Shows stored rich text with Mantine's typography. Only ever pass HTML the server sanitised on save. */
export function RichTextView({ html }: { html: string }) {
  return (
    <Typography>
      <div style={{ overflowWrap: "anywhere" }} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
