"""Puts data into the tables and buckets of deployed stacks, and checks after delete-stack that the
retained ones kept it and the others are gone. Used by moto_deploy.sh (one process instead of dozens
of `aws` calls). Talks to moto through boto3 (installed with moto and the AWS CLI).

  retained_data.py seed   ENDPOINT STATE STACK=TEMPLATE...   # after deploy
  retained_data.py verify ENDPOINT STATE                     # after delete-stack

A table or bucket is "retained" when its DeletionPolicy is Retain in the template.
Exit status 1 with one line per problem on stderr.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

STATEFUL = ("AWS::DynamoDB::Table", "AWS::S3::Bucket")
CHECK_KEY = "opsynth-retention-check.txt"
CHECK_BODY = b"written by moto_deploy.sh before delete-stack"
SAMPLE = {"S": "opsynth-check", "N": "1", "B": b"opsynth"}


def clients(endpoint):
    make = lambda service: boto3.client(service, endpoint_url=endpoint)  # noqa: E731
    return make("cloudformation"), make("dynamodb"), make("s3")


def table_key(ddb, name):
    table = ddb.describe_table(TableName=name)["Table"]
    types = {a["AttributeName"]: a["AttributeType"] for a in table["AttributeDefinitions"]}
    return {k["AttributeName"]: {types[k["AttributeName"]]: SAMPLE[types[k["AttributeName"]]]} for k in table["KeySchema"]}


def seed(endpoint, state_file, pairs):
    cfn, ddb, s3 = clients(endpoint)
    state = []
    for pair in pairs:
        stack, template = pair.split("=", 1)
        resources = json.load(open(template)).get("Resources", {})
        # moto lists the resource types it skips as entries without ids.
        physical = {r["LogicalResourceId"]: r.get("PhysicalResourceId")
                    for r in cfn.describe_stack_resources(StackName=stack)["StackResources"]
                    if r.get("LogicalResourceId")}
        for lid, res in resources.items():
            if res.get("Type") not in STATEFUL:
                continue
            name = physical.get(lid)
            if not name or name == "None":
                sys.exit(f"moto has no physical id for {stack}/{lid} ({res['Type']})")
            retained = res.get("DeletionPolicy") == "Retain"
            entry = {"where": f"{stack}/{lid}", "type": res["Type"], "name": name, "retained": retained}
            if retained and res["Type"] == "AWS::DynamoDB::Table":
                ddb.put_item(TableName=name, Item=table_key(ddb, name))
            elif retained:
                s3.put_object(Bucket=name, Key=CHECK_KEY, Body=CHECK_BODY)
            state.append(entry)
    json.dump(state, open(state_file, "w"), indent=1)
    for e in state:
        print(f"{'retained' if e['retained'] else 'deleted with the stack'}: {e['type']} {e['name']} ({e['where']})")


def exists(ddb, s3, entry):
    try:
        if entry["type"] == "AWS::DynamoDB::Table":
            ddb.describe_table(TableName=entry["name"])
        else:
            s3.head_bucket(Bucket=entry["name"])
        return True
    except ClientError:
        return False


def verify(endpoint, state_file):
    _, ddb, s3 = clients(endpoint)
    problems = []
    for e in json.load(open(state_file)):
        what = f"{e['type']} {e['name']} ({e['where']})"
        before = len(problems)
        if not e["retained"]:
            if exists(ddb, s3, e):
                problems.append(f"{what} has no DeletionPolicy Retain but still exists after delete-stack")
            continue
        if not exists(ddb, s3, e):
            problems.append(f"retained {what} is gone after delete-stack")
        elif e["type"] == "AWS::DynamoDB::Table":
            if "Item" not in ddb.get_item(TableName=e["name"], Key=table_key(ddb, e["name"])):
                problems.append(f"retained {what} survived delete-stack but lost its item")
        else:
            try:
                body = s3.get_object(Bucket=e["name"], Key=CHECK_KEY)["Body"].read()
            except ClientError as err:
                body = str(err).encode()
            if body != CHECK_BODY:
                problems.append(f"retained {what} survived delete-stack but lost its object ({body[:80]!r})")
        if len(problems) == before:
            print(f"kept with its data: {what}")
    for p in problems:
        print(p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "seed":
        seed(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif len(sys.argv) == 4 and sys.argv[1] == "verify":
        verify(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
