//! Native integration tests: one binary, one module per concern.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod integration {
    pub mod activity;
    pub mod amazon;
    pub mod archives;
    pub mod chat;
    pub mod common;
    pub mod day;
    pub mod energy;
    pub mod export;
    pub mod health;
    pub mod home;
    pub mod inspect;
    pub mod layers;
    pub mod media_netflix_youtube;
    pub mod media_spotify;
    pub mod money;
    pub mod people;
    pub mod points;
    pub mod portrait;
    pub mod scan;
    pub mod social;
    pub mod social_archives;
    pub mod social_details;
    pub mod social_meta;
    pub mod social_meta_profile;
    pub mod social_snapchat;
    pub mod social_tiktok_linkedin;
    pub mod social_tiktok_txt;
    pub mod social_x;
    pub mod sources;
    pub mod trips;
    pub mod uber;
}
