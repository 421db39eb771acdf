// Functions of other platforms' XLSForms (ODK repeats, SurveyCTO, CHT) that Panelwave leaves out
// on purpose: an import names them as not supported, with the reason, instead of "unknown".
const REPEATS = "use count(${repeat}), sum(), min(), max(), indexed-repeat() or position(..) over a repeat";
/** Functions of other platforms Panelwave deliberately leaves out, with the reason shown. */
const FOREIGN_FUNCTIONS: Record<string, string> = {
  pulldata: "it reads an attached data file; for answers from an earlier wave use a preload field (type preload) and ${name}",
  "repeat-count": REPEATS,
  instance: "external choice lists and data are not supported", "device-info": "device data is not collected",
  "phone-call-log": "device data is not collected", "phone-call-duration": "device data is not collected",
  "item-at": "SurveyCTO list functions are not supported", "item-index": "SurveyCTO list functions are not supported",
  "de-duplicate": "SurveyCTO list functions are not supported", "join-if": "SurveyCTO list functions are not supported",
  "plug-in-metadata": "field plug-ins are not supported", "count-items": "SurveyCTO list functions are not supported",
  "count-if": "SurveyCTO list functions are not supported", index: REPEATS, version: "device data is not collected",
  "collect-is-phone-app": "device data is not collected",
};
/** Community Health Toolkit (CHT) functions, by prefix or name. */
const CHT = /^(cht:|difference-in-|add-date$|parse-timestamp-to-date$|to-bikram-sambat$|z-score$)/;

/** Why `name()` is not supported, when it is another platform's function; undefined otherwise. */
export function foreignFunction(name: string): string | undefined {
  return FOREIGN_FUNCTIONS[name] ?? (CHT.test(name) ? "Community Health Toolkit (CHT) functions are not supported" : undefined);
}
