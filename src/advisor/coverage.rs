//! The aanbod-scan: what an organisation already offers, over the level × step matrix, and
//! where nothing covers a cell yet.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::catalogue::{Intervention, Taxonomy};

/// One cell of the level × step coverage matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CoverageCell {
    /// Level.
    pub level: String,
    /// Step.
    pub step: String,
    /// What the organisation already offers here.
    pub covered_by: Vec<String>,
    /// How many interventions in the catalogue fit here.
    pub available: usize,
}

/// The aanbod-scan: what is covered and what is missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Coverage {
    /// Every cell, level by level, step by step.
    pub cells: Vec<CoverageCell>,
    /// The cells nothing covers yet.
    pub gaps: Vec<(String, String)>,
    /// Ids given as already offered that the catalogue does not know.
    pub unknown: Vec<String>,
}

/// The aanbod-scan over the level × step matrix.
pub fn coverage(records: &[Intervention], taxonomy: &Taxonomy, have: &[String]) -> Coverage {
    let levels: Vec<&str> = taxonomy.levels.iter().map(|t| t.id.as_str()).collect();
    let steps: Vec<&str> = taxonomy.steps.iter().map(|t| t.id.as_str()).collect();
    let cell_of = |level: &str, step: &str| -> Option<usize> {
        Some(levels.iter().position(|l| *l == level)? * steps.len() + steps.iter().position(|s| *s == step)?)
    };
    let mut available = vec![0usize; levels.len() * steps.len()];
    let mut covered_by: Vec<Vec<String>> = vec![Vec::new(); levels.len() * steps.len()];
    let mut known = BTreeSet::new();
    for r in records {
        let offered = have.contains(&r.id);
        if offered {
            known.insert(r.id.as_str());
        }
        for level in &r.levels {
            for step in &r.steps {
                if let Some(cell) = cell_of(level, step) {
                    available[cell] += 1;
                    if offered {
                        covered_by[cell].push(r.id.clone());
                    }
                }
            }
        }
    }
    let unknown = have.iter().filter(|id| !known.contains(id.as_str())).cloned().collect();
    let mut cells = Vec::new();
    let mut gaps = Vec::new();
    for (li, level) in levels.iter().enumerate() {
        for (si, step) in steps.iter().enumerate() {
            let cell = li * steps.len() + si;
            let covered_by = std::mem::take(&mut covered_by[cell]);
            if covered_by.is_empty() {
                gaps.push((level.to_string(), step.to_string()));
            }
            cells.push(CoverageCell {
                level: level.to_string(),
                step: step.to_string(),
                covered_by,
                available: available[cell],
            });
        }
    }
    Coverage { cells, gaps, unknown }
}
