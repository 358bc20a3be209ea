"""JSON Schema of the brief and glossary files, from the model's structs (`brief schema`).

A copy is committed beside the briefs (`briefs/brief.schema.json`, `briefs/glossary.schema.json`) so that editors
with a YAML language server validate as a curator types; a test keeps the copies in sync with the model.
"""

from __future__ import annotations

from typing import Any

import msgspec

from brief.corpus import Glossary
from brief.model import Brief

_TARGETS = {"brief": (Brief, "A brief: one agenda item of one UN document"),
            "glossary": (Glossary, "The glossary: themes and zh/en terminology")}


def schema(kind: str) -> dict[str, Any]:
    target, title = _TARGETS[kind]
    document = _plain_descriptions(msgspec.json.schema(target))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **document}


def _plain_descriptions(node: Any) -> Any:
    """Every `description` as one line of text. msgspec takes descriptions from docstrings, and how it trims
    their indentation has changed between releases; one line is the same whatever the release."""
    if isinstance(node, dict):
        return {key: " ".join(value.split()) if key == "description" and isinstance(value, str)
                else _plain_descriptions(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain_descriptions(item) for item in node]
    return node


def schema_json(kind: str) -> str:
    return msgspec.json.format(msgspec.json.encode(schema(kind)), indent=2).decode() + "\n"
