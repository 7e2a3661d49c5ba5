"""Records: dataclasses whose `repr` and `==` are written once, here.

`@dataclass` writes and compiles `__init__`, `__repr__` and `__eq__` for each
class as its module is imported. Every command loads the model and the
document model, so compiling the last two for each of their classes was a
part of every `cwgdraft export` worth saving. `@record` makes a dataclass
with its `__init__` only; `Record` gives it the `repr` and the field by field
`==` a dataclass has (and, like a dataclass with `==`, no hash).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


@cache
def field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names, in order, looked up once per class; None for anything else."""
    return tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None


@cache
def _shown(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.repr)


@cache
def _compared(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.compare)


class Record:
    __slots__ = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _shown(type(self)))
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _compared(type(self)))

    __hash__ = None  # type: ignore[assignment]  # mutable: unhashable, as a dataclass with ==


@dataclass_transform()
def record(cls: type[T]) -> type[T]:
    """A dataclass of `cls` (a `Record`) with only its `__init__` written for it."""
    made: Any = dataclass(cls, repr=False, eq=False)
    return made
