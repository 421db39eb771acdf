import { createHash } from "node:crypto";

/**
 * The booking page's only script (/r/zone.js, a few hundred bytes, CSP script-src 'self'): when
 * the person has not chosen a time zone yet (the zone form carries data-detect-zone), it reads
 * the browser's zone and reloads the page with ?tz=<zone>&lang=… (location.replace, so Back does
 * not bounce). A zone the server does not know comes back as a chosen, invalid ?tz= and is shown
 * in the study's zone without detecting again, so it cannot loop. With scripts off the select and
 * its button do the same by hand.
 */
export const ZONE_SCRIPT = `(function(){var f=document.querySelector("form[data-detect-zone]");if(!f)return;var z;try{z=Intl.DateTimeFormat().resolvedOptions().timeZone}catch(e){return}var s=f.querySelector("select[name=tz]");if(!z||!s||s.value===z)return;var q=new URLSearchParams();q.set("tz",z);var l=f.querySelector("input[name=lang]");if(l)q.set("lang",l.value);location.replace(f.getAttribute("action")+"?"+q.toString())})();`;

const hash = createHash("sha256").update(ZONE_SCRIPT).digest("hex").slice(0, 12);

/** The versioned URL of the zone script (cached for a year). */
export const zoneScriptUrl = (): string => `/r/zone.js?v=${hash}`;
