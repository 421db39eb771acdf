// The problems or warnings of an uploaded file as a table: sheet, row and column for an XLSForm,
// the place in the definition for JSON. Used by the upload form and the version page. Stacked
// rows on a phone (staff.css), so it needs no sideways scrolling.

export type FileIssue = { path: string; message: string; sheet?: string; row?: number; column?: string };

export function IssueTable(props: { id: string; caption: string; issues: FileIssue[] }) {
  const located = props.issues.some((i) => i.sheet);
  return (
    <table id={props.id} className="issues stack-table">
      <caption>{props.caption}</caption>
      <thead>
        {located ? (
          <tr><th scope="col">Sheet</th><th scope="col" className="num">Row</th><th scope="col">Column</th><th scope="col">Problem</th></tr>
        ) : (
          <tr><th scope="col">Where</th><th scope="col">Problem</th></tr>
        )}
      </thead>
      <tbody>
        {props.issues.map((i, n) =>
          located ? (
            <tr key={n}>
              <td data-label="Sheet">{i.sheet ?? (i.path === "file" || i.path === "_" ? "(file)" : i.path)}</td>
              <td data-label="Row" className="num">{i.row ?? "–"}</td>
              <td data-label="Column">{i.column ? <code>{i.column}</code> : "–"}</td>
              <td data-label="Problem">{i.message}</td>
            </tr>
          ) : (
            <tr key={n}>
              <td data-label="Where">{i.path && i.path !== "_" ? <code>{i.path}</code> : "(file)"}</td>
              <td data-label="Problem">{i.message}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
