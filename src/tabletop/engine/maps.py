"""Read-only mappings of the game state that a command can change without copying them.

A state is immutable, so a command that records one decision used to copy the whole map
of decisions (and of obligations, and of open decision points) to change one entry: a
cost that grew with the length of the game. A `Layered` map shares an unchanging base
with the states before it and keeps only the few entries changed since; now and then the
layers are merged into a new base, so lookups stay two dict probes and the merging costs
a constant share per change. Iteration order is a dict's: insertion order, an updated
key keeps its place, a key deleted and added again goes to the end.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from math import isqrt
from types import MappingProxyType
from typing import Any

_GONE: Any = object()  # in `_changed`: the base's key was deleted
_MISSING: Any = object()

LAYER_FROM = 64
"""Maps smaller than this are copied whole, which is cheaper at that size."""


class Layered(Mapping[Any, Any]):
    """An immutable mapping: a shared base, then the base keys changed and the keys added."""

    __slots__ = ("_base", "_changed", "_len", "_tail")

    def __init__(self, base: Mapping[Any, Any]) -> None:
        self._base = base  # never changed by anyone: a proxy of a dict that only it sees
        self._changed: dict[Any, Any] = {}
        self._tail: dict[Any, Any] = {}
        self._len = len(base)

    def __getitem__(self, key: Any) -> Any:
        tail = self._tail
        if key in tail:
            return tail[key]
        value = self._changed.get(key, _MISSING)
        if value is _MISSING:
            return self._base[key]
        if value is _GONE:
            raise KeyError(key)
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        """The value for key, else default."""
        tail = self._tail
        if key in tail:
            return tail[key]
        value = self._changed.get(key, _MISSING)
        if value is _MISSING:
            return self._base.get(key, default)
        return default if value is _GONE else value

    def __contains__(self, key: object) -> bool:
        if key in self._tail:
            return True
        value = self._changed.get(key, _MISSING)
        return key in self._base if value is _MISSING else value is not _GONE

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[Any]:
        changed = self._changed
        if changed:
            yield from (k for k in self._base if changed.get(k) is not _GONE)
        else:
            yield from self._base
        yield from self._tail

    def __repr__(self) -> str:
        return f"Layered({dict(self.items())!r})"

    def merged(self) -> dict[Any, Any]:
        """The contents as one new dict, in order."""
        out = self._base.copy()  # type: ignore[attr-defined]
        for key, value in self._changed.items():
            if value is _GONE:
                del out[key]
            else:
                out[key] = value
        out.update(self._tail)
        return out  # type: ignore[no-any-return]

    def draft(self) -> LayeredDraft | dict[Any, Any]:
        """A private, changeable copy: the same base with the layers copied, or one merged
        dict once the layers have grown to a fair share of the base."""
        # Each command copies the layers and each merge copies the base: layers of about
        # the square root of the base's size keep the sum of the two small.
        if len(self._changed) + len(self._tail) > LAYER_FROM // 2 + isqrt(len(self._base)):
            return self.merged()
        out = LayeredDraft(self._base)
        out._changed = self._changed.copy()
        out._tail = self._tail.copy()
        out._len = self._len
        return out


class LayeredDraft(Layered, MutableMapping[Any, Any]):
    """The changeable copy a fold works on; `frozen()` hands it over as a Layered."""

    __slots__ = ()

    def __setitem__(self, key: Any, value: Any) -> None:
        tail = self._tail
        if key in tail:
            tail[key] = value
            return
        changed = self._changed
        old = changed.get(key, _MISSING)
        if (old is _MISSING and key in self._base) or (old is not _MISSING and old is not _GONE):
            changed[key] = value  # an update keeps the key's place
            return
        tail[key] = value  # new, or deleted and added again: at the end
        self._len += 1

    def __delitem__(self, key: Any) -> None:
        tail = self._tail
        if key in tail:
            del tail[key]
            self._len -= 1
            return
        changed = self._changed
        old = changed.get(key, _MISSING)
        if old is _GONE or (old is _MISSING and key not in self._base):
            raise KeyError(key)
        changed[key] = _GONE
        self._len -= 1

    def frozen(self) -> Layered:
        """The same contents as an immutable Layered (this draft is not to be used after)."""
        out = Layered.__new__(Layered)
        out._base, out._changed, out._tail, out._len = (
            self._base,
            self._changed,
            self._tail,
            self._len,
        )
        return out


def thaw(value: Mapping[Any, Any]) -> dict[Any, Any] | LayeredDraft:
    """A private, changeable copy of a state's map, as cheap as its size allows."""
    if isinstance(value, Layered):
        return value.draft()
    if len(value) < LAYER_FROM:
        return value.copy() if isinstance(value, MappingProxyType | dict) else dict(value)
    if isinstance(value, MappingProxyType):
        return LayeredDraft(value)  # the proxy of a frozen state's dict: shared as it is
    return LayeredDraft(MappingProxyType(dict(value)))


def freeze(value: dict[Any, Any] | LayeredDraft) -> Mapping[Any, Any]:
    """A changeable copy made by `thaw`, read-only again."""
    if isinstance(value, LayeredDraft):
        return value.frozen()
    return MappingProxyType(value)
