//! One search box over casussen, notes, decisions and actions (FTS5 inside the encrypted
//! database). Another member's private preparation note never matches.

use kernteam_domain::{MemberId, SearchHit};
use rusqlite::params;

use super::{casus_label, parse_id};
use crate::{Result, Store};

/// User text as an FTS5 query: each word quoted (so `"`, `*`, `-` or `OR` typed by a user are
/// never syntax) and prefix-matched, all words required.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

impl Store {
    /// Newest first (index order): FTS5 then stops after `limit` visible hits instead of
    /// ranking every match, which keeps a common word fast on 50,000 notes.
    pub fn search(
        &self,
        text: &str,
        viewer: Option<MemberId>,
        limit: u32,
    ) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.kind, d.casus_id, p.given_name, p.family_name, c.pseudonym,
                    snippet(search_text, 0, '[', ']', '…', 12)
             FROM search_text s
             JOIN search_docs d ON d.doc = s.rowid
             LEFT JOIN casussen c ON c.id = d.casus_id
             LEFT JOIN pupils p ON p.id = c.pupil_id
             WHERE search_text MATCH ?1 AND (d.visibility = 'team' OR d.author_id = ?2)
             ORDER BY s.rowid DESC LIMIT ?3",
        )?;
        let rows = stmt.query_map(params![query, viewer.map(|v| v.to_string()), limit], |r| {
            let casus_id: Option<kernteam_domain::CasusId> =
                r.get::<_, Option<String>>(1)?.map(parse_id).transpose()?;
            let casus_label = match (casus_id, casus_label(r, 2)?) {
                (None, _) => None,
                (Some(_), (label, initials)) if label != initials => {
                    Some(format!("{label} ({initials})"))
                }
                (Some(_), (pseudonym, _)) => Some(pseudonym),
            };
            Ok(SearchHit {
                kind: crate::records::parse_code(
                    r.get(0)?,
                    kernteam_domain::SearchHitKind::from_code,
                )?,
                casus_id,
                casus_label,
                snippet: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn user_text_never_becomes_fts_syntax() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("hoofdpijn"), Some("\"hoofdpijn\"*".into()));
        assert_eq!(
            fts_query("M@ZL \"OR\" -x*"),
            Some("\"m\"* \"zl\"* \"or\"* \"x\"*".into())
        );
    }
}
