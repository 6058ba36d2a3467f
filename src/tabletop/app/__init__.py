"""The application layer every interface calls: the CLI, the desktop console, the browser.

- `Workspace`: the user's packs and session database, and the services on them (start,
  open, report, verify, export, import, delete), with one resolver of "session id,
  unique prefix, or exported .jsonl file".
- `Game`: one open session, its verbs (each the engine's pure command, committed, then
  shown to subscribers), option previews, a lock that serialises commands.
- `Situation`: where a game stands, in words, built from the pack and the state.
- `Lobby` and `Room`: the seats others join from their own devices with a code, the
  proposals they send, the projector's reveals; `seat_boards`: what each device is shown.

It imports the core and the store, never an interface toolkit.
"""

from tabletop.app.errors import AppError, PackMismatch, PackNotFound
from tabletop.app.game import (
    Applied,
    AreaForImprovement,
    Game,
    MemoryLog,
    OptionPreview,
    Result,
    utc_now,
)
from tabletop.app.lobby import Admission, JoinRefused, Lobby
from tabletop.app.logs import LogSource, Verification
from tabletop.app.paper_locale import default_paper
from tabletop.app.reports import BINARY_FORMATS, EXTENSIONS, FORMATS, ReportOutput, format_for
from tabletop.app.room import Proposal, Room, RoomSeat
from tabletop.app.situation import Situation, build_situation
from tabletop.app.workspace import Workspace
from tabletop.engine import Refusal
from tabletop.packs import LoadedPack, LoadResult
from tabletop.report import PAPERS, Paper

__all__ = [
    "BINARY_FORMATS",
    "EXTENSIONS",
    "FORMATS",
    "PAPERS",
    "Admission",
    "AppError",
    "Applied",
    "AreaForImprovement",
    "Game",
    "JoinRefused",
    "LoadResult",
    "LoadedPack",
    "Lobby",
    "LogSource",
    "MemoryLog",
    "OptionPreview",
    "PackMismatch",
    "PackNotFound",
    "Paper",
    "Proposal",
    "Refusal",
    "ReportOutput",
    "Result",
    "Room",
    "RoomSeat",
    "Situation",
    "Verification",
    "Workspace",
    "build_situation",
    "default_paper",
    "format_for",
    "utc_now",
]
