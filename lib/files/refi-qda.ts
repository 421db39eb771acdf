// A REFI-QDA project file (.qdpx: a zip holding project.qde, namespace urn:QDA-XML:project:1.0),
// the exchange format NVivo, ATLAS.ti and MAXQDA import. Panelwave writes cases with their
// variables (attributes): one case per interviewee, one Text variable per characteristic.
// GUIDs are derived from a seed and the name, so a second export of the same study matches the first.
import { createHash } from "node:crypto";
import { xmlText } from "./xlsx";

export type QdaCase = { name: string; values: (string | null)[] };
export type QdaProject = { name: string; origin: string; seed: string; createdAt: Date; variables: string[]; cases: QdaCase[] };

/** A stable GUID (8-4-4-4-12 hex, as the schema's GUIDType asks) for `what` under `seed`. Pure. */
export function stableGuid(seed: string, what: string): string {
  const h = createHash("sha256").update(`panelwave/qdpx/${seed}/${what}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const attr = (s: string) => xmlText(s);

/** The project.qde XML. Pure. */
export function projectXml(p: QdaProject): string {
  const user = stableGuid(p.seed, "user");
  const vars = p.variables.map((name, i) => ({ name, guid: stableGuid(p.seed, `variable/${i}/${name}`) }));
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" name="${attr(p.name)}" origin="${attr(p.origin)}" creatingUserGUID="${user}" creationDateTime="${p.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z")}">`,
    `<Users><User guid="${user}" name="${attr(p.origin)}"/></Users>`,
  ];
  if (vars.length) out.push(`<Variables>${vars.map((v) => `<Variable guid="${v.guid}" name="${attr(v.name)}" typeOfVariable="Text"/>`).join("")}</Variables>`);
  if (p.cases.length) {
    out.push("<Cases>");
    for (const c of p.cases) {
      const values = c.values
        .map((v, i) => (v ? `<VariableValue><VariableRef targetGUID="${vars[i].guid}"/><TextValue>${xmlText(v)}</TextValue></VariableValue>` : ""))
        .join("");
      out.push(`<Case guid="${stableGuid(p.seed, `case/${c.name}`)}" name="${attr(c.name)}">${values}</Case>`);
    }
    out.push("</Cases>");
  }
  out.push("</Project>");
  return out.join("\n");
}

/** The .qdpx file: a zip with project.qde (no sources: the transcripts are added in the QDA tool). */
export async function* qdpxChunks(p: QdaProject): AsyncGenerator<Uint8Array> {
  const { default: archiver } = await import("archiver");
  const zip = archiver("zip", { zlib: { level: 6 } });
  zip.append(projectXml(p), { name: "project.qde" });
  const done = zip.finalize();
  done.catch(() => {});
  for await (const chunk of zip) yield chunk as Uint8Array;
  await done;
}
