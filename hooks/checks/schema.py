"""A YAML data file checked against its JSON Schema (draft 2020-12), each error
reported at the line of the value it is about, with the field's "description" in the
schema as the fix: the schema is the one place for a rule and its explanation.

The file is a mapping of lists of records (as docs/data/risks.yml is); a record is
named by its schema's "title" and its first required field: harm 'bleeding-boyce'."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, validators

from checks.problems import Problem

# YAML reads 6.0 as a float, which JSON Schema counts as a whole number; the pages
# would show it as "6.0".
Validator = validators.extend(Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda checker, instance: isinstance(instance, int) and not isinstance(instance, bool)))


def load_validator(path: Path):
    """Read on every build, so `mkdocs serve` picks up a change to the schema."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    Validator.check_schema(schema)
    return Validator(schema)


def schema_problems(name: str, data, tree, validator) -> tuple[list[Problem], set[tuple]]:
    """Each way data (loaded from the YAML node tree) breaks the schema, and the path of
    each record with a problem; a path shorter than (list, index) means the file's own
    layout is wrong."""
    problems, broken = [], set()
    for error in validator.iter_errors(data):
        path = tuple(error.absolute_path)
        broken.add(path[:2])
        problems += _problems(name, error, path, validator.schema, data, tree)
    return sorted(dict.fromkeys(problems), key=lambda problem: problem.line), broken


def _problems(name: str, error, path: tuple, schema: dict, data, tree) -> list[Problem]:
    subject = _subject(schema, data, path)
    if error.validator in ("required", "dependentRequired"):
        properties = error.schema["properties"]
        needs = error.validator_value if error.validator == "required" else [
            needed for field, fields in error.validator_value.items() if field in error.instance for needed in fields]
        missing = [field for field in needs if field not in error.instance]
        why = "" if error.validator == "required" else " (" + ", ".join(
            field for field in error.validator_value if field in error.instance) + " needs it)"
        return [Problem(name, line_of(tree, path), f"{subject} has no {', '.join(missing)}{why}",
                        "; ".join(f"add '{field}:' with {properties[field]['description']}" for field in missing))]
    if error.validator == "additionalProperties":
        known = error.schema["properties"]
        return [Problem(name, line_of(tree, path, key), f"{subject} has '{key}:', which is not a field the site knows",
                        f"correct its spelling or remove it; the fields are {', '.join(known)}")
                for key in error.instance if key not in known]
    field_path = path[:3]
    description = _schema_at(schema, field_path)["description"]
    if len(field_path) < 3:
        return [Problem(name, line_of(tree, path), f"{subject} is not laid out as the site expects",
                        f"write it as {description}")]
    field, value = field_path[2], _value_at(data, field_path)
    if value in (None, "", []):
        message = f"{subject} has no {field}"
    else:
        message = f"{subject} has '{field}: {value if isinstance(value, str) else json.dumps(value, default=str)}'"
    return [Problem(name, line_of(tree, path), message, f"after '{field}:' write {description}")]


def _subject(schema: dict, data, path: tuple) -> str:
    if len(path) < 2:
        return f"the '{path[0]}:' list" if path else "the file"
    record_schema, record = _schema_at(schema, path[:2]), _value_at(data, path[:2])
    named = record.get(record_schema["required"][0]) if isinstance(record, dict) else None
    return f"{record_schema['title']} " + (f"'{named}'" if isinstance(named, str) and named else f"number {path[1] + 1}")


def _schema_at(schema: dict, path: tuple) -> dict:
    for step in path:
        schema = schema["items"] if isinstance(step, int) else schema["properties"][step]
    return schema


def _value_at(data, path: tuple):
    for step in path:
        data = data[step]
    return data


def line_of(tree, path: tuple, key: str | None = None) -> int:
    """The line of the YAML node at path (keys and indexes), or of its key, or of the
    deepest node on the way there that exists (a merge key or an alias leaves the path)."""
    line, steps = 1, [(step, False) for step in path] + ([(key, True)] if key is not None else [])
    for step, is_key in steps:
        if tree is None:
            break
        line = tree.start_mark.line + 1
        tree = _child(tree, step, is_key)
    return tree.start_mark.line + 1 if tree is not None else line


def _child(node, step, is_key: bool):
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    if isinstance(node, yaml.MappingNode):
        return next((pair[0 if is_key else 1] for pair in node.value if pair[0].value == step), None)
    return None
