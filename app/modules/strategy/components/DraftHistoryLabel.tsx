import type { useT } from "~/utils/i18n-react";

type Kind = "AUTO" | "NAMED" | "APPROVAL" | "RESTORE";

/** A version's name, or what it is when it has none ("Automatyczna", "Stan przed przywróceniem"). */
export function versionLabel(t: ReturnType<typeof useT>, v: { name: string | null; kind: Kind }): string {
  return v.name ?? (v.kind === "RESTORE" ? t("strategyVersions.unnamedRestore") : t("strategyVersions.unnamed"));
}
