"""The OpenAPI document with one name per schema: no two classes share a component.

django-ninja builds each operation's schemas on its own and merges their components by short
class name, so two classes called alike (``Status`` of an action and of a document, the
``MemberOut`` of organisations and of committees) overwrote each other and the document
described the wrong values. Here the document is built twice: the first pass learns which
short names several classes share, the second names those after their app and qualified
name (``ActionsStatus``, ``AnalysisDocumentStatus``); every other name stays as it was.
"""

import re
import threading
from collections import defaultdict
from typing import ClassVar

import ninja.openapi.schema as ninja_openapi
from ninja import NinjaAPI
from ninja.schema import NinjaGenerateJsonSchema
from pydantic.json_schema import DefsRef


def _class_path(core_ref: str) -> str:
    """ "samskapa.analysis.models.Document.Status:1234" → "samskapa.analysis.models.Document.Status"."""
    return core_ref.rsplit(":", 1)[0]


def _long_name(class_path: str) -> str:
    parts = [p for p in class_path.split(".") if p not in ("samskapa", "api", "models", "schemas")]
    return "".join(part[:1].upper() + part[1:] for part in parts)


class UniqueNames(NinjaGenerateJsonSchema):
    """Records which classes use a short name, and gives shared names a longer, unique one."""

    classes_by_name: ClassVar[dict[str, set[str]]] = defaultdict(set)
    shared: ClassVar[frozenset[str]] = frozenset()

    def get_defs_ref(self, core_mode_ref):
        defs_ref = super().get_defs_ref(core_mode_ref)
        core_ref = core_mode_ref[0]
        if "[" in core_ref:  # generic classes (pages of X) already carry their argument in the name
            return defs_ref
        choices = self._prioritized_defsref_choices[defs_ref]
        short, class_path = choices[0], _class_path(core_ref)
        self.classes_by_name[short].add(class_path)
        if short in self.shared:
            unique = DefsRef(re.sub(r"\W", "", _long_name(class_path)))
            self._prioritized_defsref_choices[defs_ref] = [unique, *choices]
        return defs_ref


_one_at_a_time = threading.Lock()  # the passes share UniqueNames' class-level records


class SamskapaNinjaAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        with _one_at_a_time:
            # ninja reads the generator from its module; both passes must use ours.
            ninja_openapi.NinjaGenerateJsonSchema = UniqueNames  # type: ignore[misc]
            UniqueNames.classes_by_name.clear()
            super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
            shared = (n for n, classes in UniqueNames.classes_by_name.items() if len(classes) > 1)
            UniqueNames.shared = frozenset(shared)
            return super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
