#!/usr/bin/env python3
"""Export CloudFormation resource provider schemas from the installed cfn-lint into spec/schemas/.

The exported files are vendored data: the build never needs cfn-lint. Run this script by hand
to add a type or to refresh the schemas, then review the diff (and spec/README.md's version note).

    python3 spec/export_schemas.py                      # the default list below
    python3 spec/export_schemas.py AWS::SQS::Queue ...  # add further types
"""
import json
import pathlib
import sys

REGION = "eu-west-2"
TYPES = [
    "AWS::SNS::Topic",
    "AWS::SNS::Subscription",
    "AWS::SNS::TopicPolicy",
    "AWS::S3::Bucket",
    "AWS::S3::BucketPolicy",
    "AWS::IAM::Role",
    "AWS::IAM::Policy",
    "AWS::IAM::ManagedPolicy",
    "AWS::KMS::Key",
    "AWS::KMS::Alias",
    "AWS::Synthetics::Canary",
    "AWS::CloudWatch::Alarm",
    "AWS::CloudWatch::CompositeAlarm",
    "AWS::CloudWatch::Dashboard",
    "AWS::Backup::BackupVault",
    "AWS::Backup::BackupPlan",
    "AWS::Backup::BackupSelection",
    "AWS::DynamoDB::Table",
    "AWS::Lambda::Function",
    "AWS::Lambda::Permission",
    "AWS::Logs::LogGroup",
    "AWS::Logs::QueryDefinition",
    "AWS::Events::Rule",
    "AWS::RUM::AppMonitor",
]


def file_name(type_name: str) -> str:
    """AWS::SNS::Topic -> aws-sns-topic.json (the provider schemas' own file naming)."""
    return type_name.replace("::", "-").lower() + ".json"


def main(argv):
    import cfnlint
    import cfnlint.schema

    out = pathlib.Path(__file__).resolve().parent / "schemas"
    out.mkdir(exist_ok=True)
    types = TYPES + [t for t in argv if t not in TYPES]
    for t in types:
        schema = cfnlint.schema.PROVIDER_SCHEMA_MANAGER.get_resource_schema(REGION, t).schema
        path = out / file_name(t)
        path.write_text(json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
        print(f"{t} -> {path.relative_to(out.parent.parent)}")
    from importlib.metadata import version
    print(f"cfn-lint {version('cfn-lint')}, region {REGION}")


if __name__ == "__main__":
    main(sys.argv[1:])
