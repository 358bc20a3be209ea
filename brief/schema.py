"""JSON Schema of the brief and glossary files, from the model's structs (`brief schema`).

A copy is committed beside the briefs (`briefs/brief.schema.json`, `briefs/glossary.schema.json`) so that editors
with a YAML language server validate as a curator types; a test keeps the copies in sync with the model.
"""

from __future__ import annotations

import msgspec

from brief.model import Brief, Glossary

_TARGETS = {"brief": (Brief, "A brief: one agenda item of one UN document"),
            "glossary": (Glossary, "The glossary: themes and zh/en terminology")}


def schema(kind: str) -> dict:
    target, title = _TARGETS[kind]
    document = msgspec.json.schema(target)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **document}


def schema_json(kind: str) -> str:
    return msgspec.json.format(msgspec.json.encode(schema(kind)), indent=2).decode() + "\n"
