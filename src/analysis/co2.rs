//! The carbon of a trip: grams of CO2 equivalent per passenger-kilometre, by way of travelling.
//!
//! Every factor is ADEME's (the French agency for ecological transition), from its Base Carbone®,
//! as its calculator Impact CO2 (<https://impactco2.fr>, data file
//! `src/data/categories/deplacement.json` of `github.com/incubateur-ademe/impactco2`) publishes
//! them: the values in use in 2023, under the Licence Ouverte / Etalab 2.0. Each factor is the sum
//! of the parts Impact CO2 lists: fuel or electricity (production and use), the vehicle's
//! construction and, for planes, contrails. The construction of roads, rails and airports is not
//! included. A car counts one person in it, as ADEME's factor does.

use crate::model::location::Mode;

/// A published factor: grams of CO2 equivalent per passenger-kilometre, with where it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Factor {
    pub grams_per_km: f64,
    /// The vehicle, as ADEME names it (French).
    pub name: &'static str,
    /// ADEME's Base Carbone documentation page it comes from.
    pub source: &'static str,
    pub year: u16,
}

const ROAD: &str = "https://base-empreinte.ademe.fr/documentation/base-carbone?docLink=Routier2";
const RAIL: &str =
    "https://base-empreinte.ademe.fr/documentation/base-carbone?docLink=Ferroviaire2";
const AIR: &str = "https://base-empreinte.ademe.fr/documentation/base-carbone?docLink=aerien";

const fn factor(grams_per_km: f64, name: &'static str, source: &'static str) -> Factor {
    Factor {
        grams_per_km,
        name,
        source,
        year: 2023,
    }
}

/// Thermal car, one person: 192 g (fuel) + 25.6 g (construction).
pub const CAR: Factor = factor(217.6, "Voiture, moteur thermique", ROAD);
/// Motorbike: 165 g + 27 g.
pub const MOTORCYCLE: Factor = factor(192.0, "Moto", ROAD);
/// Thermal city bus: 104 g + 8.7 g.
pub const BUS: Factor = factor(112.7, "Bus, moteur thermique", ROAD);
/// Regional train (TER): 22.9 g + 4.79 g.
pub const TER: Factor = factor(27.69, "TER", RAIL);
/// High-speed train (TGV): 2.3 g + 0.63 g.
pub const TGV: Factor = factor(2.93, "TGV", RAIL);
/// Underground: 4.2 g + 0.24 g.
pub const SUBWAY: Factor = factor(4.44, "Métro", RAIL);
/// Tram: 3.8 g + 0.48 g.
pub const TRAM: Factor = factor(4.28, "Tramway", RAIL);
/// Plane, short haul (up to 1,000 km): 141.2 g + 0.38 g + 117 g of contrails.
pub const PLANE_SHORT: Factor = factor(258.58, "Avion, court courrier", AIR);
/// Plane, medium haul (1,000–3,500 km): 102.4 g + 0.36 g + 84.8 g.
pub const PLANE_MEDIUM: Factor = factor(187.56, "Avion, moyen courrier", AIR);
/// Plane, long haul (over 3,500 km): 83 g + 0.26 g + 68.7 g.
pub const PLANE_LONG: Factor = factor(151.96, "Avion, long courrier", AIR);

/// Every factor in use, as the app lists its sources.
pub const FACTORS: [Factor; 10] = [
    CAR,
    MOTORCYCLE,
    BUS,
    TER,
    TGV,
    SUBWAY,
    TRAM,
    PLANE_SHORT,
    PLANE_MEDIUM,
    PLANE_LONG,
];

/// Trains of this length or more are counted as high-speed ones (Impact CO2 offers the TGV from
/// 150 km, and the TER up to 150 km).
const TGV_FROM_M: f64 = 150_000.0;

/// Whether the carbon of `mode` is counted: not for a boat (Impact CO2 has no factor for it) nor
/// an unknown mode, whose distance is shown but whose carbon is not guessed.
pub fn counted(mode: Mode) -> bool {
    !matches!(mode, Mode::Ferry | Mode::Still | Mode::Unknown)
}

/// The factor for a leg of `metres` by `mode`; `None` for walking, running, cycling and skiing
/// (no emissions), and where [`counted`] is false.
pub fn factor_for(mode: Mode, metres: f64) -> Option<Factor> {
    match mode {
        Mode::Car => Some(CAR),
        Mode::Motorcycle => Some(MOTORCYCLE),
        Mode::Bus => Some(BUS),
        Mode::Train if metres >= TGV_FROM_M => Some(TGV),
        Mode::Train => Some(TER),
        Mode::Subway => Some(SUBWAY),
        Mode::Tram => Some(TRAM),
        Mode::Flying if metres <= 1_000_000.0 => Some(PLANE_SHORT),
        Mode::Flying if metres <= 3_500_000.0 => Some(PLANE_MEDIUM),
        Mode::Flying => Some(PLANE_LONG),
        _ => None,
    }
}

/// Grams of CO2 equivalent for one leg, rounded to the gram; `None` when its carbon is not [`counted`].
pub fn grams(mode: Mode, metres: f64) -> Option<u64> {
    if !counted(mode) {
        return None;
    }
    let grams_per_km = factor_for(mode, metres).map_or(0.0, |f| f.grams_per_km);
    let grams = (metres.max(0.0) / 1000.0 * grams_per_km).round();
    // Bounded by the length of a leg (at most half the Earth's circumference).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Some(grams.min(1e15) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors_are_the_sums_of_the_parts_ademe_lists() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(CAR.grams_per_km, 192.0 + 25.6));
        assert!(close(PLANE_SHORT.grams_per_km, 141.2 + 0.38 + 117.0));
        assert!(close(PLANE_MEDIUM.grams_per_km, 102.4 + 0.36 + 84.8));
        assert!(close(PLANE_LONG.grams_per_km, 83.0 + 0.26 + 68.7));
        assert!(close(TGV.grams_per_km, 2.3 + 0.63));
        assert!(close(TER.grams_per_km, 22.9 + 4.79));
        for f in FACTORS {
            assert_eq!(f.year, 2023);
            assert!(f.source.starts_with("https://base-empreinte.ademe.fr/"));
        }
    }

    #[test]
    fn grams_by_hand() {
        // 12.5 km alone in a car: 12.5 × 217.6 = 2,720 g.
        assert_eq!(grams(Mode::Car, 12_500.0), Some(2_720));
        // Paris–Nice by plane, 686 km: short haul, 686 × 258.58 = 177,385.88 g.
        assert_eq!(grams(Mode::Flying, 686_000.0), Some(177_386));
        // Paris–Athens, 2,100 km: medium haul, 2,100 × 187.56 = 393,876 g.
        assert_eq!(grams(Mode::Flying, 2_100_000.0), Some(393_876));
        // Paris–New York, 5,840 km: long haul, 5,840 × 151.96 = 887,446.4 g.
        assert_eq!(grams(Mode::Flying, 5_840_000.0), Some(887_446));
        // La Rochelle–Paris by train, 470 km: TGV, 470 × 2.93 = 1,377.1 g; 40 km: TER, 1,107.6 g.
        assert_eq!(grams(Mode::Train, 470_000.0), Some(1_377));
        assert_eq!(grams(Mode::Train, 40_000.0), Some(1_108));
        assert_eq!(grams(Mode::Cycling, 8_000.0), Some(0));
        assert_eq!(grams(Mode::Ferry, 8_000.0), None);
        assert_eq!(grams(Mode::Unknown, 8_000.0), None);
    }
}
