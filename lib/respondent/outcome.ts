/** What a respondent route sends back: an HTML page or a redirect (post/redirect/get). */
export type Outcome =
  | { kind: "html"; status: number; html: string; setLanguage?: string; cookies?: string[]; headers?: Record<string, string> }
  | { kind: "redirect"; location: string; setLanguage?: string; cookies?: string[]; headers?: Record<string, string> };

/** `setLanguage` remembers an explicit language choice in the language cookie. */
export const htmlOutcome = (html: string, status = 200, setLanguage?: string): Outcome => ({ kind: "html", status, html, setLanguage });
export const redirectOutcome = (location: string, setLanguage?: string): Outcome => ({ kind: "redirect", location, setLanguage });
