// Demo strategy draft (issue 5: co-editing of strategy drafts). In the workspace „Strategia
// transformacji regionu” (all four institutions): „Strategia transformacji regionu Bełchatów–Kleszczów
// — projekt”, a real-looking body (Wprowadzenie, Diagnoza, Wizja, Cele strategiczne with a table,
// Kierunki działań, Wdrażanie i monitorowanie), two named versions whose text differs from each other
// and from today's (so the diff shows changes), comment threads anchored to quotes (replies, one
// resolved), and its search entry. The body is ProseMirror JSON turned into the Yjs state with the
// editor's own schema (draftExtensions), exactly what the co-editing server would hold.
// Idempotent: a draft with this title in the workspace is left as it is.
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { User } from "~/generated/prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { indexDraft } from "~/modules/search/search.server";
import { anchorBytes, anchorForText } from "~/modules/strategy/comment-anchors";
import { COLLAB_FIELD, countWords, plainTextOf } from "~/modules/strategy/collab-shared";
import { draftExtensions } from "~/modules/strategy/versions.server";
import type { DemoContext } from "./demo";

type Client = Tx | typeof db;

export const DEMO_DRAFT_TITLE = "Strategia transformacji regionu Bełchatów–Kleszczów — projekt";
export const DEMO_DRAFT_VERSIONS = ["Wersja robocza do dyskusji", "Wersja do konsultacji 1"] as const;

const BK = { coordinator: "koordynator@bkppt.razem.test", katarzyna: "katarzyna.wojcik@bkppt.razem.test", michal: "michal.dabrowski@bkppt.razem.test" };
const FRGK = { coordinator: "koordynator@frgk.razem.test", anna: "anna.lewandowska@frgk.razem.test" };
const ARREKS = { piotr: "piotr.jablonski@arreks.razem.test", ewa: "ewa.zielinska@arreks.razem.test" };
const RIG = { lukasz: "lukasz.zak@rig.razem.test", malgorzata: "malgorzata.kowalczyk@rig.razem.test" };

// ---------------------------------------------------------------------------------------------
// ProseMirror JSON builders (the editor's node and mark names).

type Mark = { type: "bold" | "italic" };
type Inline = { type: "text"; text: string; marks?: Mark[] };
type Block = { type: string; attrs?: Record<string, unknown>; content?: (Block | Inline)[] };

const txt = (text: string): Inline => ({ type: "text", text });
const b = (text: string): Inline => ({ type: "text", text, marks: [{ type: "bold" }] });
const i = (text: string): Inline => ({ type: "text", text, marks: [{ type: "italic" }] });
const inline = (parts: (string | Inline)[]) => parts.map((p) => (typeof p === "string" ? txt(p) : p));
const h = (level: 1 | 2 | 3, text: string): Block => ({ type: "heading", attrs: { level }, content: [txt(text)] });
const p = (...parts: (string | Inline)[]): Block => ({ type: "paragraph", content: inline(parts) });
const li = (...parts: (string | Inline)[]): Block => ({ type: "listItem", content: [p(...parts)] });
const ul = (...items: Block[]): Block => ({ type: "bulletList", content: items });
const ol = (...items: Block[]): Block => ({ type: "orderedList", attrs: { start: 1 }, content: items });
const quote = (...paragraphs: Block[]): Block => ({ type: "blockquote", content: paragraphs });
const cell = (type: "tableHeader" | "tableCell", text: string): Block => ({ type, attrs: { colspan: 1, rowspan: 1 }, content: [p(text)] });
const table = (header: string[], rows: string[][]): Block => ({
  type: "table",
  content: [
    { type: "tableRow", content: header.map((t) => cell("tableHeader", t)) },
    ...rows.map((r) => ({ type: "tableRow", content: r.map((t) => cell("tableCell", t)) })),
  ],
});

/**
 * The body at three moments: 1 = „Wersja robocza do dyskusji”, 2 = „Wersja do konsultacji 1”,
 * 3 = today's text (after the first consultation remarks).
 */
export function demoStrategyBody(stage: 1 | 2 | 3): Block {
  const content: Block[] = [
    h(1, DEMO_DRAFT_TITLE),
    p(
      i("Dokument roboczy partnerów porozumienia „Bełchatów – Kleszczów RAZEM Możemy Więcej”: BKPPT, FRGK, ARREKS i RIG. "),
      i(stage === 1 ? "Stan: wersja robocza do dyskusji w zespole redakcyjnym." : "Stan: projekt przekazany do konsultacji społecznych i gospodarczych."),
    ),

    h(2, "1. Wprowadzenie"),
    p(
      "Region Bełchatowa i Kleszczowa od pół wieku żyje z węgla brunatnego. Kopalnia i elektrownia Bełchatów dały pracę tysiącom rodzin, ",
      "zbudowały zamożność gminy Kleszczów i ukształtowały krajobraz całego powiatu. Decyzja o stopniowym wygaszaniu wydobycia i produkcji ",
      "energii z węgla oznacza, że w ciągu kilkunastu lat region musi zbudować nową podstawę gospodarczą.",
    ),
    p(
      "Niniejsza strategia jest wspólną odpowiedzią czterech instytucji, które podpisały porozumienie o współpracy. Jej celem jest ",
      b("sprawiedliwa transformacja"),
      ": taka, w której koszty zmiany nie spadają na pracowników sektora węglowego i ich rodziny, a nowe miejsca pracy powstają, zanim znikną stare. ",
      "Dokument jest również podstawą udziału partnerów w przygotowaniu wniosków województwa łódzkiego o środki z Funduszu na rzecz Sprawiedliwej Transformacji (FST).",
    ),
    p(
      "Strategia powstaje w sposób otwarty. Jej założenia omawiano na spotkaniu inauguracyjnym projektu „Transformacja a rozwój gospodarczy regionu”, ",
      "podczas dnia warsztatowego z samorządowcami, przedsiębiorcami, młodzieżą i seniorami oraz w formularzu, przez który mieszkańcy zgłosili ponad dwadzieścia pomysłów.",
    ),
    p(
      "Dokument składa się z sześciu części. Diagnoza opisuje stan gospodarki, rynku pracy i jakości życia w regionie. Wizja mówi, jaki region chcemy ",
      "zbudować do 2040 roku. Cele strategiczne wraz ze wskaźnikami pozwalają sprawdzić, czy zmierzamy we właściwym kierunku. Kierunki działań wskazują, ",
      "co konkretnie zrobią partnerzy, a ostatnia część opisuje, kto odpowiada za wdrażanie i jak będziemy mierzyć postępy.",
    ),

    h(2, "2. Diagnoza"),
    h(3, "2.1. Gospodarka i rynek pracy"),
    p(
      "Kompleks energetyczny jest największym pracodawcą w regionie. Wraz z firmami z nim powiązanymi — usługami remontowymi, transportem, ",
      "handlem i gastronomią — zależy od niego ",
      b(stage === 1 ? "kilkanaście tysięcy miejsc pracy" : "ok. 8 tys. miejsc pracy bezpośrednio i kilkanaście tysięcy w otoczeniu"),
      ". Wygaszanie bloków energetycznych będzie postępować etapami, a ostatnie bloki mają zakończyć pracę w drugiej połowie lat trzydziestych.",
    ),
    p(
      "Strefa przemysłowa w Kleszczowie i tereny Parku Przemysłowo-Technologicznego skupiają ponad sto firm, w tym zakłady przetwórstwa tworzyw, ",
      "produkcji materiałów budowlanych i logistyki. To atut: region ma przygotowane tereny inwestycyjne, sieci przesyłowe i doświadczoną kadrę techniczną.",
    ),
    p(
      "Gmina Kleszczów przez lata należała do najzamożniejszych gmin w Polsce dzięki podatkom płaconym przez kompleks energetyczny. Wpływy te ",
      "sfinansowały nowoczesną infrastrukturę: drogi, szkoły, obiekty sportowe i sieci. Wraz z wygaszaniem wydobycia dochody gmin będą jednak spadać, ",
      "dlatego już teraz trzeba planować, jak utrzymać tę infrastrukturę i jak wykorzystać ją dla nowych inwestorów.",
    ),
    h(3, "2.2. Ludzie i jakość życia"),
    p(
      "Powiat bełchatowski, podobnie jak większość regionu łódzkiego, starzeje się. Coraz więcej młodych osób wyjeżdża na studia i nie wraca, ",
      "bo nie widzi dla siebie pracy poza energetyką. Jednocześnie wielu pracowników kompleksu zbliża się do wieku emerytalnego i ma wiedzę, ",
      "której nie warto stracić. Ważnym zasobem są organizacje pozarządowe, koła gospodyń wiejskich, kluby sportowe i ośrodki kultury, ",
      "które podczas konsultacji okazały się najlepszym kanałem dotarcia do mieszkańców.",
    ),
    p(
      "Mieszkańcy cenią bezpieczeństwo, dobrą opiekę nad dziećmi i bliskość natury. Brakuje im oferty kulturalnej, miejsc spotkań dla młodzieży ",
      "i wygodnego dojazdu do pracy bez samochodu. Te oczekiwania są równie ważne jak liczba nowych miejsc pracy, bo to one decydują, ",
      "czy ludzie zostaną w regionie.",
    ),
    h(3, "2.3. Mocne strony i wyzwania"),
    ul(
      li(b("Mocne strony: "), "wykwalifikowani pracownicy techniczni, uzbrojone tereny inwestycyjne, przyłącza energetyczne o dużej mocy, doświadczenie samorządów w dużych inwestycjach."),
      li(b("Wyzwania: "), "zależność budżetów gmin od jednego sektora, odpływ młodych ludzi do Łodzi i Warszawy, starzenie się mieszkańców, słaba komunikacja publiczna między miejscowościami."),
      li(b("Szanse: "), "odnawialne źródła energii na terenach pogórniczych, magazyny energii, wodór, rekultywacja odkrywki na cele rekreacyjne i turystyczne."),
      li(b("Zagrożenia: "), "zbyt wolne tworzenie nowych miejsc pracy, konkurencja innych regionów górniczych o te same inwestycje, niepewność co do harmonogramu wygaszania."),
    ),
    p(
      "W ankietach i na warsztatach mieszkańcy najczęściej wskazywali obawę o pracę dla kolejnego pokolenia oraz potrzebę miejsc spotkań, ",
      "kultury i rekreacji. Przedsiębiorcy zrzeszeni w Izbie zwracali uwagę na brak dostępu do kapitału na zmianę profilu działalności.",
    ),

    h(3, "2.4. Środowisko i przestrzeń"),
    p(
      "Odkrywka, zwałowiska i tereny przemysłowe zajmują tysiące hektarów. Ich rekultywacja potrwa wiele lat i wymaga decyzji, które zapadają już dziś: ",
      "czy powstanie tu zbiornik wodny, las, tereny rekreacyjne, czy nowe tereny inwestycyjne. Dobrze zaplanowana rekultywacja może zmienić wizerunek ",
      "regionu — z miejsca kojarzonego z węglem w miejsce wypoczynku, turystyki i czystej energii. Równolegle trzeba zadbać o jakość powietrza, ",
      "gospodarkę wodną i ochronę cennych przyrodniczo terenów w dolinie Widawki.",
    ),
    h(2, "3. Wizja"),
    quote(
      p(
        i("W 2040 roku region Bełchatowa i Kleszczowa jest centrum czystej energii i nowoczesnego przemysłu, "),
        i("w którym ludzie chcą mieszkać, pracować i wychowywać dzieci, a tereny dawnej kopalni tętnią życiem."),
      ),
    ),
    p(
      "Wizja łączy dziedzictwo energetyczne regionu z nowymi specjalizacjami. Wiedza inżynierów i techników, którzy przez dekady prowadzili ",
      "jedną z największych elektrowni w Europie, jest kapitałem, na którym można zbudować gospodarkę opartą na odnawialnych źródłach energii, ",
      "magazynowaniu energii i usługach dla przemysłu. Koncepcja „Energopolis” pokazuje, jak te elementy mogą złożyć się w jedno przedsięwzięcie.",
    ),
    p(
      "Region przyszłości to także miejsce dobrego życia: z zielonymi terenami nad nowymi zbiornikami wodnymi, z ofertą kulturalną ",
      "przyciągającą gości z całego województwa, z nowoczesnymi szkołami, które uczą zawodów potrzebnych w nowej gospodarce, ",
      "i z samorządami, które współpracują ponad granicami gmin. Transformacja ma być procesem, który mieszkańcy współtworzą, a nie tylko obserwują.",
    ),

    h(2, "4. Cele strategiczne"),
    p("Partnerzy przyjmują cele strategiczne, które wyznaczają kierunek działań do 2030 roku. Dla każdego celu określono wskaźnik i wartość docelową."),
    table(
      ["Cel strategiczny", "Wskaźnik", "Wartość bazowa", "Wartość docelowa 2030"],
      [
        ["C1. Nowe miejsca pracy poza sektorem węglowym", "Liczba miejsc pracy w nowych inwestycjach", "0", stage === 3 ? "3 500" : "3 000"],
        ["C2. Kompetencje na czas transformacji", "Osoby, które ukończyły przekwalifikowanie", "0", "2 000"],
        ["C3. Czysta energia z terenów pogórniczych", "Moc zainstalowana OZE (MW)", "100", stage === 1 ? "500" : "600"],
        ...(stage === 1 ? [] : [["C4. Region, w którym chce się mieszkać", "Saldo migracji osób w wieku 20–39 lat", "ujemne", "zrównoważone"]]),
      ],
    ),
    p(
      "Cele są ze sobą powiązane: nowe inwestycje energetyczne tworzą miejsca pracy, które wymagają nowych kompetencji, ",
      "a atrakcyjne warunki życia zatrzymują w regionie ludzi, których te inwestycje potrzebują.",
    ),

    h(2, "5. Kierunki działań"),
    h(3, "5.1. Przedsiębiorczość i inwestycje"),
    ol(
      li("Przygotowanie terenów inwestycyjnych dla przemysłu niskoemisyjnego, w tym terenów po zwałowiskach i infrastrukturze kopalni."),
      li("Fundusz pożyczkowy ARREKS dla małych i średnich firm zmieniających profil działalności."),
      li("Punkt obsługi inwestora w Parku Przemysłowo-Technologicznym: jedno miejsce kontaktu dla firm, które chcą zainwestować w regionie."),
      li("Program współpracy Izby z przedsiębiorcami w zakresie aplikowania o środki z FST."),
    ),
    h(3, "5.2. Ludzie i kompetencje"),
    ul(
      li("Programy przekwalifikowania pracowników kopalni i elektrowni, przygotowane razem z pracodawcami z nowych branż."),
      li("Doradztwo zawodowe dla młodzieży i współpraca szkół z firmami strefy."),
      li("Szkolenia Fundacji Rozwoju Gminy Kleszczów dla osób zakładających działalność gospodarczą."),
    ),
    p(
      "Przekwalifikowanie musi zaczynać się wcześnie, zanim pracownik straci zatrudnienie. Dlatego partnerzy proponują indywidualne ścieżki rozwoju ",
      "uzgadniane z pracownikiem, doradcą zawodowym i przyszłym pracodawcą, a także staże w firmach strefy. Szczególną uwagę poświęcimy osobom powyżej ",
      "pięćdziesiątego roku życia oraz kobietom wracającym na rynek pracy, dla których zmiana zawodu jest najtrudniejsza.",
    ),
    h(3, "5.3. Energia"),
    p(
      "Tereny pogórnicze i infrastruktura przesyłowa pozwalają rozwijać farmy fotowoltaiczne i wiatrowe, magazyny energii oraz instalacje ",
      "produkcji wodoru. Partnerzy będą zabiegać o to, aby inwestycje energetyczne na terenach kopalni tworzyły miejsca pracy na miejscu, ",
      "a część korzyści trafiała do lokalnych społeczności, na przykład w formie wspólnot energetycznych i tańszej energii dla firm strefy.",
    ),
    ul(
      li("Mapa terenów pogórniczych możliwych do wykorzystania pod odnawialne źródła energii, przygotowana z samorządami i właścicielem terenów."),
      li("Klaster energii z udziałem gmin, firm i instytucji publicznych."),
      li("Projekty demonstracyjne magazynowania energii realizowane z uczelniami i instytutami badawczymi."),
    ),
    h(3, "5.4. Przestrzeń i jakość życia"),
    p(
      "Rekultywacja odkrywki tworzy szansę na nowe miejsca rekreacji i kultury. Na warsztatach powstały pomysły takie jak ",
      i("„Opera na odkrywce”"),
      " czy ",
      i("„Zintegrowany city camping”"),
      ", które partnerzy przeanalizują pod kątem wykonalności i źródeł finansowania.",
    ),
    ...(stage === 3
      ? [
          p(
            "Po pierwszych konsultacjach dodano działania na rzecz integracji wielopokoleniowej: kampanie PR łączące seniorów — byłych pracowników ",
            "kompleksu — z młodzieżą, która wybiera zawód, oraz lepszą komunikację publiczną między Bełchatowem, Kleszczowem i sąsiednimi gminami.",
          ),
        ]
      : []),

    h(2, "6. Wdrażanie i monitorowanie"),
    p(
      "Za wdrażanie strategii odpowiadają wspólnie partnerzy porozumienia. Zespoły wykonawcze powoływane do konkretnych zadań ",
      "przygotowują projekty i wnioski, a koordynatorzy instytucji spotykają się co kwartał, aby ocenić postępy.",
    ),
    p(b("Podział ról między partnerami:")),
    ul(
      li(b("BKPPT"), " — koordynacja prac nad strategią, obsługa inwestorów, projekty infrastrukturalne i koncepcja „Energopolis”."),
      li(b("FRGK"), " — konsultacje społeczne z mieszkańcami i organizacjami pozarządowymi, szkolenia i wsparcie lokalnych inicjatyw."),
      li(b("ARREKS"), " — instrumenty finansowe dla firm, śledzenie naborów z FST i pomoc w przygotowaniu wniosków."),
      li(b("RIG"), " — konsultacje gospodarcze z przedsiębiorcami i wspólna koncepcja promocji tematyki FST."),
    ),
    p(
      "Głównym źródłem finansowania działań będą środki Funduszu na rzecz Sprawiedliwej Transformacji w programie regionalnym województwa łódzkiego, ",
      "uzupełniane budżetami samorządów, środkami krajowymi i kapitałem prywatnym. Partnerzy będą przygotowywać projekty z wyprzedzeniem, ",
      "tak aby były gotowe, gdy ogłaszane są nabory.",
    ),
    ...(stage === 1
      ? [p("Zasady monitorowania zostaną opisane po dyskusji w zespole redakcyjnym.")]
      : [
          ul(
            li(b("Raz w roku"), " partnerzy publikują raport z realizacji celów i wartości wskaźników."),
            li(b("Co dwa lata"), " strategia jest aktualizowana po konsultacjach społecznych i gospodarczych."),
            li(b("Na bieżąco"), " pomysły mieszkańców z formularza trafiają do analizy i, jeśli pasują do celów, do planu działań."),
          ),
          p("Wskaźniki będą porównywane z danymi statystyki publicznej oraz danymi urzędów pracy z powiatu bełchatowskiego."),
        ]),
  ];
  return { type: "doc", content };
}

// ---------------------------------------------------------------------------------------------

type CommentSpec = { quote: string; author: string; body: string; replies?: { author: string; body: string }[]; resolvedBy?: string; daysAgo: number };

const COMMENTS: CommentSpec[] = [
  {
    quote: "ok. 8 tys. miejsc pracy bezpośrednio",
    author: FRGK.anna,
    body: "Skąd pochodzi ta liczba? Proponuję podać źródło (dane spółki lub urzędu pracy) i rok.",
    replies: [{ author: BK.katarzyna, body: "Dane z raportu spółki za ubiegły rok — dodam przypis w kolejnej wersji." }],
    daysAgo: 4,
  },
  {
    quote: "Fundusz pożyczkowy ARREKS",
    author: ARREKS.piotr,
    body: "Warto dopisać, że fundusz już działa i można go rozszerzyć o pożyczki na transformację — to wzmocni wniosek do FST.",
    replies: [{ author: BK.coordinator, body: "Dopisane w opisie kierunku 5.1, dziękuję." }],
    resolvedBy: BK.coordinator,
    daysAgo: 6,
  },
  {
    quote: "Saldo migracji osób w wieku 20–39 lat",
    author: RIG.lukasz,
    body: "Czy ten wskaźnik da się mierzyć co roku na poziomie gminy? Może lepiej liczba osób młodych zameldowanych w regionie.",
    replies: [
      { author: ARREKS.ewa, body: "GUS publikuje saldo migracji rocznie dla gmin, więc da się — ale z opóźnieniem." },
      { author: RIG.lukasz, body: "W takim razie zostawmy i zaznaczmy opóźnienie w rozdziale o monitorowaniu." },
    ],
    daysAgo: 2,
  },
  {
    quote: "Opera na odkrywce",
    author: FRGK.coordinator,
    body: "Fundacja może przygotować wstępną analizę wykonalności do konsultacji w przyszłym miesiącu.",
    daysAgo: 1,
  },
];

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000);

let schemaCache: ReturnType<typeof getSchema> | undefined;

/** The Yjs document of a body, exactly as the co-editing server stores it (field "body"). */
export function demoStrategyYDoc(stage: 1 | 2 | 3): Y.Doc {
  schemaCache ??= getSchema(draftExtensions());
  return prosemirrorJSONToYDoc(schemaCache, demoStrategyBody(stage), COLLAB_FIELD);
}

/** Creates the draft with its versions, comments and search entry; returns its id. */
export async function seedStrategyDraft(ctx: DemoContext, client: Client = db): Promise<{ id: string } | null> {
  const workspace = ctx.workspaces?.strategy.workspace;
  if (!workspace) return null;
  const existing = await client.strategyDraft.findFirst({ where: { workspaceId: workspace.id, title: DEMO_DRAFT_TITLE }, select: { id: true } });
  if (existing) return existing;

  const person = (email: string): User => {
    const user = ctx.people.byEmail[email];
    if (!user) throw new Error(`demo strategy: no demo person ${email}`);
    return user;
  };
  const author = person(BK.coordinator);

  // Stored exactly as compaction would store it: the JSON read back from the Yjs state (with the schema's default attributes).
  const doc = demoStrategyYDoc(3);
  const json = yDocToProsemirrorJSON(doc, COLLAB_FIELD);
  const text = plainTextOf(json);
  const draft = await client.strategyDraft.create({
    data: {
      workspaceId: workspace.id,
      title: DEMO_DRAFT_TITLE,
      ydocState: new Uint8Array(Y.encodeStateAsUpdate(doc)),
      contentJson: JSON.stringify(json),
      contentText: text,
      wordCount: countWords(text),
      createdById: author.id,
      updatedById: person(BK.katarzyna).id,
      createdAt: daysAgo(21),
      lastEditAt: daysAgo(1),
    },
    select: { id: true },
  });
  await recordAudit({ actor: author, action: "demo.seed", entityType: "StrategyDraft", entityId: draft.id, summary: DEMO_DRAFT_TITLE }, client);

  // Two named versions: the discussion draft (BKPPT) and the one sent to consultation (ARREKS).
  const versions: { stage: 1 | 2; name: string; by: string; days: number }[] = [
    { stage: 1, name: DEMO_DRAFT_VERSIONS[0], by: BK.coordinator, days: 14 },
    { stage: 2, name: DEMO_DRAFT_VERSIONS[1], by: ARREKS.piotr, days: 7 },
  ];
  for (const [index, v] of versions.entries()) {
    const vdoc = demoStrategyYDoc(v.stage);
    const body = yDocToProsemirrorJSON(vdoc, COLLAB_FIELD);
    await client.strategyDraftVersion.create({
      data: {
        draftId: draft.id,
        number: index + 1,
        name: v.name,
        kind: "NAMED",
        ydocState: new Uint8Array(Y.encodeStateAsUpdate(vdoc)),
        contentJson: JSON.stringify(body),
        wordCount: countWords(plainTextOf(body)),
        createdById: person(v.by).id,
        createdAt: daysAgo(v.days),
      },
    });
    vdoc.destroy();
  }

  // Comment threads on today's text.
  for (const spec of COMMENTS) {
    const anchor = anchorForText(doc, spec.quote);
    if (!anchor) throw new Error(`demo strategy: quote not in the body: ${spec.quote}`);
    const resolver = spec.resolvedBy ? person(spec.resolvedBy) : null;
    const root = await client.strategyDraftComment.create({
      data: {
        draftId: draft.id,
        anchorStart: anchorBytes(anchor.anchorStart),
        anchorEnd: anchorBytes(anchor.anchorEnd),
        quote: spec.quote,
        body: spec.body,
        authorId: person(spec.author).id,
        createdAt: daysAgo(spec.daysAgo),
        resolvedAt: resolver ? daysAgo(spec.daysAgo - 0.5) : null,
        resolvedById: resolver?.id ?? null,
      },
      select: { id: true },
    });
    for (const [n, reply] of (spec.replies ?? []).entries()) {
      await client.strategyDraftComment.create({
        data: { draftId: draft.id, threadId: root.id, body: reply.body, authorId: person(reply.author).id, createdAt: new Date(daysAgo(spec.daysAgo).getTime() + (n + 1) * 3600_000) },
      });
    }
  }
  doc.destroy();

  await indexDraft(draft.id, client);
  return draft;
}
