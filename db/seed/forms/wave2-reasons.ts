// The 14 reasons for leaving Norway (STUDY.md), in the published order. R = returned, M = moved on.
import type { Option } from "../../../lib/surveys/definition";
import { t } from "./text";

const R = "${where_now} = 'returned'";
const M = "${where_now} = 'moved_on'";

export const REASONS: Option[] = [
  { code: "ukraine_home", relevant: R, label: t("Україна — мій дім", "Украина — мой дом", "Ukraina er hjemmet mitt", "Ukraine is my home") },
  { code: "longing", relevant: R, label: t("Я / моя родина сумували за Україною і хотіли повернутися", "Я / моя семья скучали по Украине и хотели вернуться", "Jeg / familien min lengtet tilbake til Ukraina", "I / my family was longing to go back to Ukraine") },
  {
    // One variable, two wordings: reports use the combined label and footnote the variants.
    code: "family",
    label: t(
      "Щоб бути з членами родини в Україні / Щоб бути ближче до родини та друзів",
      "Чтобы быть с членами семьи в Украине / Чтобы быть ближе к семье и друзьям",
      "For å være sammen med familiemedlemmer i Ukraina / For å være nærmere familie og venner",
      "To be with family members back in Ukraine / To be closer to family and friends",
    ),
    labelVariants: [
      { when: R, label: t("Щоб бути з членами родини в Україні", "Чтобы быть с членами семьи в Украине", "For å være sammen med familiemedlemmer i Ukraina", "To be with family members back in Ukraine") },
      { when: M, label: t("Щоб бути ближче до родини та друзів", "Чтобы быть ближе к семье и друзьям", "For å være nærmere familie og venner", "To be closer to family and friends") },
    ],
  },
  { code: "competence", label: t("У Норвегії важко застосувати мої знання / кваліфікацію", "В Норвегии трудно применить мои знания / квалификацию", "Vanskelig å bruke kompetansen / kvalifikasjonene mine i Norge", "Hard to use my competence / qualifications in Norway") },
  { code: "safer", relevant: R, label: t("Повертатися в Україну стало безпечно / безпечніше, ніж раніше", "Возвращаться в Украину стало безопасно / безопаснее, чем раньше", "Det føltes trygt / tryggere å flytte tilbake til Ukraina enn før", "It felt safe / safer to move back to Ukraine than previously") },
  { code: "children_education", label: t("Освіта дітей", "Образование детей", "Barnas utdanning", "Children's education") },
  { code: "no_work", label: t("Не вдалося знайти роботу в Норвегії", "Не удалось найти работу в Норвегии", "Fant ikke arbeid i Norge", "Could not find work in Norway") },
  { code: "lack_support", label: t("Брак підтримки в Норвегії (практичної, фінансової тощо)", "Недостаток поддержки в Норвегии (практической, финансовой и т. д.)", "Manglende støtte i Norge (praktisk, økonomisk osv.)", "Lack of support in Norway (practical, financial, etc.)") },
  { code: "expectations", label: t("Норвегія не виправдала моїх очікувань", "Норвегия не оправдала моих ожиданий", "Norge levde ikke opp til forventningene mine", "Norway did not meet my expectations") },
  { code: "temporary", relevant: R, label: t("Я в Україні лише тимчасово; можливо, знову виїду за кордон", "Я в Украине лишь временно; возможно, снова уеду за границу", "Jeg er bare midlertidig tilbake i Ukraina; kan komme til å flytte utenlands igjen", "I'm only temporarily back in Ukraine; might move abroad again") },
  { code: "other", label: t("Інша причина (уточніть, будь ласка)", "Другая причина (пожалуйста, уточните)", "Annen grunn (vennligst spesifiser)", "Other reason (please specify)") },
  { code: "language", relevant: M, label: t("Мовні труднощі", "Языковые трудности", "Språklige utfordringer", "Language challenges") },
  { code: "better_opportunities", relevant: M, label: t("Кращі можливості в іншій країні", "Лучшие возможности в другой стране", "Bedre muligheter i et annet land", "Better opportunities in another country") },
  { code: "never_planned", relevant: M, label: t("Я ніколи не планував(-ла) жити в Норвегії", "Я никогда не планировал(а) жить в Норвегии", "Jeg hadde aldri planlagt å bo i Norge", "I never planned to live in Norway") },
];
