// The demo partnership as plain data: `npm run demo` writes it, the README lists it, tests read it.
// No imports of the app here, so anything (README checks, Playwright fixtures) can use it cheaply.
// Everything is fictional: names are made up, addresses use the reserved `.test` domain.

export const DEMO_PASSWORD = "razem-demo";

export type DemoInstitutionShort = "BKPPT" | "FRGK" | "ARREKS" | "RIG";

export type DemoInstitution = {
  shortName: DemoInstitutionShort;
  name: string;
  /** Mail domain of its people: `<first>.<last>@<domain>`. */
  domain: string;
  description: string;
  contactEmail: string;
  contactPhone: string;
  address: string;
  website: string;
};

export const DEMO_INSTITUTIONS: readonly DemoInstitution[] = [
  {
    shortName: "BKPPT",
    name: "Bełchatowsko-Kleszczowski Park Przemysłowo-Technologiczny Sp. z o.o.",
    domain: "bkppt.razem.test",
    description:
      "Park przemysłowo-technologiczny, gospodarz spotkań i warsztatów o transformacji regionu. " +
      "Prowadzi projekt „Transformacja a rozwój gospodarczy regionu”, zbiera pomysły mieszkańców " +
      "i rozwija koncepcję „Energopolis”.",
    contactEmail: "kontakt@bkppt.razem.test",
    contactPhone: "+48 44 000 10 00",
    address: "ul. Przemysłowa 1, 97-410 Kleszczów",
    website: "https://bkppt.razem.test",
  },
  {
    shortName: "FRGK",
    name: "Fundacja Rozwoju Gminy Kleszczów",
    domain: "frgk.razem.test",
    description:
      "Fundacja gminna wspierająca przedsiębiorczość i inicjatywy lokalne. W porozumieniu odpowiada " +
      "za konsultacje społeczne z mieszkańcami i organizacjami pozarządowymi oraz za szkolenia.",
    contactEmail: "biuro@frgk.razem.test",
    contactPhone: "+48 44 000 20 00",
    address: "ul. Fundacyjna 2, 97-410 Kleszczów",
    website: "https://frgk.razem.test",
  },
  {
    shortName: "ARREKS",
    name: "Agencja Rozwoju Regionalnego ARREKS S.A.",
    domain: "arreks.razem.test",
    description:
      "Agencja rozwoju regionalnego: doradztwo dla firm, fundusze pożyczkowe i przygotowanie wniosków. " +
      "W porozumieniu śledzi nabory z Funduszu na rzecz Sprawiedliwej Transformacji (FST).",
    contactEmail: "sekretariat@arreks.razem.test",
    contactPhone: "+48 44 000 30 00",
    address: "ul. Regionalna 3, 97-410 Kleszczów",
    website: "https://arreks.razem.test",
  },
  {
    shortName: "RIG",
    name: "Regionalna Izba Gospodarcza w Bełchatowie",
    domain: "rig.razem.test",
    description:
      "Samorząd gospodarczy zrzeszający przedsiębiorców regionu. W porozumieniu prowadzi konsultacje " +
      "gospodarcze z firmami i współtworzy wspólną koncepcję promocji tematyki FST.",
    contactEmail: "izba@rig.razem.test",
    contactPhone: "+48 44 000 40 00",
    address: "ul. Kupiecka 4, 97-400 Bełchatów",
    website: "https://rig.razem.test",
  },
];

export type DemoRole = "ADMIN" | "COORDINATOR" | "MEMBER";

export type DemoAccount = {
  email: string;
  name: string;
  /** Short name of the institution; null for the platform administrator. */
  institution: DemoInstitutionShort | null;
  role: DemoRole;
};

/** "Łukasz Żak" at RIG → "lukasz.zak@rig.razem.test": lowercase ASCII, diacritics stripped. */
export function demoEmail(name: string, domain: string): string {
  const ascii = name
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  return `${ascii.trim().split(/\s+/).join(".")}@${domain}`;
}

// Written out in full (not generated) so the README table can be checked against it by eye.
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  // The platform administrator belongs to no institution: administration is a technical role for
  // the whole partnership, not a partner's seat. Tying it to BKPPT would count it among BKPPT's
  // people and blur the line between "runs the platform" and "speaks for a partner" (coordinator).
  // The first administrator created on /konfiguracja has no institution either.
  { email: "admin@razem.test", name: "Administrator Razem", institution: null, role: "ADMIN" },

  { email: "koordynator@bkppt.razem.test", name: "Magdalena Wróbel", institution: "BKPPT", role: "COORDINATOR" },
  { email: "katarzyna.wojcik@bkppt.razem.test", name: "Katarzyna Wójcik", institution: "BKPPT", role: "MEMBER" },
  { email: "michal.dabrowski@bkppt.razem.test", name: "Michał Dąbrowski", institution: "BKPPT", role: "MEMBER" },
  { email: "joanna.gorecka@bkppt.razem.test", name: "Joanna Górecka", institution: "BKPPT", role: "MEMBER" },

  { email: "koordynator@frgk.razem.test", name: "Tomasz Kaczmarek", institution: "FRGK", role: "COORDINATOR" },
  { email: "anna.lewandowska@frgk.razem.test", name: "Anna Lewandowska", institution: "FRGK", role: "MEMBER" },
  { email: "grzegorz.sikora@frgk.razem.test", name: "Grzegorz Sikora", institution: "FRGK", role: "MEMBER" },

  { email: "koordynator@arreks.razem.test", name: "Agnieszka Pawlak", institution: "ARREKS", role: "COORDINATOR" },
  { email: "piotr.jablonski@arreks.razem.test", name: "Piotr Jabłoński", institution: "ARREKS", role: "MEMBER" },
  { email: "ewa.zielinska@arreks.razem.test", name: "Ewa Zielińska", institution: "ARREKS", role: "MEMBER" },
  { email: "marcin.stepien@arreks.razem.test", name: "Marcin Stępień", institution: "ARREKS", role: "MEMBER" },

  { email: "koordynator@rig.razem.test", name: "Paweł Szymański", institution: "RIG", role: "COORDINATOR" },
  { email: "lukasz.zak@rig.razem.test", name: "Łukasz Żak", institution: "RIG", role: "MEMBER" },
  { email: "malgorzata.kowalczyk@rig.razem.test", name: "Małgorzata Kowalczyk", institution: "RIG", role: "MEMBER" },
];

export function demoAccount(email: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  return account;
}

/** The coordinator of a demo institution (handy for tests and later demo content). */
export function demoCoordinator(institution: DemoInstitutionShort): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.institution === institution && a.role === "COORDINATOR");
  if (!account) throw new Error(`no demo coordinator for ${institution}`);
  return account;
}
