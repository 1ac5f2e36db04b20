//! Pure types and rules of Tisserand: what an actor, a contact and a commune
//! are, and what makes them valid. This crate does no IO: no files, no SQL, no
//! clock reads except through values passed in.

pub mod actor;
pub mod agreement;
pub mod backup;
pub mod board;
pub mod clock;
pub mod commune;
pub mod contact;
pub mod duplicate;
pub mod error;
pub mod essaimage;
pub mod event;
pub mod hash;
pub mod home;
pub mod identifiers;
pub mod impact;
pub mod import;
pub mod merge;
mod orders;
pub mod partnership;
pub mod planner;
pub mod possibles;
pub mod rameau;
pub mod register;
pub mod search;
pub mod settings;
pub mod story;
pub mod text;
pub mod valid;

pub use actor::{
    Actor, ActorDetail, ActorInput, ActorKind, ActorPage, ActorQuery, ActorSummary, ActorTies,
    Facet, Facets, Resource, ResourceCategory, ResourceSubcategory, SizeBand,
};
pub use board::{
    Board, BoardColumn, CountBy, MatrixCell, Overview, PartnershipPage, PartnershipSort,
};
pub use clock::Clock;
pub use commune::{Commune, CommuneRef, NamedCode};
pub use contact::{
    Consent, Contact, ContactCard, ContactInput, ContactPage, ContactQuery, ContactSource,
    ContactSummary, LegalBasis, MailingExclusion,
};
pub use error::{FieldError, ValidationErrors};
pub use essaimage::EssaimagePlan;
pub use partnership::{
    Contribution, ContributionKind, Counterpart, Indicator, Measure, MecenatBalance, MergedEntity,
    Modes, NextAction, Objective, ObjectiveAxis, Partnership, PartnershipDetail, PartnershipInput,
    PartnershipLink, PartnershipQuery, PartnershipSummary, Party, PartyRole, PartySummary,
    PartyTotal, Stage, TimelineEntry, TimelineFact, Totals,
};
pub use possibles::Possibility;
pub use rameau::{
    classification_questions, classify, ClassificationProposal, ClassificationQuestion,
    MecenatKind, Question, RameauMode,
};
pub use register::{AssociationRegime, RegisterCourt, RegisterHint};
pub use search::{SearchEntity, SearchHit};
pub use valid::Valid;
