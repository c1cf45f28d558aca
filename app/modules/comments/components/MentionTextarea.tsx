// A textarea that suggests people after "@": a Mantine Combobox anchored to the textarea.
// Keyboard: arrows move through the suggestions, Enter (or Tab) inserts, Esc closes; while no
// list is open the arrows and Enter behave as in any textarea.
import { useEffect, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from "react";
import { Combobox, Group, Text, Textarea, useCombobox } from "@mantine/core";
import { useT } from "~/utils/i18n-react";
import { activeMentionQuery, cleanMentionName, matchPeople, type MentionPerson } from "../mentions";

export type Mentionable = MentionPerson & { institutionShortName: string | null };

type Props = Omit<ComponentPropsWithoutRef<typeof Textarea>, "value" | "onChange"> & {
  value: string;
  onValueChange: (value: string) => void;
  people: Mentionable[];
  /** Someone chosen from the suggestions: the form turns "@Name" into their token on submit. */
  onMention: (person: MentionPerson) => void;
};

type Typing = { start: number; end: number; query: string };

export function MentionTextarea({ value, onValueChange, people, onMention, onKeyDown, onBlur, ...textareaProps }: Props) {
  const t = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const combobox = useCombobox();
  const [typing, setTyping] = useState<Typing | null>(null);
  const options = typing && people.length > 0 ? matchPeople(people, typing.query) : [];
  const open = options.length > 0;

  // Open/close with the list, and keep the first suggestion selected while the query changes.
  useEffect(() => {
    if (open) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else {
      combobox.closeDropdown();
    }
    // The store is a new object every render; only the query matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, typing?.query]);

  const track = (el: HTMLTextAreaElement) => {
    const caret = el.selectionStart ?? el.value.length;
    if (caret !== el.selectionEnd) return setTyping(null);
    const found = activeMentionQuery(el.value.slice(0, caret));
    setTyping(found ? { start: found.start, end: caret, query: found.query } : null);
  };

  const insert = (id: string) => {
    const person = people.find((p) => p.id === id);
    if (!person || !typing) return;
    const name = cleanMentionName(person.name);
    const text = `@${name} `;
    const next = value.slice(0, typing.start) + text + value.slice(typing.end);
    onValueChange(next);
    onMention({ id: person.id, name });
    setTyping(null);
    const caret = typing.start + text.length;
    window.requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(caret, caret);
    });
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    onKeyDown?.(event);
    if (!open) return;
    if (event.key === "Escape") {
      // Closes the list only, not a surrounding dialog.
      event.stopPropagation();
      setTyping(null);
    } else if (event.key === "Tab" && !event.shiftKey && combobox.getSelectedOptionIndex() !== -1) {
      event.preventDefault();
      combobox.clickSelectedOption();
    }
  };

  return (
    <Combobox store={combobox} onOptionSubmit={insert} position="bottom-start" withinPortal={false} shadow="md">
      <Combobox.Target withKeyboardNavigation={open} withAriaAttributes withExpandedAttribute={false}>
        <Textarea
          {...textareaProps}
          ref={ref}
          value={value}
          onChange={(event) => {
            onValueChange(event.currentTarget.value);
            track(event.currentTarget);
          }}
          onSelect={(event) => track(event.currentTarget)}
          onKeyDown={handleKeyDown}
          onBlur={(event) => {
            onBlur?.(event);
            setTyping(null);
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!open}>
        <Combobox.Options aria-label={t("comments.mention.listLabel")} mah={260} style={{ overflowY: "auto" }}>
          {options.map((person) => (
            <Combobox.Option value={person.id} key={person.id}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm">{person.name}</Text>
                {person.institutionShortName ? (
                  <Text size="xs" c="inherit" fw={500}>
                    {person.institutionShortName}
                  </Text>
                ) : null}
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
