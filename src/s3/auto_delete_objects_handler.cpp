// The inline handler of Custom::S3AutoDeleteObjects. On Delete it empties the bucket (every
// object version and delete marker) when the bucket still carries the aws-cdk:auto-delete-objects
// tag, so turning auto-delete off (the tag goes, the custom resource is deleted) never wipes
// data. On an Update that changes BucketName the old bucket is being replaced and is emptied.
// The physical ID stays the bucket name, so an update never looks like a replacement.
#include "auto_delete_objects.hpp"

namespace opsynth::s3 {

const char* const kAutoDeleteObjectsHandler = R"PY(import boto3
import cfnresponse
from botocore.exceptions import ClientError

TAG = "aws-cdk:auto-delete-objects"
s3 = boto3.client("s3")


def handler(event, context):
    props = event["ResourceProperties"]
    physical_id = event.get("PhysicalResourceId", props["BucketName"])
    try:
        if event["RequestType"] == "Delete":
            empty_if_tagged(props["BucketName"])
        elif event["RequestType"] == "Update":
            old = event["OldResourceProperties"]["BucketName"]
            if old != props["BucketName"]:
                empty_if_tagged(old)
        cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, physical_id)
    except Exception as e:
        cfnresponse.send(event, context, cfnresponse.FAILED, {}, physical_id, reason=str(e))


def empty_if_tagged(bucket):
    try:
        tags = s3.get_bucket_tagging(Bucket=bucket)["TagSet"]
    except ClientError as e:
        if e.response["Error"]["Code"] in ("NoSuchBucket", "NoSuchTagSet"):
            return
        raise
    if not any(t["Key"] == TAG and t["Value"] == "true" for t in tags):
        return
    for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket):
        objects = [{"Key": v["Key"], "VersionId": v["VersionId"]}
                   for v in page.get("Versions", []) + page.get("DeleteMarkers", [])]
        if objects:
            s3.delete_objects(Bucket=bucket, Delete={"Objects": objects, "Quiet": True})
)PY";

}  // namespace opsynth::s3
