"""Derives the compact AWS API model the fakes check requests against, from the official botocore service models.

Usage: python3 derive-models.py <folder with aws-*.json botocore models> > aws-models.json
Keeps, for the operations BatchSync calls, the input and output shapes and everything they reach: member names,
types, required members, enum values and length/range limits. Documentation text is dropped.
"""
import json
import sys

OPERATIONS = {
    "aws-secretsmanager-2017-10-17.json": ["GetSecretValue"],
    "aws-batch-2016-08-10.json": ["SubmitJob", "DescribeJobs", "TerminateJob", "ListJobs"],
}
KEEP = ("type", "required", "enum", "min", "max", "pattern")


def reach(shapes, name, out):
    if name in out:
        return
    shape = shapes[name]
    slim = {k: shape[k] for k in KEEP if k in shape}
    out[name] = slim
    if "members" in shape:
        slim["members"] = {m: ref["shape"] for m, ref in shape["members"].items()}
        for ref in shape["members"].values():
            reach(shapes, ref["shape"], out)
    for key in ("member", "key", "value"):
        if key in shape:
            slim[key] = shape[key]["shape"]
            reach(shapes, shape[key]["shape"], out)


def main(folder):
    services = {}
    for file, operations in OPERATIONS.items():
        model = json.load(open(f"{folder}/{file}"))
        meta = model["metadata"]
        shapes = {}
        ops = {}
        for op in operations:
            spec = model["operations"][op]
            ops[op] = {"method": spec["http"]["method"], "requestUri": spec["http"]["requestUri"], "input": spec["input"]["shape"]}
            reach(model["shapes"], spec["input"]["shape"], shapes)
            if "output" in spec:
                ops[op]["output"] = spec["output"]["shape"]
                reach(model["shapes"], spec["output"]["shape"], shapes)
        services[meta["endpointPrefix"]] = {
            "protocol": meta["protocol"],
            "targetPrefix": meta.get("targetPrefix"),
            "signingName": meta.get("signingName", meta["endpointPrefix"]),
            "apiVersion": meta["apiVersion"],
            "operations": ops,
            "shapes": shapes,
        }
    json.dump(services, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
