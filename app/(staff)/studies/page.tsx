// GET /studies – the studies this researcher or admin can see.
import Link from "next/link";
import { listStudies } from "../../../lib/studies/list-studies";
import { staffPage } from "../staff-page";

export const dynamic = "force-dynamic";

export default async function StudiesPage() {
  const { rt, user } = await staffPage();
  const studies = await listStudies(rt.db, user);
  return (
    <>
      <h1>Studies</h1>
      <p><Link className="button" href="/studies/new">New study</Link></p>
      {studies.length === 0 && <p>You are not a member of any study yet: start one, or ask an admin to add you to one.</p>}
      <div className="cards">
        {studies.map((s) => (
          <div className="card" key={s.id}>
            <h2><Link href={`/studies/${s.slug}`}>{s.name}</Link></h2>
            <p className="muted">Languages: {s.languages.join(", ")}</p>
          </div>
        ))}
      </div>
    </>
  );
}
