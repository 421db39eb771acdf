// The IANA time zones this runtime knows, for the study forms' list. Pure.

/** Every zone name the runtime's Intl knows (UTC first), sorted. */
export function timeZoneNames(): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...known.filter((z) => z !== "UTC").sort()];
}

/**
 * Old names of renamed zones that browsers still report (Chromium says "Europe/Kiev"), mapped to
 * the names the zone lists use; any other name is returned as it is.
 */
const RENAMED: Readonly<Record<string, string>> = {
  "Europe/Kiev": "Europe/Kyiv", "Europe/Uzhgorod": "Europe/Kyiv", "Europe/Zaporozhye": "Europe/Kyiv",
  "Asia/Calcutta": "Asia/Kolkata", "Asia/Saigon": "Asia/Ho_Chi_Minh", "Asia/Katmandu": "Asia/Kathmandu", "Asia/Rangoon": "Asia/Yangon",
  "Atlantic/Faeroe": "Atlantic/Faroe", "America/Godthab": "America/Nuuk", "Pacific/Truk": "Pacific/Chuuk", "Pacific/Ponape": "Pacific/Pohnpei",
};

export const currentZoneName = (zone: string): string => RENAMED[zone] ?? zone;
