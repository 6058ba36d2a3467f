"""Check a mandate catalogue on its own: the schema, and the lint that needs no pack."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tabletop.jsonloc.diagnostics import Diagnostic
from tabletop.jsonloc.documents import read_limited
from tabletop.model import Catalogue, Meta, Pack
from tabletop.packs.lint_base import Index, check_duplicates, condition_sites, warning
from tabletop.packs.lint_effects import check_effects
from tabletop.packs.lint_flow import facts_read
from tabletop.packs.lint_refs import check_references
from tabletop.packs.lint_values import check_values
from tabletop.packs.loader import parse_catalogue
from tabletop.packs.origins import CatalogueFile, Origins


@dataclass(frozen=True)
class CatalogueResult:
    """The outcome of checking one catalogue file."""

    path: str
    catalogue: Catalogue | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return self.catalogue is not None


def _as_pack(cat: Catalogue) -> Pack:
    # Unvalidated on purpose: a pack needs roles and phases, the lint of a catalogue does not.
    meta = Meta.model_construct(sources=cat.sources)
    return Pack.model_construct(
        meta=meta,
        catalogues=(),
        actors=cat.actors,
        instruments=cat.instruments,
        action_types=cat.action_types,
        facts=cat.facts,
        figures=cat.figures,
        extends=(),
        objectives=(),
        roles=(),
        phases=(),
        injects=(),
        decision_points=(),
    )


def check_catalogue(data: bytes, name: str) -> CatalogueResult:
    """Schema, duplicate ids, references and value types of a catalogue; pure."""
    cat, diags = parse_catalogue(data, name)
    if cat is None:
        return CatalogueResult(name, None, tuple(diags))
    pack = _as_pack(cat)
    empty = Pack.model_construct(
        meta=Meta.model_construct(sources=()),
        actors=(),
        facts=(),
        action_types=(),
        instruments=(),
        figures=(),
    )
    origins = Origins(empty, name, data)
    origins.add_catalogues([CatalogueFile(name, data, cat)])
    index = Index(pack)
    findings = [
        *check_duplicates(pack),
        *check_references(pack, index),
        *check_values(pack, index),
        *check_effects(pack, index),
    ]
    read: set[str] = set()
    for site in condition_sites(pack):
        read |= facts_read(site.condition, index.consent_facts)
    findings += [
        warning(
            "fact-never-read",
            f"/facts/{i}/id",
            f"fact '{spec.id}' is never read by a condition of this catalogue",
            "Use it in a power or limit, or move it to the packs that read it.",
        )
        for i, spec in enumerate(cat.facts)
        if spec.id not in read
    ]
    diags.extend(origins.diagnostic(f) for f in findings)
    ok = not any(d.severity == "error" for d in diags)
    return CatalogueResult(name, cat if ok else None, tuple(diags))


def is_catalogue_path(path: Path, head: bytes) -> bool:
    """Whether a file is a mandate catalogue: in a 'catalogues' folder, or says so in $schema."""
    return path.parent.name == "catalogues" or b"mandate-catalogue.schema.json" in head[:2048]


def load_catalogue(path: str | Path) -> CatalogueResult:
    """Check a catalogue file; never raises for problems in it."""
    path = Path(path)
    data, unread = read_limited(path)
    if data is None:
        return CatalogueResult(str(path), None, (unread,) if unread else ())
    return check_catalogue(data, str(path))
