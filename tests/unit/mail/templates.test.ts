import { describe, expect, it } from "vitest";
import { renderPreview, TEMPLATE_NAMES, TEMPLATES } from "../../../emails";
import * as invitation from "../../../emails/invitation";
import { escapeHtml } from "../../../lib/text/escape-html";

describe("email templates", () => {
  const cases = TEMPLATE_NAMES.flatMap((name) => TEMPLATES[name].languages.map((lang) => [name, lang] as const));

  it.each(cases)("%s renders subject, HTML and text in %s", (name, lang) => {
    const r = renderPreview(name, lang);
    expect(r.subject.length).toBeGreaterThan(5);
    expect(r.html).toContain(`<html lang="${lang}">`);
    expect(r.text.length).toBeGreaterThan(40);
    if (TEMPLATES[name].audience === "respondent") {
      expect(r.text).toContain("olena.kovalenko@example.org");
      if (TEMPLATES[name].bulk) expect(r.text).toContain("/u/preview-token");
    }
  });

  it("has every respondent template in uk, ru, nb and en, each with its own wording", () => {
    for (const name of TEMPLATE_NAMES.filter((n) => TEMPLATES[n].audience === "respondent")) {
      expect([...TEMPLATES[name].languages].sort()).toEqual(["en", "nb", "ru", "uk"]);
      const subjects = new Set(["uk", "ru", "nb", "en"].map((l) => renderPreview(name, l).subject));
      expect(subjects.size).toBe(4);
    }
  });

  it("puts the personal link in both bodies and the stop-emails link in the footer", () => {
    const r = invitation.render({ ...invitation.defaultProps, language: "nb", link: "https://p.example/s/abc123" });
    expect(r.text).toContain("https://p.example/s/abc123");
    expect(r.html).toContain('href="https://p.example/s/abc123"');
    expect(r.html).toContain('href="http://localhost:3000/u/preview-token"');
    expect(r.text).toContain("Undersøkelsen er åpen til 31. oktober 2023");
  });

  it("escapes study names and contact details in HTML, and leaves the plain text readable", () => {
    const r = invitation.render({ ...invitation.defaultProps, language: "en", studyName: `<script>alert("x")</script> & Co`, contactName: "O'Brien <ob@x>" });
    expect(r.html).not.toContain("<script>");
    expect(r.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(r.html).toContain("O&#39;Brien &lt;ob@x&gt;");
    expect(r.text).toContain(`<script>alert("x")</script> & Co`);
    expect(escapeHtml(`"'<>&`)).toBe("&quot;&#39;&lt;&gt;&amp;");
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => invitation.render({ ...invitation.defaultProps, link: "javascript:alert(1)" })).toThrow(/Refusing/);
  });

  it("renders a study's name and contact person into a preview", () => {
    const r = renderPreview("reminder", "uk", { studyName: "Study X", contactName: "Ada", contactEmail: "ada@example.org" });
    expect(r.subject).toBe("Нагадування: опитування «Study X»");
    expect(r.text).toContain("Ada (ada@example.org)");
  });
});
