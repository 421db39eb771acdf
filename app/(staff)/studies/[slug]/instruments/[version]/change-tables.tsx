// The differences between two versions, one table per kind of change (added, removed, reworded, …).
import { ScrollBox } from "../scroll-box";
import type { ChangeSection } from "../../../../../../lib/instruments/change-sections";

export function ChangeTables({ sections }: { sections: ChangeSection[] }) {
  return sections.map((s) => (
    <section key={s.key} aria-labelledby={`changes-${s.key}`} data-changes={s.key}>
      <h4 id={`changes-${s.key}`}>{s.title} ({s.rows.length})</h4>
      <ScrollBox label={`${s.title}: changes`}>
      <table>
        <thead>
          <tr>
            <th scope="col">Change</th><th scope="col">Page</th><th scope="col">Question</th><th scope="col">Option or row</th>
            <th scope="col">Language</th><th scope="col">Before</th><th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {s.rows.map((c, i) => (
            <tr key={i} title={c.message}>
              <td>{c.what}</td>
              <td>{c.page ? <code>{c.page}</code> : "–"}</td>
              <td>{c.question ? <code>{c.question}</code> : "–"}</td>
              <td>{c.option ? <code>{c.option}</code> : "–"}</td>
              <td>{c.language ?? "–"}</td>
              <td>{c.before ?? "–"}</td>
              <td>{c.after ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollBox>
    </section>
  ));
}
