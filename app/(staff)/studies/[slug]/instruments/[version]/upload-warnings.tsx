"use client";
// After an upload: the warnings the server found in the file, handed over by the upload form
// (sessionStorage, this tab only) and shown once on the new version's page. After a plain post
// (scripts off) the page passes them in from the upload route's cookie instead.
import { useEffect, useState } from "react";
import { IssueTable, type FileIssue } from "../issue-table";

type Warnings = { file: string; warnings: FileIssue[] };

export function UploadWarnings(props: { versionId: string; initial?: Warnings | null }) {
  const [data, setData] = useState<Warnings | null>(props.initial ?? null);
  useEffect(() => {
    const key = `pw-upload:${props.versionId}`;
    const raw = sessionStorage.getItem(key);
    if (!raw) return;
    try {
      setData(JSON.parse(raw) as { file: string; warnings: FileIssue[] });
    } catch {
      sessionStorage.removeItem(key);
    }
  }, [props.versionId]);
  if (!data) return null;
  if (data.warnings.length === 0) return <p>{data.file} had no warnings.</p>;
  return (
    <section aria-labelledby="upload-warnings-title">
      <h2 id="upload-warnings-title">{data.warnings.length} warning{data.warnings.length === 1 ? "" : "s"} in {data.file}</h2>
      <p>The version was saved; these are worth checking.</p>
      <IssueTable id="upload-warnings" caption={`Warnings in ${data.file}`} issues={data.warnings} />
    </section>
  );
}
