/** Display helpers shared by the Integrations pages. */

export const EMPTY = "—";

/** An RFC 3339 instant in the browser's locale, or a dash. */
export function formatInstant(value?: string | null): string {
  if (!value) {
    return EMPTY;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

export function formatValue(value?: string | number | null): string {
  return value === undefined || value === null || value === "" ? EMPTY : String(value);
}

export function formatList(values?: string[] | null): string {
  return values && values.length > 0 ? values.join(" ") : EMPTY;
}

/** PatternFly label colour for an integration status. */
export function statusColor(status?: string | null): "green" | "orange" | "gold" | "red" | "grey" {
  switch (status) {
    case "active":
      return "green";
    case "review-due":
      return "gold";
    case "grace":
      return "orange";
    case "suspended":
      return "red";
    default:
      return "grey";
  }
}
