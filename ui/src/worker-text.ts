// The worker's route: who to turn to, with what Keuzehulp's sources say about each. Facts
// only from the seed documents (named by their document id), written in our own words; where
// the sources say nothing, the text says so. Dutch first, English second.
import { lang } from "./i18n";

export interface Person { id: string; who: string; record: string; text: string[]; sources: string[] }

const nl: Person[] = [
    {
      id: "leidinggevende", who: "Uw leidinggevende", record: "",
      text: [
        "Trek op tijd aan de bel bij uw leidinggevende. Volgens de Kamerbrief over burn-out begint het voorkomen van klachten en uitval bij het opmerken van klachten en er op tijd met de leidinggevende over praten.",
        "Leidinggevenden hebben daarin een grote rol: opletten, luisteren en iets doen. De organisatie hoort hen daarbij te steunen.",
      ],
      sources: ["kamerbrief-tno-burnout-2020"],
    },
    {
      id: "bedrijfsarts", who: "Het open spreekuur van de bedrijfsarts", record: "open-spreekuur-bedrijfsarts",
      text: [
        "Bij de arbodienst is een open en vertrouwelijk spreekuur van de bedrijfsarts. U kunt er terecht om over uw mentale gezondheid te praten, ook als u gewoon werkt.",
        "Volgens de leidraad ziet 60% van de arboprofessionals dat medewerkers dit spreekuur regelmatig tot vaak gebruiken. Hoe de vertrouwelijkheid geregeld is, staat niet in de bronnen.",
      ],
      sources: ["leidraad"],
    },
    {
      id: "vertrouwenspersoon", who: "De vertrouwenspersoon", record: "vertrouwenspersoon",
      text: [
        "Gaan uw zorgen over ongewenste omgangsvormen, zoals pesten, intimidatie, discriminatie of agressie? Vraag dan naar de vertrouwenspersoon van uw organisatie.",
        "Volgens de Kamerbrief kan een vertrouwenspersoon die een goede plek heeft in de organisatie helpen om het werk veilig te maken.",
      ],
      sources: ["kamerbrief-tno-burnout-2020"],
    },
    {
      id: "huisarts", who: "De huisarts", record: "",
      text: ["De bronnen van Keuzehulp beschrijven de huisarts niet als plek voor zorgen over het werk. Daarom staat hier niets meer over."],
      sources: [],
    },
  ];

const en: Person[] = [
    {
      id: "leidinggevende", who: "Your team leader", record: "",
      text: [
        "Raise the alarm with your team leader in time. According to the letter to parliament on burn-out, preventing complaints and absence starts with noticing complaints and talking about them with the team leader in time.",
        "Team leaders play a big part in this: noticing, listening and acting. The organisation should support them in it.",
      ],
      sources: ["kamerbrief-tno-burnout-2020"],
    },
    {
      id: "bedrijfsarts", who: "The occupational physician's open consultation", record: "open-spreekuur-bedrijfsarts",
      text: [
        "The occupational health service has an open, confidential consultation hour with the occupational physician. You can go there to talk about your mental health, also while you are still working.",
        "According to the guideline, 60% of occupational health professionals see workers use it regularly to often. How confidentiality is arranged is not in the sources.",
      ],
      sources: ["leidraad"],
    },
    {
      id: "vertrouwenspersoon", who: "The confidential adviser", record: "vertrouwenspersoon",
      text: [
        "Are your worries about unwanted behaviour, such as bullying, intimidation, discrimination or aggression? Then ask for your organisation's confidential adviser (vertrouwenspersoon).",
        "According to the letter to parliament, a confidential adviser with a good place in the organisation can help make work safe.",
      ],
      sources: ["kamerbrief-tno-burnout-2020"],
    },
    {
      id: "huisarts", who: "Your GP", record: "",
      text: ["Keuzehulp's sources do not describe the GP as a place for worries about work, so nothing more is said here."],
      sources: [],
    },
  ];

export function workerPeople(): Person[] {
  return lang() === "en" ? en : nl;
}
