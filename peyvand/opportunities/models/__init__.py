"""The city's project pitches (with the parties interested in them) and the funding calls
the office watches, with its applications to them. One module per part; import from here."""

from __future__ import annotations

from .funding import Application, ApplicationStatus, FundingCall
from .pitches import (
    Instrument,
    InterestedParty,
    PartyFollowUp,
    Pitch,
    PitchDocument,
    PitchDocumentKind,
    PitchStage,
    PitchStatus,
)

__all__ = [
    "Application",
    "ApplicationStatus",
    "FundingCall",
    "Instrument",
    "InterestedParty",
    "PartyFollowUp",
    "Pitch",
    "PitchDocument",
    "PitchDocumentKind",
    "PitchStage",
    "PitchStatus",
]
