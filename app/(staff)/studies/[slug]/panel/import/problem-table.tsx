// The problems of a panel file, one row each: the file's row, the column, the problem.
import type { FieldIssue } from "../../../../../../lib/errors/app-error";

type Issue = FieldIssue & { row?: number; column?: string };

/** Row and column of a problem: given, or read from its path ("row 3.email", "row 1"). */
function place(i: Issue): { row: string; column: string } {
  if (i.row !== undefined) return { row: i.row > 0 ? String(i.row) : "(file)", column: i.column && i.column !== "_" ? i.column : "–" };
  const m = /^row (\d+)(?:\.(.+))?$/.exec(i.path);
  if (m) return { row: m[1], column: m[2] && m[2] !== "_" ? m[2] : "–" };
  return { row: "(file)", column: "–" };
}

export function ProblemTable({ caption, issues }: { caption: string; issues: Issue[] }) {
  return (
    <table className="stack-table" id="file-problems">
      <caption style={{ textAlign: "left" }}>{caption}</caption>
      <thead><tr><th scope="col" className="num">Row</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
      <tbody>
        {issues.map((i, k) => {
          const at = place(i);
          return (
            <tr key={k}>
              <td data-label="Row" className="num">{at.row}</td>
              <td data-label="Column">{at.column === "–" ? "–" : <code>{at.column}</code>}</td>
              <td data-label="Problem">{i.message}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
