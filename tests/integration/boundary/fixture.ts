// A two-page survey with every kind of free text a post can carry: "other, specify" on a single
// and a multiple choice, a single-line text and a multi-line text.
import type { SurveyDefinitionInput } from "../../../lib/surveys/definition";

export const textSurvey: SurveyDefinitionInput = {
  title: { en: "Texts", uk: "Тексти" },
  languages: ["uk", "en"],
  defaultLanguage: "en",
  pages: [
    {
      id: "p1",
      questions: [
        {
          name: "city", type: "single", required: true, other: true,
          label: { en: "Where do you live?", uk: "Де ви живете?" },
          options: [
            { code: "kyiv", label: { en: "Kyiv", uk: "Київ" } },
            { code: "other", label: { en: "Somewhere else", uk: "Деінде" } },
          ],
        },
        {
          name: "help", type: "multiple", other: true,
          label: { en: "Who helped you?", uk: "Хто вам допоміг?" },
          options: [
            { code: "family", label: { en: "Family", uk: "Родина" } },
            { code: "other", label: { en: "Someone else", uk: "Хтось інший" } },
          ],
        },
        { name: "job", type: "text", label: { en: "Your job", uk: "Ваша робота" } },
        { name: "story", type: "textarea", label: { en: "Your story", uk: "Ваша історія" } },
      ],
    },
    { id: "p2", questions: [{ name: "age", type: "integer", label: { en: "Age", uk: "Вік" } }] },
  ],
};
