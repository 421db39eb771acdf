// The IANA time zones this runtime knows, for the study forms' list. Pure.

/** Every zone name the runtime's Intl knows (UTC first), sorted. */
export function timeZoneNames(): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...known.filter((z) => z !== "UTC").sort()];
}
