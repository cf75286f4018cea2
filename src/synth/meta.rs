//! A seeded "many small files" export: Facebook and Instagram JSON files ("Download your
//! information", 2024–2025 layouts, `../shared/formats.md` sections 2 and 3), with Meta's encoding
//! quirk: every UTF-8 byte of a non-ASCII character is written as its own `\u00XX` escape
//! (`é` → `\u00c3\u00a9`), in values and in keys alike.
//!
//! A French user's two exports, as extracted side by side in one folder: a few dozen account files
//! each (profile, friends, ads interests, off-Meta activity, logins…), then one folder per message
//! thread (`…/messages/inbox/<name>_<id>/message_1.json`) up to the number of files asked for. The
//! ground truth is what Reflet's reports must say about them: how many files, their total size,
//! and how many of each detected kind and outcome. Nothing here is ever a real person's data.

use std::collections::BTreeMap;
use std::io;

use serde::{Deserialize, Serialize};

use super::Rng;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct MetaSpec {
    pub seed: u64,
    /// How many files in all (at least the account files: 28).
    pub files: u64,
}

/// What Reflet must report about the files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaTruth {
    pub files: u64,
    /// Their total size, uncompressed.
    pub bytes: u64,
    /// Files by detected kind (`unknown`, or a source id): Reflet reads the files of [`READ`] and
    /// the message threads; every other file is `unknown`.
    pub kinds: BTreeMap<String, u64>,
    /// Files reported with an error: none, every file is valid JSON.
    pub errors: u64,
    /// Strings written with mojibake (at least one non-ASCII character).
    pub mojibake_strings: u64,
}

/// A JSON value, its keys in the order written.
#[derive(Debug, Clone)]
enum J {
    S(String),
    N(i64),
    B(bool),
    A(Vec<J>),
    O(Vec<(&'static str, J)>),
}

fn s(text: impl Into<String>) -> J {
    J::S(text.into())
}

/// Writes JSON as Meta does: two-space indents, `"key": value`, empty arrays on three lines,
/// and every byte of non-ASCII text as a `\u00XX` escape. Returns the strings so escaped.
struct Writer {
    out: Vec<u8>,
    mojibake: u64,
}

impl Writer {
    fn string(&mut self, text: &str) {
        self.out.push(b'"');
        let mut odd = false;
        for &b in text.as_bytes() {
            match b {
                b'"' => self.out.extend_from_slice(b"\\\""),
                b'\\' => self.out.extend_from_slice(b"\\\\"),
                b'\n' => self.out.extend_from_slice(b"\\n"),
                0x20..=0x7e => self.out.push(b),
                _ => {
                    odd |= b >= 0x80;
                    self.out.extend_from_slice(format!("\\u{b:04x}").as_bytes());
                }
            }
        }
        self.mojibake += u64::from(odd);
        self.out.push(b'"');
    }

    fn indent(&mut self, level: usize) {
        self.out.push(b'\n');
        self.out.resize(self.out.len() + 2 * level, b' ');
    }

    fn value(&mut self, value: &J, level: usize) {
        match value {
            J::S(text) => self.string(text),
            J::N(n) => self.out.extend_from_slice(n.to_string().as_bytes()),
            J::B(b) => self
                .out
                .extend_from_slice(if *b { b"true" } else { b"false" }),
            J::A(items) => {
                self.out.push(b'[');
                if items.is_empty() {
                    self.indent(level + 1);
                }
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(b',');
                    }
                    self.indent(level + 1);
                    self.value(item, level + 1);
                }
                self.indent(level);
                self.out.push(b']');
            }
            J::O(fields) => {
                self.out.push(b'{');
                for (i, (key, item)) in fields.iter().enumerate() {
                    if i > 0 {
                        self.out.push(b',');
                    }
                    self.indent(level + 1);
                    self.string(key);
                    self.out.extend_from_slice(b": ");
                    self.value(item, level + 1);
                }
                self.indent(level);
                self.out.push(b'}');
            }
        }
    }
}

/// The bytes of one file, and how many of its strings carry mojibake.
fn render(value: &J) -> (Vec<u8>, u64) {
    let mut writer = Writer {
        out: Vec::with_capacity(4096),
        mojibake: 0,
    };
    writer.value(value, 0);
    (writer.out, writer.mojibake)
}

const FIRST: [&str; 16] = [
    "Hélène",
    "Jérôme",
    "Zoé",
    "François",
    "Maëlle",
    "Noémie",
    "Léa",
    "Cédric",
    "Agnès",
    "Anaïs",
    "Benoît",
    "Chloé",
    "Clément",
    "Inès",
    "Raphaël",
    "Thomas",
];
const LAST: [&str; 12] = [
    "Lefèvre",
    "Bézier",
    "Garçon",
    "Dupré",
    "Géraud",
    "Mérel",
    "Pénard",
    "Lemaître",
    "Fabré",
    "Rochère",
    "Martin",
    "Dubois",
];
const MESSAGES: [&str; 14] = [
    "On se voit à la fête samedi ?",
    "Très bien, merci ! 😊",
    "J'arrive dans 5 minutes, je suis à côté du café",
    "Bon anniversaire ! 🎉",
    "Tu as vu le match hier soir ?",
    "Ça marche, à demain 👍",
    "Le marché de La Rochelle était génial",
    "Désolé, je ne peux pas ce soir",
    "Où est-ce qu'on se retrouve ?",
    "Merci pour le gâteau, c'était délicieux",
    "Rendez-vous à la gare à 18 h",
    "Je t’envoie les photos des vacances à l’île de Ré",
    "ok",
    "Bisous",
];
const TOPICS: [&str; 12] = [
    "Château",
    "Musique de jeu vidéo",
    "Organisation mondiale de la santé",
    "Épicerie",
    "Cinéma français",
    "Randonnée",
    "Pâtisserie",
    "Voile",
    "Île de Ré",
    "Théâtre",
    "Football",
    "Musées",
];
const REACTIONS: [&str; 4] = ["❤", "😆", "👍", "😮"];
const ADVERTISERS: [&str; 8] = [
    "Décathlon",
    "Crédit Agricole Charente-Maritime",
    "Leroy Merlin",
    "Les Échos",
    "Fnac",
    "SNCF Connect",
    "Intermarché",
    "Boulangerie Pâtissière",
];
const APPS: [&str; 5] = [
    "Le Bon Coin",
    "Deezer",
    "Vinted",
    "Météo-France",
    "Doctolib",
];
const OFF_META_EVENTS: [&str; 5] = [
    "PAGE_VIEW",
    "PURCHASE",
    "ADD_TO_CART",
    "ACTIVATE_APP",
    "SEARCH",
];

/// Draws from the pools.
struct Gen {
    rng: Rng,
}

impl Gen {
    fn pick<'a>(&mut self, pool: &[&'a str]) -> &'a str {
        let i = usize::try_from(self.rng.below(pool.len() as u64)).unwrap_or(0);
        pool.get(i).copied().unwrap_or("")
    }
    fn up_to(&mut self, n: u64) -> i64 {
        i64::try_from(self.rng.below(n)).unwrap_or(0)
    }
    fn name(&mut self) -> String {
        format!("{} {}", self.pick(&FIRST), self.pick(&LAST))
    }
    /// A time in the export's span (2018 to 2025), epoch seconds.
    fn time(&mut self) -> i64 {
        1_514_764_800 + self.up_to(252_460_800)
    }
    fn many(&mut self, low: u64, high: u64, mut item: impl FnMut(&mut Gen) -> J) -> J {
        let n = low + self.rng.below(high - low + 1);
        J::A((0..n).map(|_| item(self)).collect())
    }
}

/// A name as Meta puts it in folder names: lower case ASCII letters only (`helenelefevre`).
fn slug(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' | 'É' => Some('e'),
            'à' | 'â' => Some('a'),
            'ç' => Some('c'),
            'î' | 'ï' => Some('i'),
            'ô' => Some('o'),
            'û' => Some('u'),
            c if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

const FB: &str = "facebook-camilledupre-29_11_2025-Xk3pQr7a";
const IG: &str = "instagram-camille.dupre17-2025-11-29-Hq2ZpL0w";
const OWNER: &str = "Camille Dupré";

/// Facebook's account files: (path under the export, content).
#[allow(clippy::too_many_lines)] // one short block per file
fn facebook_files(g: &mut Gen) -> Vec<(String, J)> {
    let named_times = |key: &'static str, g: &mut Gen, low, high| {
        let list = g.many(low, high, |g| {
            J::O(vec![("name", s(g.name())), ("timestamp", J::N(g.time()))])
        });
        J::O(vec![(key, list)])
    };
    let files = vec![
        (
            "personal_information/profile_information/profile_information.json",
            J::O(vec![(
                "profile_v2",
                J::O(vec![
                    (
                        "name",
                        J::O(vec![
                            ("full_name", s(OWNER)),
                            ("first_name", s("Camille")),
                            ("middle_name", s("")),
                            ("last_name", s("Dupré")),
                        ]),
                    ),
                    (
                        "emails",
                        J::O(vec![
                            ("emails", J::A(vec![s("camille.dupre@example.org")])),
                            ("previous_emails", J::A(vec![])),
                        ]),
                    ),
                    (
                        "birthday",
                        J::O(vec![
                            ("year", J::N(1991)),
                            ("month", J::N(4)),
                            ("day", J::N(17)),
                        ]),
                    ),
                    (
                        "current_city",
                        J::O(vec![
                            ("name", s("La Rochelle, France")),
                            ("timestamp", J::N(0)),
                        ]),
                    ),
                    (
                        "hometown",
                        J::O(vec![
                            ("name", s("Besançon, France")),
                            ("timestamp", J::N(0)),
                        ]),
                    ),
                    (
                        "work_experiences",
                        J::A(vec![J::O(vec![
                            ("employer", s("Université de La Rochelle")),
                            ("title", s("Ingénieure d'études")),
                            ("start_timestamp", J::N(1_535_760_000)),
                        ])]),
                    ),
                    ("registration_timestamp", J::N(1_214_870_400)),
                    (
                        "profile_uri",
                        s("https://www.facebook.com/camille.dupre.17"),
                    ),
                ]),
            )]),
        ),
        (
            "connections/friends/your_friends.json",
            named_times("friends_v2", g, 80, 240),
        ),
        (
            "connections/friends/received_friend_requests.json",
            named_times("received_requests_v2", g, 1, 12),
        ),
        (
            "connections/friends/sent_friend_requests.json",
            named_times("sent_requests_v2", g, 1, 8),
        ),
        (
            "connections/friends/removed_friends.json",
            named_times("deleted_friends_v2", g, 0, 6),
        ),
        (
            "connections/followers/who_you've_followed.json",
            named_times("following_v3", g, 5, 40),
        ),
        (
            "logged_information/other_logged_information/ads_interests.json",
            J::O(vec![("topics_v2", g.many(4, 12, |g| s(g.pick(&TOPICS))))]),
        ),
        (
            "ads_information/advertisers_using_your_activity_or_information.json",
            J::O(vec![(
                "custom_audiences_all_types_v2",
                g.many(3, 8, |g| {
                    J::O(vec![
                        ("advertiser_name", s(g.pick(&ADVERTISERS))),
                        ("has_data_file_custom_audience", J::B(g.rng.below(2) == 0)),
                        ("has_remarketing_custom_audience", J::B(g.rng.below(2) == 0)),
                        ("has_in_person_store_visit", J::B(false)),
                    ])
                }),
            )]),
        ),
        (
            "ads_information/advertisers_you've_interacted_with.json",
            J::O(vec![(
                "history_v2",
                g.many(2, 10, |g| {
                    J::O(vec![
                        ("title", s(g.pick(&ADVERTISERS))),
                        ("action", s("Clic sur publicité")),
                        ("timestamp", J::N(g.time())),
                    ])
                }),
            )]),
        ),
        (
            "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
            J::O(vec![(
                "off_facebook_activity_v2",
                g.many(3, 5, |g| {
                    J::O(vec![
                        ("name", s(g.pick(&APPS))),
                        (
                            "events",
                            g.many(1, 30, |g| {
                                J::O(vec![
                                    ("id", J::N(g.up_to(1_000_000_000_000))),
                                    ("type", s(g.pick(&OFF_META_EVENTS))),
                                    ("timestamp", J::N(g.time())),
                                ])
                            }),
                        ),
                    ])
                }),
            )]),
        ),
        (
            "your_facebook_activity/comments_and_reactions/comments.json",
            J::O(vec![(
                "comments_v2",
                g.many(5, 40, |g| {
                    let t = g.time();
                    J::O(vec![
                        ("timestamp", J::N(t)),
                        (
                            "data",
                            J::A(vec![J::O(vec![(
                                "comment",
                                J::O(vec![
                                    ("timestamp", J::N(t)),
                                    ("comment", s(g.pick(&MESSAGES))),
                                    ("author", s(OWNER)),
                                ]),
                            )])]),
                        ),
                        (
                            "title",
                            s(format!(
                                "{OWNER} a commenté la publication de {}.",
                                g.name()
                            )),
                        ),
                    ])
                }),
            )]),
        ),
        (
            "your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json",
            g.many(10, 60, |g| {
                J::O(vec![
                    ("timestamp", J::N(g.time())),
                    (
                        "data",
                        J::A(vec![J::O(vec![(
                            "reaction",
                            J::O(vec![
                                ("reaction", s(g.pick(&["LIKE", "LOVE", "HAHA", "WOW"]))),
                                ("actor", s(OWNER)),
                            ]),
                        )])]),
                    ),
                    (
                        "title",
                        s(format!("{OWNER} a réagi à la publication de {}.", g.name())),
                    ),
                ])
            }),
        ),
        (
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
            g.many(5, 30, |g| {
                let t = g.time();
                J::O(vec![
                    ("timestamp", J::N(t)),
                    (
                        "data",
                        J::A(vec![J::O(vec![
                            ("post", s(g.pick(&MESSAGES))),
                            ("update_timestamp", J::N(t)),
                        ])]),
                    ),
                    ("title", s(format!("{OWNER} a mis à jour son statut."))),
                ])
            }),
        ),
        (
            "your_facebook_activity/events/your_event_responses.json",
            J::O(vec![(
                "event_responses_v2",
                J::O(vec![
                    (
                        "events_joined",
                        g.many(1, 6, |g| {
                            let t = g.time();
                            J::O(vec![
                                ("name", s("Fête de la musique à La Rochelle")),
                                ("start_timestamp", J::N(t)),
                                ("end_timestamp", J::N(t + 14_400)),
                            ])
                        }),
                    ),
                    ("events_declined", J::A(vec![])),
                ]),
            )]),
        ),
        (
            "logged_information/search/your_search_history.json",
            J::O(vec![(
                "searches_v2",
                g.many(5, 30, |g| {
                    let who = g.name();
                    J::O(vec![
                        ("timestamp", J::N(g.time())),
                        ("data", J::A(vec![J::O(vec![("text", s(who))])])),
                        ("title", s("Vous avez effectué une recherche sur Facebook")),
                    ])
                }),
            )]),
        ),
        (
            "logged_information/location/primary_public_location.json",
            J::O(vec![(
                "primary_public_location_v2",
                J::O(vec![
                    ("city", s("La Rochelle")),
                    ("region", s("Nouvelle-Aquitaine")),
                    ("country", s("France")),
                ]),
            )]),
        ),
        (
            "security_and_login_information/ip_address_activity.json",
            J::O(vec![(
                "used_ip_address_v2",
                g.many(5, 25, |g| {
                    J::O(vec![
                        (
                            "ip",
                            s(format!(
                                "2a01:cb10:{:x}::{:x}",
                                g.up_to(65_536),
                                g.up_to(65_536)
                            )),
                        ),
                        ("action", s("Connexion")),
                        ("timestamp", J::N(g.time())),
                        ("user_agent", s("Mozilla/5.0 (Linux; Android 14)")),
                    ])
                }),
            )]),
        ),
        (
            "security_and_login_information/logins_and_logouts.json",
            J::O(vec![(
                "account_accesses_v2",
                g.many(5, 25, |g| {
                    J::O(vec![
                        ("action", s(g.pick(&["Connexion", "Déconnexion"]))),
                        ("timestamp", J::N(g.time())),
                        ("site", s("www.facebook.com")),
                        ("ip_address", s("90.12.34.56")),
                    ])
                }),
            )]),
        ),
    ];
    files
        .into_iter()
        .map(|(path, value)| (format!("{FB}/{path}"), value))
        .collect()
}

/// A generic Instagram record: `{title, media_map_data, string_map_data{label: {href, value,
/// timestamp}}}`, its labels localised (French).
fn string_map(title: &str, fields: Vec<(&'static str, &str, i64)>) -> J {
    J::O(vec![
        ("title", s(title)),
        ("media_map_data", J::O(vec![])),
        (
            "string_map_data",
            J::O(
                fields
                    .into_iter()
                    .map(|(label, value, t)| {
                        (
                            label,
                            J::O(vec![
                                ("href", s("")),
                                ("value", s(value)),
                                ("timestamp", J::N(t)),
                            ]),
                        )
                    })
                    .collect(),
            ),
        ),
    ])
}

/// Instagram's account files.
#[allow(clippy::too_many_lines)] // one short block per file
fn instagram_files(g: &mut Gen) -> Vec<(String, J)> {
    let people = |g: &mut Gen, low, high| {
        g.many(low, high, |g| {
            let user = slug(&g.name());
            J::O(vec![
                ("title", s("")),
                ("media_list_data", J::A(vec![])),
                (
                    "string_list_data",
                    J::A(vec![J::O(vec![
                        ("href", s(format!("https://www.instagram.com/{user}"))),
                        ("value", s(user)),
                        ("timestamp", J::N(g.time())),
                    ])]),
                ),
            ])
        })
    };
    let files = vec![
        (
            "personal_information/personal_information/personal_information.json",
            J::O(vec![(
                "profile_user",
                J::A(vec![string_map(
                    "Informations utilisateur",
                    vec![
                        ("Adresse e-mail", "camille.dupre@example.org", 0),
                        ("Numéro de téléphone confirmé", "False", 0),
                        ("Nom d’utilisateur", "camille.dupre17", 0),
                        ("Nom", OWNER, 0),
                        ("Biographie", "Voile, pâtisserie et île de Ré ⛵", 0),
                        ("Genre", "Femme", 0),
                        ("Date de naissance", "1991-04-17", 0),
                        ("Compte privé", "True", 0),
                    ],
                )]),
            )]),
        ),
        (
            "connections/followers_and_following/followers_1.json",
            people(g, 50, 300),
        ),
        (
            "connections/followers_and_following/following.json",
            J::O(vec![("relationships_following", people(g, 50, 300))]),
        ),
        (
            "connections/followers_and_following/close_friends.json",
            J::O(vec![("relationships_close_friends", people(g, 2, 15))]),
        ),
        (
            "your_instagram_activity/likes/liked_posts.json",
            J::O(vec![(
                "likes_media_likes",
                g.many(10, 80, |g| {
                    let who = slug(&g.name());
                    J::O(vec![
                        ("title", s(who)),
                        (
                            "string_list_data",
                            J::A(vec![J::O(vec![
                                ("href", s("https://www.instagram.com/p/C4xYz/")),
                                ("value", s(g.pick(&REACTIONS))),
                                ("timestamp", J::N(g.time())),
                            ])]),
                        ),
                    ])
                }),
            )]),
        ),
        (
            "your_instagram_activity/comments/post_comments_1.json",
            g.many(3, 20, |g| {
                let (text, owner, t) = (g.pick(&MESSAGES), slug(&g.name()), g.time());
                string_map(
                    "",
                    vec![
                        ("Commentaire", text, 0),
                        ("Propriétaire du contenu", &owner, 0),
                        ("Heure", "", t),
                    ],
                )
            }),
        ),
        (
            "ads_information/ads_and_topics/ads_viewed.json",
            J::O(vec![(
                "impressions_history_ads_seen",
                g.many(10, 60, |g| {
                    let (who, t) = (g.pick(&ADVERTISERS), g.time());
                    string_map("", vec![("Auteur", who, 0), ("Heure", "", t)])
                }),
            )]),
        ),
        (
            "preferences/your_topics/recommended_topics.json",
            J::O(vec![(
                "topics_your_topics",
                g.many(4, 12, |g| {
                    let topic = g.pick(&TOPICS);
                    string_map("", vec![("Nom", topic, 0)])
                }),
            )]),
        ),
        (
            "security_and_login_information/login_and_profile_creation/login_activity.json",
            J::O(vec![(
                "account_history_login_history",
                g.many(5, 25, |g| {
                    let t = g.time();
                    let title = crate::model::time::format_iso(t * 1000);
                    string_map(
                        &title,
                        vec![
                            ("Adresse IP", "90.12.34.56", 0),
                            ("Code de langue", "fr", 0),
                            ("Heure", "", t),
                            ("Agent utilisateur", "Instagram 312.0 Android", 0),
                        ],
                    )
                }),
            )]),
        ),
        (
            "personal_information/information_about_you/profile_based_in.json",
            J::O(vec![(
                "inferred_data_primary_location",
                J::A(vec![string_map(
                    "",
                    vec![("Nom de la ville", "La Rochelle, Nouvelle-Aquitaine", 0)],
                )]),
            )]),
        ),
    ];
    files
        .into_iter()
        .map(|(path, value)| (format!("{IG}/{path}"), value))
        .collect()
}

/// One message thread with `who`: `message_1.json`, newest message first.
fn thread(g: &mut Gen, who: &str, instagram: bool) -> J {
    let mut t = g.time() * 1000 + g.up_to(1000);
    let n = 1 + g.rng.below(30);
    let mut messages = Vec::new();
    for _ in 0..n {
        let sender = if g.rng.below(2) == 0 { OWNER } else { who };
        let mut fields = vec![
            ("sender_name", s(sender)),
            ("timestamp_ms", J::N(t)),
            ("content", s(g.pick(&MESSAGES))),
        ];
        if g.rng.below(8) == 0 {
            let actor = if sender == OWNER { who } else { OWNER };
            fields.push((
                "reactions",
                J::A(vec![J::O(vec![
                    ("reaction", s(g.pick(&REACTIONS))),
                    ("actor", s(actor)),
                ])]),
            ));
        }
        fields.push(("is_geoblocked_for_viewer", J::B(false)));
        if instagram {
            fields.push(("is_unsent_image_by_messenger_kid_parent", J::B(false)));
        }
        messages.push(J::O(fields));
        t -= 60_000 + g.up_to(86_400_000);
    }
    J::O(vec![
        (
            "participants",
            J::A(vec![
                J::O(vec![("name", s(who))]),
                J::O(vec![("name", s(OWNER))]),
            ]),
        ),
        ("messages", J::A(messages)),
        ("title", s(who)),
        ("is_still_participant", J::B(true)),
        ("thread_path", s(format!("inbox/{}", slug(who)))),
        ("magic_words", J::A(vec![])),
    ])
}

/// The files Reflet has a reader for, by the end of their path, and the reader's id (issue 8);
/// message threads are read too (see [`thread_kind`]); every other file is `unknown`.
const READ: [(&str, &str); 22] = [
    (
        "/location/primary_public_location.json",
        "facebook.location",
    ),
    ("/ads_interests.json", "facebook.ad_interests"),
    (
        "/advertisers_using_your_activity_or_information.json",
        "facebook.advertisers",
    ),
    (
        "/your_activity_off_meta_technologies.json",
        "facebook.off_platform",
    ),
    (
        "/connections/friends/your_friends.json",
        "facebook.connections",
    ),
    (
        "/connections/followers/who_you've_followed.json",
        "facebook.connections",
    ),
    (
        "/security_and_login_information/ip_address_activity.json",
        "facebook.logins",
    ),
    (
        "/security_and_login_information/logins_and_logouts.json",
        "facebook.logins",
    ),
    (
        "/followers_and_following/followers_1.json",
        "instagram.connections",
    ),
    (
        "/followers_and_following/following.json",
        "instagram.connections",
    ),
    ("/comments_and_reactions/comments.json", "facebook.activity"),
    (
        "/comments_and_reactions/likes_and_reactions_1.json",
        "facebook.activity",
    ),
    (
        "/posts/your_posts__check_ins__photos_and_videos_1.json",
        "facebook.activity",
    ),
    ("/search/your_search_history.json", "facebook.activity"),
    ("/likes/liked_posts.json", "instagram.activity"),
    ("/comments/post_comments_1.json", "instagram.activity"),
    ("/ads_and_topics/ads_viewed.json", "instagram.activity"),
    (
        "/login_and_profile_creation/login_activity.json",
        "instagram.logins",
    ),
    (
        "/your_topics/recommended_topics.json",
        "instagram.inferences",
    ),
    (
        "/information_about_you/profile_based_in.json",
        "instagram.inferences",
    ),
    (
        "/profile_information/profile_information.json",
        "facebook.profile",
    ),
    (
        "/personal_information/personal_information.json",
        "instagram.profile",
    ),
];

/// A message thread's reader: Instagram's for a thread of its export, else Facebook's.
fn thread_kind(path: &str) -> Option<&'static str> {
    if !(path.contains("/messages/inbox/") && path.ends_with("/message_1.json")) {
        return None;
    }
    Some(if path.starts_with(IG) {
        "instagram.messages"
    } else {
        "facebook.messages"
    })
}

/// Generates the files one by one, handing each (path, bytes) to `each`, and returns what Reflet
/// must report about them.
pub fn write_meta(
    spec: MetaSpec,
    each: &mut dyn FnMut(&str, &[u8]) -> io::Result<()>,
) -> io::Result<MetaTruth> {
    let mut g = Gen {
        rng: Rng::new(spec.seed),
    };
    let mut truth = MetaTruth::default();
    let mut emit = |path: &str, value: &J| -> io::Result<()> {
        let (bytes, mojibake) = render(value);
        let kind = READ
            .iter()
            .find(|(suffix, _)| path.ends_with(suffix))
            .map(|(_, id)| *id)
            .or_else(|| thread_kind(path))
            .unwrap_or(crate::analysis::Kind::UNKNOWN);
        *truth.kinds.entry(kind.to_owned()).or_default() += 1;
        truth.files += 1;
        truth.bytes += bytes.len() as u64;
        truth.mojibake_strings += mojibake;
        each(path, &bytes)
    };
    let mut account = facebook_files(&mut g);
    account.extend(instagram_files(&mut g));
    for (path, value) in &account {
        emit(path, value)?;
    }
    let mut n = account.len() as u64;
    while n < spec.files {
        // Two Facebook threads for one on Instagram.
        let instagram = n % 3 == 2;
        let who = g.name();
        let id = 1_000_000_000 + n * 7_919 % 9_000_000_000;
        let path = if instagram {
            format!(
                "{IG}/your_instagram_activity/messages/inbox/{}_{id}/message_1.json",
                slug(&who)
            )
        } else {
            format!(
                "{FB}/your_facebook_activity/messages/inbox/{}_{id}/message_1.json",
                slug(&who)
            )
        };
        emit(&path, &thread(&mut g, &who, instagram))?;
        n += 1;
    }
    Ok(truth)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generate(seed: u64, files: u64) -> (Vec<(String, Vec<u8>)>, MetaTruth) {
        let mut out = Vec::new();
        let truth = write_meta(MetaSpec { seed, files }, &mut |path, bytes| {
            out.push((path.to_owned(), bytes.to_vec()));
            Ok(())
        })
        .unwrap();
        (out, truth)
    }

    /// FNV-1a over every path and content.
    fn hash(files: &[(String, Vec<u8>)]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (path, bytes) in files {
            for b in path.bytes().chain([0]).chain(bytes.iter().copied()) {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        h
    }

    /// Meta's fix: every code unit ≤ 0xFF becomes a byte, and the bytes are UTF-8.
    fn unmojibake(text: &str) -> String {
        let bytes: Vec<u8> = text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn same_seed_same_bytes() {
        let (a, _) = generate(7, 200);
        let (b, _) = generate(7, 200);
        let (c, _) = generate(8, 200);
        assert_eq!(hash(&a), hash(&b));
        assert_ne!(hash(&a), hash(&c));
        assert_eq!(a.len(), 200);
        let mut paths: Vec<&str> = a.iter().map(|(p, _)| p.as_str()).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), 200, "paths are unique");
    }

    #[test]
    fn files_are_ascii_json_whose_mojibake_decodes_to_the_french_text() {
        let (files, truth) = generate(7, 100);
        assert!(truth.mojibake_strings > 100, "{}", truth.mojibake_strings);
        for (path, bytes) in &files {
            assert!(bytes.is_ascii(), "{path}");
            let _: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        }
        let profile = &files
            .iter()
            .find(|(p, _)| p.ends_with("personal_information/personal_information.json"))
            .unwrap()
            .1;
        let text = std::str::from_utf8(profile).unwrap();
        // As in the real sample (`../shared/samples/instagram/hestia_2022`).
        assert!(text.contains(
            r#""Num\u00c3\u00a9ro de t\u00c3\u00a9l\u00c3\u00a9phone confirm\u00c3\u00a9": {"#
        ));
        let value: serde_json::Value = serde_json::from_slice(profile).unwrap();
        let map = value["profile_user"][0]["string_map_data"]
            .as_object()
            .unwrap();
        let keys: Vec<String> = map.keys().map(|k| unmojibake(k)).collect();
        assert!(keys.contains(&"Nom d’utilisateur".to_owned()), "{keys:?}");
        let bio = map
            .iter()
            .find(|(k, _)| unmojibake(k) == "Biographie")
            .unwrap()
            .1["value"]
            .as_str()
            .unwrap();
        assert_eq!(unmojibake(bio), "Voile, pâtisserie et île de Ré ⛵");
        // Every message of every thread decodes to one of the French sentences.
        let mut seen = 0;
        for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with("message_1.json")) {
            let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            for m in value["messages"].as_array().unwrap() {
                let content = unmojibake(m["content"].as_str().unwrap());
                assert!(MESSAGES.contains(&content.as_str()), "{path}: {content}");
                seen += 1;
            }
        }
        assert!(seen > 100);
    }

    #[test]
    fn reflet_reports_what_the_truth_says() {
        // Every file through the analysis a file in an archive goes through, tallied by kind and
        // outcome; sizes and count counted here, independently of the generator's own tally. On
        // the zip the bench writes, the same count and size in Python:
        // python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]).infolist(); \
        //   print(len(z), sum(i.file_size for i in z))" target/bench/meta-g1-s7-20000files.zip
        let (files, truth) = generate(11, 150);
        let mut kinds: BTreeMap<String, u64> = BTreeMap::new();
        let mut errors = 0;
        for (path, bytes) in &files {
            let analysis = crate::analysis::describe_with(
                path,
                Some(bytes.len() as u64),
                &mut &bytes[..],
                crate::analysis::Memory::Summary,
            );
            *kinds.entry(analysis.kind.into()).or_default() += 1;
            errors += u64::from(analysis.error.is_some());
        }
        assert_eq!(truth.files, files.len() as u64);
        assert_eq!(
            truth.bytes,
            files.iter().map(|(_, b)| b.len() as u64).sum::<u64>()
        );
        assert_eq!(truth.kinds, kinds);
        assert_eq!(truth.errors, errors);
    }
}
