// The differences between two versions, one table per kind of change (added, removed, reworded, …).
// Stacked rows on a phone; in between, the seven columns may still be wider than the page, so each
// table sits in a labelled, keyboard-scrollable box.
import { ScrollBox } from "../scroll-box";
import type { ChangeSection } from "../../../../../../lib/instruments/change-sections";

export function ChangeTables({ sections }: { sections: ChangeSection[] }) {
  return sections.map((s) => (
    <section key={s.key} aria-labelledby={`changes-${s.key}`} data-changes={s.key}>
      <h4 id={`changes-${s.key}`}>{s.title} ({s.rows.length})</h4>
      <ScrollBox label={`${s.title}: changes`}>
      <table className="stack-table">
        <thead>
          <tr>
            <th scope="col">Change</th><th scope="col">Page</th><th scope="col">Question</th><th scope="col">Option or row</th>
            <th scope="col">Language</th><th scope="col">Before</th><th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {s.rows.map((c, i) => (
            <tr key={i} title={c.message}>
              <td data-label="Change">{c.what}</td>
              <td data-label="Page">{c.page ? <code>{c.page}</code> : "–"}</td>
              <td data-label="Question">{c.question ? <code>{c.question}</code> : "–"}</td>
              <td data-label="Option or row">{c.option ? <code>{c.option}</code> : "–"}</td>
              <td data-label="Language">{c.language ?? "–"}</td>
              <td data-label="Before">{c.before ?? "–"}</td>
              <td data-label="After">{c.after ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollBox>
    </section>
  ));
}
