//! The façade's shared practice: `share export --since DATE -o FILE` writes the user's
//! evaluated plan items as anonymised outcome records (`crate::dossier::share`), signed with
//! a publisher key when one is given; `share import DIR_OR_URL` reads colleagues' outcome
//! packs from a folder or a web folder, the same way as catalogue updates (an `index.json`
//! listing the packs, each with its `.minisig`), and keeps their records read-only. Every
//! pack must be signed by a trusted key; one bad pack imports none. No server, no sync.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Keuzehulp;
use super::evaluate::item_changes_in;
use super::update::{MAX_UPDATE_BYTES, Source, listed_packs};
use crate::dossier::evaluate::{Lookup, MIN_GROUP, Period};
use crate::dossier::share::{self, FORMAT, Outcome, OutcomePack, SIZE_BANDS, SharedChange, VERSION, key};
use crate::error::{Error, Result};
use crate::signing;

/// What `share export` wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ShareExport {
    /// The pack.
    #[cfg_attr(test, ts(as = "String"))]
    pub path: PathBuf,
    /// How many outcome records it holds.
    pub records: usize,
    /// From how many trajecten.
    pub trajecten: usize,
    /// The signature beside it, when a key was given.
    #[cfg_attr(test, ts(as = "Option<String>"))]
    pub signature: Option<PathBuf>,
}

/// One pack `share import` read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ShareImported {
    /// Its file name (or address).
    pub file: String,
    /// The trusted publisher that signed it.
    pub publisher: String,
    /// Its records.
    pub records: usize,
    /// Records new here.
    pub added: usize,
    /// Records that replaced the same publisher's earlier copy.
    pub replaced: usize,
}

impl Keuzehulp {
    /// The outcome records of the evaluations on or after `since`: per traject and
    /// intervention the newest evaluation, anonymised.
    pub fn share_outcomes(&self, since: &str) -> Result<Vec<Outcome>> {
        crate::time::parse_date("--since", since)?;
        let secret = share::share_secret(&self.store)?;
        let taxonomy = &self.bundled.taxonomy;
        let instruments = self.definitions()?;
        let lookup = Lookup { guides: self.conversation_guides()?, instruments: &instruments };
        let records = self.interventions()?;
        // (traject, intervention) → (evaluation date, outcome).
        let mut newest: BTreeMap<(String, String), (String, Outcome)> = BTreeMap::new();
        for summary in self.store.dossier_list(None)? {
            let d = self.store.dossier(&summary.id)?;
            if d.evaluations.iter().all(|e| e.date.as_str() < since) {
                continue;
            }
            let traject = d.traject.clone().unwrap_or_else(|| d.id.clone());
            let sector = d.info.sector.clone().filter(|s| taxonomy.sectors.iter().any(|t| &t.id == s));
            let size_band = d.info.size_band.clone().filter(|b| SIZE_BANDS.contains(&b.as_str()));
            let measurements = self.store.traject_measurements(&d.id)?;
            for e in d.evaluations.iter().filter(|e| e.date.as_str() >= since) {
                let Some(item) = d.plan.iter().find(|p| p.id == e.item) else { continue };
                let slot = (traject.clone(), item.intervention_id.clone());
                if newest.get(&slot).is_some_and(|(date, _)| date.as_str() >= e.date.as_str()) {
                    continue;
                }
                let record = records.iter().find(|r| r.id == item.intervention_id);
                let level = match (&d.answers.level, &record) {
                    (Some(l), Some(r)) if r.levels.contains(l) => Some(l.clone()),
                    (_, Some(r)) if r.levels.len() == 1 => r.levels.first().cloned(),
                    _ => None,
                };
                let wanted: Vec<String> = d
                    .answers
                    .steps
                    .iter()
                    .flat_map(|s| if s == "B" { vec!["B1".to_string(), "B2".to_string()] } else { vec![s.clone()] })
                    .collect();
                let step = match &record {
                    Some(r) => r
                        .steps
                        .iter()
                        .find(|s| wanted.contains(s))
                        .cloned()
                        .or_else(|| (r.steps.len() == 1).then(|| r.steps[0].clone())),
                    None => None,
                };
                let themes = record.map(|r| r.themes.clone()).unwrap_or_default();
                let (changes, _) = item_changes_in(&measurements, lookup, &themes, item, &e.date);
                let change = changes
                    .iter()
                    .find(|c| c.before.n.is_some_and(|n| n >= MIN_GROUP) && c.after.n.is_some_and(|n| n >= MIN_GROUP))
                    .map(|c| SharedChange {
                        kind: c.kind,
                        source: c.source.clone(),
                        key: c.key.clone(),
                        before: c.before.value,
                        after: c.after.value,
                        n_before: c.before.n.unwrap_or(0),
                        n_after: c.after.n.unwrap_or(0),
                    });
                let from = item
                    .start_date
                    .clone()
                    .or_else(|| changes.first().map(|c| c.before.date.clone()))
                    .unwrap_or_else(|| e.date.clone());
                let outcome = Outcome {
                    record: key(&secret, &[&traject, &item.intervention_id]),
                    traject: key(&secret, &[&traject]),
                    intervention: item.intervention_id.clone(),
                    sector: sector.clone(),
                    size_band: size_band.clone(),
                    level,
                    step,
                    carried_out: e.carried_out,
                    verdict: e.verdict,
                    change,
                    period: Period { from: from.min(e.date.clone()), to: e.date.clone() },
                };
                newest.insert(slot, (e.date.clone(), outcome));
            }
        }
        Ok(newest.into_values().map(|(_, o)| o).collect())
    }

    /// `share export`: writes the outcome records since `since` to `path` (an existing file
    /// stays unless `replace`), and signs it with the secret key `key` when given.
    pub fn share_export(&self, since: &str, path: &Path, key: Option<&Path>, replace: bool) -> Result<ShareExport> {
        crate::replace::check_target(path, replace)?;
        let outcomes = self.share_outcomes(since)?;
        let trajecten = outcomes.iter().map(|o| o.traject.as_str()).collect::<BTreeSet<_>>().len();
        let pack = OutcomePack {
            format: FORMAT.into(),
            version: VERSION,
            exported_at: self.clock().now_utc(),
            since: since.to_string(),
            outcomes,
        };
        let json = serde_json::to_string_pretty(&pack).map_err(Error::json("het praktijkpakket"))?;
        crate::replace::write_new(path, json.as_bytes(), replace)?;
        let signature = match key {
            Some(key) => Some(signing::sign(path, key)?.0),
            None => None,
        };
        Ok(ShareExport { path: path.to_path_buf(), records: pack.outcomes.len(), trajecten, signature })
    }

    /// `share import DIR_OR_URL`: the outcome packs a folder's (or web folder's)
    /// `index.json` lists, or one pack file; each must be signed by a trusted key and pass
    /// every check before the first is kept. Answers per pack what it added.
    pub fn share_import(&mut self, from: &str) -> Result<Vec<ShareImported>> {
        let from = from.trim();
        let single = Path::new(from);
        let mut arrived = Vec::new();
        if !crate::fetch::is_web(from) && single.is_file() {
            let text = crate::catalogue::read_pack_file(single)?;
            let signature_file = signing::signature_path(single);
            let signature = signing::read_signature_file(&signature_file)?.map(|t| (signature_file, t));
            arrived.push((single.display().to_string(), single.to_path_buf(), text, signature));
        } else {
            let source = Source::new(from)?;
            let (index_name, names) = listed_packs(&source)?;
            let mut total = 0u64;
            for name in names {
                let a = source.pack(&name)?;
                total += a.text.len() as u64;
                if total > MAX_UPDATE_BYTES {
                    return Err(Error::InvalidInput {
                        field: index_name,
                        message: format!("de pakketten zijn samen groter dan {} MB", MAX_UPDATE_BYTES / 1_000_000),
                    });
                }
                arrived.push((name, a.name, a.text, a.signature));
            }
        }
        let trust = self.store.trust_list()?;
        let mut checked: Vec<(String, String, OutcomePack)> = Vec::new();
        for (file, name, text, signature) in arrived {
            let Some((signature_file, signature)) = signature else {
                return Err(Error::Signature {
                    path: signing::signature_path(&name),
                    reason: format!(
                        "{} is niet ondertekend; praktijk van collega's telt alleen mee als een vertrouwde sleutel het pakket ondertekende (keuzehulp share export --key)",
                        name.display()
                    ),
                });
            };
            let publisher =
                signing::verify(text.as_bytes(), &signature_file, &signature, &trust, &self.today())?.name.clone();
            let invalid = |field: String, message: String| Error::Invalid {
                path: name.clone(),
                problems: vec![crate::catalogue::validate::Problem {
                    file: name.display().to_string(),
                    field,
                    message,
                }],
            };
            let pack: OutcomePack = serde_json::from_str(&text).map_err(|e| {
                invalid(
                    format!("{}:{}", e.line(), e.column()),
                    format!("geen praktijkpakket van Keuzehulp ({})", crate::error::printable(&e.to_string())),
                )
            })?;
            let problems = share::check_pack(&pack);
            if !problems.is_empty() {
                return Err(Error::Invalid {
                    path: name.clone(),
                    problems: problems
                        .into_iter()
                        .map(|(field, message)| crate::catalogue::validate::Problem {
                            file: name.display().to_string(),
                            field,
                            message,
                        })
                        .collect(),
                });
            }
            checked.push((file, publisher, pack));
        }
        let mut out = Vec::new();
        for (file, publisher, pack) in checked {
            let (added, replaced) = self.store.share_import(&publisher, &pack.outcomes)?;
            out.push(ShareImported { file, publisher, records: pack.outcomes.len(), added, replaced });
        }
        Ok(out)
    }
}
