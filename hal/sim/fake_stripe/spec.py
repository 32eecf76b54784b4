"""Checks requests against Stripe's own API description (an OpenAPI 3.0 file) as Stripe's server would.

Form bodies and query strings are decoded into nested values the way the SDK encodes them
(`a[b][c]=x`, `a[0]=x`, `a[]=x`), then checked against the operation's schema: an unknown
parameter, a missing required one or a value of the wrong type gets the error Stripe sends
(`parameter_unknown`, `parameter_missing`, `parameter_invalid_integer`, ...). The description is
Stripe's 2023-08-16 one (docs/fake-stripe.md); parameters the SDK sends for newer API versions are
accepted by name in NEWER_PARAMETERS.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

# The shared reference files sit beside the project's checkout (in a directory above it).
SPEC_NAME = Path("shared") / "reference" / "stripe-openapi-subset.json"
# Newer than the 2023 description, sent by current SDKs or set by the station: (operation path, name).
NEWER_PARAMETERS = {
    # API 2025-11-17: capture_method per card-present payment.
    ("/v1/payment_intents", "payment_method_options.card_present.capture_method"),
}


class RequestError(Exception):
    """A request Stripe would refuse with 400: its error code, the parameter and the message."""

    def __init__(self, code: str, param: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.param = param


def default_spec_path() -> Path | None:
    """Stripe's API description beside the checkout, None when this machine has none (a Pi)."""
    for parent in Path(__file__).resolve().parents[3:]:
        if (parent / SPEC_NAME).is_file():
            return parent / SPEC_NAME
    return None


def bracketed(name: str) -> str:
    """payment_method_options.card_present.x -> payment_method_options[card_present][x], as Stripe says it."""
    head, *rest = name.split(".")
    return head + "".join(f"[{part}]" for part in rest)


def decode_form(text: str) -> dict[str, Any]:
    """`a[b][0]=x&c=y` -> {"a": {"b": ["x"]}, "c": "y"} (lists from numeric or empty brackets)."""
    root: dict[str, Any] = {}
    for key, value in parse_qsl(text, keep_blank_values=True):
        names = [p if p != "[]" else "" for p in re.findall(r"[^\[\]]+|\[\]", key)]
        node: Any = root
        for i, name in enumerate(names):
            last = i == len(names) - 1
            if isinstance(node, list):
                index = int(name) if name.isdigit() else len(node)
                while len(node) <= index:
                    node.append(None)
                if last:
                    node[index] = value
                else:
                    nxt = names[i + 1]
                    if node[index] is None:
                        node[index] = [] if (nxt == "" or nxt.isdigit()) else {}
                    node = node[index]
            else:
                if last:
                    node[name] = value
                else:
                    nxt = names[i + 1]
                    if name not in node:
                        node[name] = [] if (nxt == "" or nxt.isdigit()) else {}
                    node = node[name]
    return root


@dataclass(frozen=True)
class Operation:
    method: str
    template: str  # /v1/payment_intents/{intent}
    pattern: re.Pattern[str]
    body_schema: dict[str, Any] | None
    query: dict[str, dict[str, Any]]  # name -> parameter


class ApiDescription:
    """The operations of the description, matched by method and path."""

    def __init__(self, path: Path) -> None:
        self.document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        self.operations: list[Operation] = []
        for template, item in self.document["paths"].items():
            regex = (
                "^"
                + re.sub(r"\{[^}]+\}", r"(?P<\g<0>>[^/]+)", template).replace("{", "").replace("}", "")
                + "$"
            )
            for method, op in item.items():
                body = (
                    op.get("requestBody", {}).get("content", {}).get("application/x-www-form-urlencoded", {})
                )
                query = {p["name"]: p for p in op.get("parameters", []) if p.get("in") == "query"}
                self.operations.append(
                    Operation(method.upper(), template, re.compile(regex), body.get("schema"), query)
                )
        # Literal paths (/v1/payment_intents/search) before templated ones (/v1/payment_intents/{intent}).
        self.operations.sort(key=lambda o: o.template.count("{"))

    def find(self, method: str, path: str) -> Operation | None:
        for op in self.operations:
            if op.method == method and op.pattern.match(path):
                return op
        return None

    def check(self, op: Operation, params: dict[str, Any]) -> None:
        """Raises RequestError as Stripe would for these parameters."""
        if op.method == "GET":
            for name, value in params.items():
                if name not in op.query:
                    raise RequestError("parameter_unknown", name, f"Received unknown parameter: {name}")
                self._value(op, op.query[name].get("schema", {}), value, name)
            return
        schema = op.body_schema or {"type": "object", "properties": {}}
        self._value(op, schema, params, "")

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            schema = self.document["components"]["schemas"][name]
        return schema

    def _value(self, op: Operation, schema: dict[str, Any], value: Any, name: str) -> None:
        schema = self._resolve(schema)
        if "anyOf" in schema:
            errors: list[RequestError] = []
            for option in schema["anyOf"]:
                try:
                    self._value(op, option, value, name)
                    return
                except RequestError as error:
                    errors.append(error)
            # The most specific complaint: an unknown key inside an object beats "not a string".
            raise next((e for e in errors if e.code == "parameter_unknown"), errors[0])
        kind = schema.get("type")
        if kind == "object" or "properties" in schema:
            if not isinstance(value, dict):
                raise RequestError("parameter_invalid_object", name, f"Invalid object: {name}")
            properties = schema.get("properties", {})
            extra = schema.get("additionalProperties", False)
            for key, item in value.items():
                full = f"{name}.{key}" if name else key
                if key in properties:
                    self._value(op, properties[key], item, full)
                elif isinstance(extra, dict):
                    self._value(op, extra, item, full)
                elif extra is True or (op.template, full) in NEWER_PARAMETERS:
                    continue
                else:
                    raise RequestError(
                        "parameter_unknown", bracketed(full), f"Received unknown parameter: {bracketed(full)}"
                    )
            for key in schema.get("required", []):
                if key not in value:
                    full = f"{name}.{key}" if name else key
                    raise RequestError(
                        "parameter_missing", bracketed(full), f"Missing required param: {bracketed(full)}."
                    )
            return
        if kind == "array":
            items = value if isinstance(value, list) else None
            if items is None:
                raise RequestError("parameter_invalid_array", name, f"Invalid array: {name}")
            for i, item in enumerate(items):
                self._value(op, schema.get("items", {}), item, f"{name}.{i}")
            return
        if not isinstance(value, str):
            raise RequestError("parameter_invalid_string", name, f"Invalid string: {name}")
        if "enum" in schema and value not in schema["enum"]:
            raise RequestError(
                "parameter_invalid_string" if kind == "string" else "parameter_invalid_enum",
                name,
                f"Invalid {name}: must be one of {', '.join(map(str, schema['enum']))}",
            )
        if kind == "integer" and not re.fullmatch(r"-?\d+", value):
            raise RequestError("parameter_invalid_integer", name, f"Invalid integer: {value}")
        if kind == "number" and not re.fullmatch(r"-?\d+(\.\d+)?", value):
            raise RequestError("parameter_invalid_number", name, f"Invalid number: {value}")
        if kind == "boolean" and value not in ("true", "false"):
            raise RequestError("parameter_invalid_boolean", name, f"Invalid boolean: {value}")
        if kind == "string" and "maxLength" in schema and len(value) > schema["maxLength"]:
            raise RequestError("parameter_invalid_string", name, f"{name} is too long")
