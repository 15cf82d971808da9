//! Dataset export round trips.
