//! The word lists the analysis reads: stop words, the words a question or a told situation
//! is asked with, the particles of separable verbs, protected forms, who asks, and the
//! bounds of decompounding.

use super::words::{folded_words, holds_phrase};

/// Words that carry no meaning for search.
pub(super) const STOP_WORDS: &[&str] = &[
    "aan", "al", "als", "bij", "dan", "dat", "de", "deze", "die", "dit", "door", "een", "en", "er", "ge", "had", "heb",
    "hebben", "heeft", "het", "hij", "hoe", "hun", "ik", "in", "is", "je", "jij", "kan", "me", "men", "met", "mij",
    "mijn", "na", "naar", "niet", "nog", "of", "om", "ons", "ook", "op", "over", "te", "tot", "u", "uit", "van",
    "en/of", "veel", "voor", "was", "wat", "we", "wel", "wie", "wij", "wil", "wordt", "ze", "zich", "zij", "zijn",
    "zo", "zou",
];

/// Who is asking, as a sentence gives it away: a team leader speaks of "mijn team" or "mijn
/// mensen", an employer or HR adviser of "onze medewerkers" or "ons personeel", a worker of
/// herself ("ik", "mijn"). A role of the taxonomy, or none when the sentence does not say.
/// The first rule that matches decides (one about another worker gives none); the phrases
/// are compared as folded words.
pub(super) const ASKERS: &[(&str, &[&str])] = &[
    (
        "leidinggevende",
        &[
            "mijn team",
            "mijn teams",
            "mijn mensen",
            "mijn medewerkers",
            "mijn medewerker",
            "mijn afdeling",
            "mijn teamleden",
            "in mijn team",
            "my team",
            "my staff",
            "my people",
            "my employees",
            "my direct reports",
        ],
    ),
    (
        "werkgever",
        &[
            "onze medewerkers",
            "ons personeel",
            "onze organisatie",
            "onze werknemers",
            "ons bedrijf",
            "onze mensen",
            "our staff",
            "our employees",
            "our organisation",
            "our organization",
            "our company",
            "our workers",
        ],
    ),
    // Someone who tells about another worker, or about the staff, is not asking for herself:
    // no role then ("hoe zie ik *of iemand* opbrandt", "ik wil *medewerkers* eerder zien").
    (
        "",
        &[
            "een medewerker",
            "een werknemer",
            "een collega",
            "dat iemand",
            "of iemand",
            "als iemand",
            "wanneer iemand",
            "medewerkers",
            "werknemers",
            "an employee",
            "a worker",
            "a colleague",
            "if someone",
            "whether someone",
            "that someone",
            "when someone",
            "employees",
            "workers",
        ],
    ),
    ("medewerker", &["ik", "mij", "me", "mijn", "i", "my", "myself"]),
];

/// The roles a person names herself by ("*als teamleider*", "*ik ben bedrijfsarts*", "*as
/// a manager*"), by the taxonomy's role. Naming herself decides who asks before anything
/// else ([`asker`]), and the word only adds score ([`own_counterparts`]): it says who asks,
/// not what she is looking for.
const SELF_NAMED: &[(&str, &[&str])] = &[
    (
        "leidinggevende",
        &[
            "leidinggevende",
            "teamleider",
            "teamleidster",
            "manager",
            "teammanager",
            "afdelingshoofd",
            "afdelingsmanager",
        ],
    ),
    ("werkgever", &["werkgever", "directeur", "ondernemer", "hradviseur", "employer"]),
    ("arboprofessional", &["bedrijfsarts", "arbeidsdeskundige", "arboverpleegkundige", "casemanager"]),
];

/// Each word of `words` (folded, in order) by which a person names herself ([`SELF_NAMED`]),
/// with its role: after "als", "ik ben", "as a(n)" or "i am a(n)".
fn self_named(words: &[&str]) -> Vec<(usize, &'static str)> {
    let before = |i: usize, back: usize| i.checked_sub(back).map(|j| words[j]);
    (0..words.len())
        .filter_map(|i| {
            let role = SELF_NAMED.iter().find(|(_, nouns)| nouns.contains(&words[i]))?.0;
            let introduced = before(i, 1) == Some("als")
                || (before(i, 1) == Some("ben") && before(i, 2) == Some("ik"))
                || (matches!(before(i, 1), Some("a" | "an")) && matches!(before(i, 2), Some("as" | "am")));
            introduced.then_some((i, role))
        })
        .collect()
}

/// The role a sentence is asked from ([`SELF_NAMED`], then [`ASKERS`]), if it says.
pub fn asker(text: &str) -> Option<&'static str> {
    let words = folded_words(text);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    if let Some(&(_, role)) = self_named(&refs).first() {
        return Some(role);
    }
    ASKERS
        .iter()
        .find(|(_, phrases)| phrases.iter().any(|p| holds_phrase(&words, p)))
        .map(|(role, _)| *role)
        .filter(|r| !r.is_empty())
}

/// The people a worker answers to, as she names them: "*mijn leidinggevende*", "*my
/// manager*"; and a bedrijfsarts's own consultation ("*mijn spreekuur*"). Named after a word
/// of [`OWN`], such a word is the one she talks to or where she is, not what she wants help
/// for ("hoe begin ik het gesprek over stress met *mijn leidinggevende*?"): it
/// does not decide which records match, it only adds score (see [`own_counterparts`]).
const COUNTERPARTS: &[&str] = &[
    "leidinggevende",
    "baas",
    "chef",
    "manager",
    "teamleider",
    "teamleidster",
    "werkgever",
    "directeur",
    "leiding",
    "boss",
    "supervisor",
    "employer",
    // A bedrijfsarts's own consultation is where she sees it, not what she looks for ("een
    // werknemer *op mijn spreekuur*").
    "spreekuur",
    "spreekuren",
    "praktijk",
];

/// The words by which a worker names her own: "mijn", "m'n", "my" (and "line" in "my line
/// manager").
const OWN: &[&str] = &["mijn", "m'n", "my"];

/// The places in `words` (folded, in order) of each word of [`COUNTERPARTS`] that follows
/// a word of [`OWN`] ("met *mijn leidinggevende*", "to *my line manager*"), and of each word
/// by which the person names herself ([`SELF_NAMED`]: "*als teamleider*").
pub fn own_counterparts(words: &[&str]) -> Vec<usize> {
    let mut out: Vec<usize> = (1..words.len())
        .filter(|&i| COUNTERPARTS.contains(&words[i]))
        .filter(|&i| OWN.contains(&words[i - 1]) || (i >= 2 && words[i - 1] == "line" && OWN.contains(&words[i - 2])))
        .collect();
    out.extend(self_named(words).into_iter().map(|(i, _)| i));
    out.sort_unstable();
    out.dedup();
    out
}

/// English words that only join the others ("return *to* work", "caring *for a* parent"):
/// an English thesaurus term and an English query are matched without them, on both sides,
/// so a term does not hang on which of them a searcher typed. Function words of the Snowball
/// English stop list (snowballstem.org, "english stop word list"), the pronouns and
/// auxiliaries a question is asked with.
pub const ENGLISH_JOINING_WORDS: &[&str] = &[
    "a", "about", "after", "am", "an", "and", "are", "as", "at", "be", "been", "being", "by", "can", "could", "do",
    "does", "for", "from", "had", "has", "have", "her", "his", "how", "i", "in", "into", "is", "it", "its", "me", "my",
    "of", "on", "or", "our", "she", "should", "so", "that", "the", "their", "them", "they", "this", "to", "us", "was",
    "we", "were", "what", "when", "where", "which", "who", "with", "would", "you", "your",
];

/// Words that carry no meaning in a question or sentence typed into the search box ("wat
/// kan ik doen als iemand gepest wordt?"): question words, pronouns, auxiliary verbs, the
/// words of asking. Left out of a query only; the index keeps them (they are rarely in it
/// anyway). A query made of nothing else keeps them.
pub(super) const QUESTION_WORDS: &[&str] = &[
    "alsjeblieft",
    "beste",
    "doe",
    "doen",
    "doet",
    "echt",
    "ervoor",
    "ga",
    "gaan",
    "gaat",
    "graag",
    "heel",
    "hoe",
    "iemand",
    "iets",
    "jou",
    "jouw",
    "jullie",
    "krijg",
    "krijgen",
    "krijgt",
    "kun",
    "kunnen",
    "kunt",
    "mag",
    "mijzelf",
    "moet",
    "moeten",
    "mogen",
    "onze",
    "terecht",
    "uw",
    "waar",
    "waardoor",
    "waarmee",
    "waarom",
    "wanneer",
    "welk",
    "welke",
    "werd",
    "wilde",
    "wilden",
    "willen",
    "wilt",
    "word",
    "worden",
    "zelf",
    "zoek",
    "zoeken",
    "zullen",
    "please",
    "what",
    "how",
    "who",
    "where",
    "which",
    "when",
    "why",
    "can",
    "could",
    "should",
    "do",
    "does",
    "my",
    "our",
    "someone",
    "the",
    "a",
    "an",
    "for",
    "to",
    "with",
    "about",
    "is",
    "are",
    "am",
    "of",
    "and",
    "or",
    "i",
    "we",
    "you",
    "me",
    "help",
];

/// The rest of the Snowball project's Dutch stop-word list (snowballstem.org, "Dutch stop
/// word list", as tantivy ships it), which [`STOP_WORDS`] does not hold: left out of a
/// sentence typed into the search box like [`QUESTION_WORDS`]. In a told situation ("mijn
/// team weet niet *meer* waarom…") such a word would otherwise meet a record by chance, or
/// through a stem of another sense ("meer" → "mer").
pub(super) const SNOWBALL_DUTCH: &[&str] = &[
    "alles", "altijd", "andere", "ben", "daar", "der", "doch", "dus", "eens", "geen", "geweest", "haar", "hem", "hier",
    "iets", "ja", "kon", "maar", "meer", "niets", "nu", "omdat", "onder", "reeds", "tegen", "toch", "toen", "waren",
    "want", "wezen", "zal", "zonder",
];

/// Everyday words that tell *how* a situation is, not *what* it is (issue #26): adverbs of
/// frequency, degree and time ("sinds corona", "tijdens de dienst"), quantifiers, people in general ("iedereen", "niemand", "mensen",
/// as "iemand" among the [`QUESTION_WORDS`]), and verbs of knowing and saying that carry no
/// subject. Left out of a sentence like [`QUESTION_WORDS`]; several stem into a word of
/// another sense ("vaak" → "vak", "weet" → "wet", "hele" → "hel").
pub(super) const TELLING_WORDS: &[&str] = &[
    "allemaal",
    "bijna",
    "eigenlijk",
    "elke",
    "erg",
    "gewoon",
    "hele",
    "helemaal",
    "ieder",
    "iedere",
    "iedereen",
    "mensen",
    "nadat",
    "niemand",
    "nooit",
    "precies",
    "sinds",
    "sindsdien",
    "soms",
    "steeds",
    "tijdens",
    "vaak",
    "vaker",
    "weer",
    "weet",
    "weten",
    "wist",
    "zeggen",
    "zegt",
    "zei",
];

/// Base words for decompounding that users type but the catalogue may not contain.
pub(super) const EXTRA_WORDS: &str = include_str!("woorden.txt");

/// The particles of Dutch separable verbs ("scheidbaar samengestelde werkwoorden": "ze
/// pesten hem *weg*" is *wegpesten*, "ik val bijna *uit*" is *uitvallen*). A small list of
/// the common adverbial and prepositional particles, after the Algemene Nederlandse
/// Spraakkunst (Taalunie, e-ANS, "Scheidbaar samengestelde werkwoorden") and Taalunie's
/// Taaladvies ("Scheidbare werkwoorden"). A query rejoins a particle with a verb before it
/// only when the joined word is one the catalogue or the thesaurus knows.
pub(super) const PARTICLES: &[&str] = &[
    "aan", "af", "bij", "buiten", "door", "in", "los", "mee", "na", "neer", "om", "op", "over", "samen", "terug",
    "toe", "uit", "vast", "weg",
];

/// Words after which a particle is a preposition, not the end of a separable verb ("ik werk
/// *in de* zorg", "op *mijn* werk"): articles, possessives and demonstratives.
pub(super) const DETERMINERS: &[&str] = &[
    "de", "het", "een", "mijn", "jouw", "je", "uw", "zijn", "haar", "ons", "onze", "hun", "dit", "deze", "die", "dat",
    "elke", "ieder", "iedere", "alle",
];

/// Words that end the clause a particle belongs to: a particle is not joined with a verb
/// before them.
pub(super) const CLAUSE_BREAKS: &[&str] =
    &["en", "maar", "want", "omdat", "als", "dat", "die", "wanneer", "terwijl", "of", "dus"];

/// How many words back a particle looks for its verb.
pub(super) const PARTICLE_REACH: usize = 5;

/// Words kept as they are, not stemmed, because the stem would join them with a word of
/// another sense: "zorgen" (worries; also the verb "to see to") would otherwise become
/// "zorg", the care sector, and be widened with care words. Applies to records and queries
/// alike. Also "slechts" (only), which the stemmer makes "slecht" (bad: "ik slaap slecht"),
/// and "leeg" (drained, empty), which it makes "leg" (I lay: "ik leg de lat hoog"), and
/// "ouders" (parents), which it makes "ouder" as it does "oudere" (older: "oudere
/// medewerkers die voor hun ouders zorgen"). A word
/// whose stem is a stop word ("overheid" → "over") is kept as it is without a list (see
/// [`Analyzer::stem`]).
pub(super) const PROTECTED: &[&str] = &["zorgen", "slechts", "leeg", "ouders"];

/// "zorgen" in "zorgen *dat*" and "*ervoor* zorgen" means to see to it, a verb of doing like
/// "maken", not the worries of "mijn zorgen" nor the care of "zorgen voor mijn moeder": then
/// it is left out of a sentence like [`QUESTION_WORDS`] (Van Dale, "zorgen", sense 2: "ervoor
/// zorgen dat …").
pub(super) const SEE_TO_IT: (&[&str], &[&str]) =
    (&["zorg", "zorgen", "zorgt", "zorgde", "zorgden"], &["dat", "ervoor"]);

/// Words of a span of time, and the words that make one of them say *when* or *how long*
/// ("*vorige week*", "*al drie maanden*", "*elke avond*"): such a time expression tells when
/// a situation happened, like "sinds" among the [`TELLING_WORDS`], not what it is; it is
/// left out of a sentence like them. The plural forms tell a duration wherever they stand
/// ("*weken* ziek"); a singular one only after a word of the second list, so that a name
/// ("*Week* van de Werkstress") is still found by its words.
pub(super) const TIME_SPANS: (&[&str], &[&str], &[&str]) = (
    &["dagen", "weken", "maanden", "jaren", "avonden", "nachten"],
    &["dag", "week", "maand", "jaar", "avond", "nacht", "ochtend", "middag"],
    &[
        "vorige",
        "vorig",
        "afgelopen",
        "deze",
        "dit",
        "volgende",
        "volgend",
        "komende",
        "elke",
        "iedere",
        "ieder",
        "per",
        "een",
        "twee",
        "drie",
        "vier",
        "vijf",
        "zes",
        "paar",
        "al",
        "hele",
        "halve",
        "laatste",
        "eerste",
        "zelfde",
    ],
);

/// The longest piece of an abbreviation written with a sign ("RI&E", "P&O", "24/7"): the
/// sign stays in the word, so that "P&O" (personeelszaken) does not become "po" (primair
/// onderwijs).
pub(super) const MAX_ABBREVIATION_PIECE: usize = 3;

/// Shortest part a compound is split into.
pub(super) const MIN_PART: usize = 4;
/// Shortest word that is tried as a compound.
pub(super) const MIN_COMPOUND: usize = 2 * MIN_PART;
/// Longest word that is tried as a compound ("arbeidsongeschiktheidsverzekeringen" has 35
/// letters).
pub(super) const MAX_COMPOUND: usize = 64;
