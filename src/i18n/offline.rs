//! Whether this device can open Reflet again without a network (the service worker, `sw.js`),
//! in French and English, for the promise page.
//!
//! `boot.js` writes where offline use stands on the page's root as `data-offline`; the promise
//! page renders one sentence per state and `styles/offline.css` shows the one that matches, so
//! the sentence follows the state live without any code reading it.

use super::Lang;

/// The values of `data-offline` that `boot.js` writes, in the order the page lists them.
pub const STATES: &[&str] = &["pending", "ready", "insecure", "unsupported", "failed"];

/// The sentence for one state of offline use (empty for an unknown state).
pub fn offline_status(lang: Lang, state: &str) -> &'static str {
    let (fr, en) = match state {
        "pending" => (
            "Reflet garde en ce moment ses propres fichiers sur cet appareil, pour pouvoir s'y \
             ouvrir sans réseau.",
            "Reflet is keeping its own files on this device right now, so that it can open here \
             without a network.",
        ),
        "ready" => (
            "Sur cet appareil, Reflet s'ouvre aussi sans réseau\u{a0}: il y a gardé ses propres \
             fichiers, jamais les vôtres.",
            "On this device, Reflet also opens without a network: it kept its own files here, \
             never yours.",
        ),
        "insecure" => (
            "Pour que Reflet puisse aussi s'ouvrir sans réseau, ouvrez-le depuis une adresse \
             sécurisée (https).",
            "For Reflet to open without a network too, open it from a secure (https) address.",
        ),
        "unsupported" => (
            "Ce navigateur ne permet pas à Reflet de s'ouvrir sans réseau (en navigation privée, \
             par exemple).",
            "This browser does not let Reflet open without a network (in a private window, for \
             instance).",
        ),
        "failed" => (
            "Reflet n'a pas pu garder ses fichiers sur cet appareil\u{a0}: sans réseau, il ne \
             s'ouvrira pas.",
            "Reflet could not keep its files on this device: without a network, it will not open.",
        ),
        _ => ("", ""),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_sentence_in_both_languages_with_french_spacing() {
        for &state in STATES {
            let (fr, en) = (
                offline_status(Lang::Fr, state),
                offline_status(Lang::En, state),
            );
            assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{state}");
            for mark in [" :", " ;", " ?", " !", " »", "« "] {
                assert!(!fr.contains(mark), "{state}: {mark:?}");
            }
        }
        assert_eq!(offline_status(Lang::En, "other"), "");
    }

    #[test]
    fn the_states_are_those_boot_js_writes_and_offline_css_shows() {
        let boot = include_str!("../../boot.js");
        let css = include_str!("../../styles/offline.css");
        for &state in STATES {
            assert!(boot.contains(&format!("'{state}'")), "{state} in boot.js");
            let rule = format!("[data-offline=\"{state}\"] .offline-status.{state}");
            assert!(css.contains(&rule), "{state} in styles/offline.css");
        }
    }
}
