#!/usr/bin/env python3
"""Derives bigquery-model.json from BigQuery's official v2 Discovery document.

Usage: python3 generate-model.py <bigquery-v2-discovery.json> > bigquery-model.json

Only facts are kept: method paths, member names, member types, read-only flags, enum values and which
members the documentation marks "Required.". Several enums are documented only in prose ("The following
values are supported: * WRITE_TRUNCATE ..."); for the members listed in PROSE_ENUMS the values are taken
from that prose with a pattern, so they still come from the document rather than from our client.
"""
import json
import re
import sys

SCHEMAS = [
    "Job", "JobReference", "JobConfiguration", "JobConfigurationLoad", "JobConfigurationTableCopy",
    "JobConfigurationQuery", "JobStatus", "ErrorProto", "Table", "TableReference", "TableSchema",
    "TableFieldSchema", "TimePartitioning", "RangePartitioning", "Clustering", "Dataset", "DatasetReference",
]
METHODS = {"datasets": ["get", "insert"], "tables": ["get", "insert", "patch", "delete"], "jobs": ["get", "insert"]}
UPPER_TOKEN = r"\b[A-Z][A-Z0-9_]*[A-Z0-9]\b"
PROSE_ENUMS = {
    ("JobConfigurationLoad", "writeDisposition"): r"\* (WRITE_[A-Z_]+):",
    ("JobConfigurationLoad", "createDisposition"): r"\* (CREATE_[A-Z_]+):",
    ("JobConfigurationTableCopy", "writeDisposition"): r"\* (WRITE_[A-Z_]+):",
    ("JobConfigurationTableCopy", "createDisposition"): r"\* (CREATE_[A-Z_]+):",
    ("JobConfigurationQuery", "writeDisposition"): r"\* (WRITE_[A-Z_]+):",
    ("JobConfigurationQuery", "createDisposition"): r"\* (CREATE_[A-Z_]+):",
    ("JobConfigurationQuery", "priority"): r"\b(INTERACTIVE|BATCH)\b",
    ("JobConfigurationLoad", "sourceFormat"): r'specify "([A-Z_]+)"',
    ("JobConfigurationLoad", "encoding"): r"\b(UTF-8|ISO-8859-1|UTF-16BE|UTF-16LE|UTF-32BE|UTF-32LE)\b",
    ("TimePartitioning", "type"): r"\b(DAY|HOUR|MONTH|YEAR)\b",
    ("TableFieldSchema", "type"): r"\* ([A-Z0-9]+)(?: \(or ([A-Z0-9]+)\))?",
    ("TableFieldSchema", "mode"): r"\b(NULLABLE|REQUIRED|REPEATED)\b",
}


def member(schema_name, name, prop):
    out = {"type": prop.get("$ref") or prop.get("type")}
    if prop.get("type") == "array":
        items = prop["items"]
        out["items"] = items.get("$ref") or items.get("type")
    if prop.get("type") == "object" and "properties" in prop:
        out["members"] = {k: member(schema_name, k, v) for k, v in prop["properties"].items()}
    if prop.get("format"):
        out["format"] = prop["format"]
    if prop.get("readOnly"):
        out["readOnly"] = True
    if prop.get("description", "").startswith("Required."):
        out["required"] = True
    if "enum" in prop:
        out["enum"] = prop["enum"]
    pattern = PROSE_ENUMS.get((schema_name, name))
    if pattern:
        values = []
        for match in re.finditer(pattern, prop["description"]):
            values.extend(g for g in match.groups() if g)
        out["enum"] = sorted(set(values))
    return out


def main():
    discovery = json.load(open(sys.argv[1], encoding="utf-8"))
    schemas = {
        name: {k: member(name, k, v) for k, v in sorted(discovery["schemas"][name]["properties"].items())}
        for name in SCHEMAS
    }
    methods = {}
    for resource, names in METHODS.items():
        for name in names:
            m = discovery["resources"][resource]["methods"][name]
            methods[f"{resource}.{name}"] = {
                "httpMethod": m["httpMethod"],
                "path": "/" + discovery["servicePath"] + m["path"].replace("{+", "{"),
                "query": sorted(k for k, p in m.get("parameters", {}).items() if p["location"] == "query"),
                "request": m.get("request", {}).get("$ref"),
            }
            upload = m.get("mediaUpload")
            if upload:
                methods[f"{resource}.{name}"]["uploadPath"] = upload["protocols"]["simple"]["path"].replace("{+", "{")
    model = {"source": "bigquery v2 discovery revision " + discovery["revision"], "methods": methods, "schemas": schemas}
    json.dump(model, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


main()
