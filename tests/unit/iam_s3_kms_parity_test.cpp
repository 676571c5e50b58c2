// Parity with aws-cdk-lib 2.276: one app built with both libraries, every resource compared.
// The expected resources were synthesized by this node program (tests/node/node_modules):
//
//   const stack = new cdk.Stack(app, 'S', {env: {account: '111111111111', region: 'eu-west-2'}, ...});
//   const role = new iam.Role(stack, 'Role', {assumedBy: new iam.CompositePrincipal(
//       new iam.ServicePrincipal('lambda.amazonaws.com'), new iam.AccountPrincipal('222222222222')),
//     managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')]});
//   const bucket = new s3.Bucket(stack, 'Bucket', {enforceSSL: true, autoDeleteObjects: true,
//     removalPolicy: RemovalPolicy.DESTROY, versioned: true, lifecycleRules: [{
//       abortIncompleteMultipartUploadAfter: Duration.days(7),
//       noncurrentVersionTransitions: [{storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(30)}]}]});
//   bucket.grantReadWrite(role);
//   role.addToPolicy(new iam.PolicyStatement({actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-2:111111111111:q']}));
//   const key = new kms.Key(stack, 'Key', {enableKeyRotation: true, alias: 'alias/my-key', description: 'k'});
//   key.grantEncryptDecrypt(role);
//   key.grantEncryptDecrypt(new iam.ServicePrincipal('backup.amazonaws.com'));
//   key.grantDecrypt(new iam.AccountPrincipal('333333333333'));
//   const kb = new s3.Bucket(stack, 'KmsBucket', {encryptionKey: key, bucketKeyEnabled: true});
//   kb.grantRead(role);
//   new iam.Role(stack, 'OrgRole', {assumedBy: new iam.OrganizationPrincipal('o-abcdefghij')});
#include <gtest/gtest.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/kms/key.hpp"
#include "opsynth/s3/bucket.hpp"
#include "opsynth/testing/template.hpp"

namespace opsynth {
namespace {

const char* const kAwsCdkLibResources =
R"JSON({
 "Role1ABCC5F0": {
  "Type": "AWS::IAM::Role",
  "Properties": {
   "AssumeRolePolicyDocument": {
    "Statement": [
     {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {
       "Service": "lambda.amazonaws.com"
      }
     },
     {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {
       "AWS": {
        "Fn::Join": [
         "",
         [
          "arn:",
          {
           "Ref": "AWS::Partition"
          },
          ":iam::222222222222:root"
         ]
        ]
       }
      }
     }
    ],
    "Version": "2012-10-17"
   },
   "ManagedPolicyArns": [
    {
     "Fn::Join": [
      "",
      [
       "arn:",
       {
        "Ref": "AWS::Partition"
       },
       ":iam::aws:policy/ReadOnlyAccess"
      ]
     ]
    }
   ]
  }
 },
 "RoleDefaultPolicy5FFB7DAB": {
  "Type": "AWS::IAM::Policy",
  "Properties": {
   "PolicyDocument": {
    "Statement": [
     {
      "Action": [
       "s3:GetObject*",
       "s3:GetBucket*",
       "s3:List*",
       "s3:DeleteObject*",
       "s3:PutObject",
       "s3:PutObjectLegalHold",
       "s3:PutObjectRetention",
       "s3:PutObjectTagging",
       "s3:PutObjectVersionTagging",
       "s3:Abort*"
      ],
      "Effect": "Allow",
      "Resource": [
       {
        "Fn::GetAtt": [
         "Bucket83908E77",
         "Arn"
        ]
       },
       {
        "Fn::Join": [
         "",
         [
          {
           "Fn::GetAtt": [
            "Bucket83908E77",
            "Arn"
           ]
          },
          "/*"
         ]
        ]
       }
      ]
     },
     {
      "Action": "sqs:SendMessage",
      "Effect": "Allow",
      "Resource": "arn:aws:sqs:eu-west-2:111111111111:q"
     },
     {
      "Action": [
       "kms:Decrypt",
       "kms:Encrypt",
       "kms:ReEncrypt*",
       "kms:GenerateDataKey*"
      ],
      "Effect": "Allow",
      "Resource": {
       "Fn::GetAtt": [
        "Key961B73FD",
        "Arn"
       ]
      }
     },
     {
      "Action": [
       "s3:GetObject*",
       "s3:GetBucket*",
       "s3:List*"
      ],
      "Effect": "Allow",
      "Resource": [
       {
        "Fn::GetAtt": [
         "KmsBucket38E6E6B4",
         "Arn"
        ]
       },
       {
        "Fn::Join": [
         "",
         [
          {
           "Fn::GetAtt": [
            "KmsBucket38E6E6B4",
            "Arn"
           ]
          },
          "/*"
         ]
        ]
       }
      ]
     },
     {
      "Action": [
       "kms:Decrypt",
       "kms:DescribeKey"
      ],
      "Effect": "Allow",
      "Resource": {
       "Fn::GetAtt": [
        "Key961B73FD",
        "Arn"
       ]
      }
     }
    ],
    "Version": "2012-10-17"
   },
   "PolicyName": "RoleDefaultPolicy5FFB7DAB",
   "Roles": [
    {
     "Ref": "Role1ABCC5F0"
    }
   ]
  }
 },
 "Bucket83908E77": {
  "Type": "AWS::S3::Bucket",
  "Properties": {
   "LifecycleConfiguration": {
    "Rules": [
     {
      "AbortIncompleteMultipartUpload": {
       "DaysAfterInitiation": 7
      },
      "NoncurrentVersionTransitions": [
       {
        "StorageClass": "GLACIER",
        "TransitionInDays": 30
       }
      ],
      "Status": "Enabled"
     }
    ]
   },
   "Tags": [
    {
     "Key": "aws-cdk:auto-delete-objects",
     "Value": "true"
    }
   ],
   "VersioningConfiguration": {
    "Status": "Enabled"
   }
  },
  "UpdateReplacePolicy": "Delete",
  "DeletionPolicy": "Delete"
 },
 "BucketPolicyE9A3008A": {
  "Type": "AWS::S3::BucketPolicy",
  "Properties": {
   "Bucket": {
    "Ref": "Bucket83908E77"
   },
   "PolicyDocument": {
    "Statement": [
     {
      "Action": "s3:*",
      "Condition": {
       "Bool": {
        "aws:SecureTransport": "false"
       }
      },
      "Effect": "Deny",
      "Principal": {
       "AWS": "*"
      },
      "Resource": [
       {
        "Fn::GetAtt": [
         "Bucket83908E77",
         "Arn"
        ]
       },
       {
        "Fn::Join": [
         "",
         [
          {
           "Fn::GetAtt": [
            "Bucket83908E77",
            "Arn"
           ]
          },
          "/*"
         ]
        ]
       }
      ]
     },
     {
      "Action": [
       "s3:PutBucketPolicy",
       "s3:GetBucket*",
       "s3:List*",
       "s3:DeleteObject*"
      ],
      "Effect": "Allow",
      "Principal": {
       "AWS": {
        "Fn::GetAtt": [
         "CustomS3AutoDeleteObjectsCustomResourceProviderRole3B1BD092",
         "Arn"
        ]
       }
      },
      "Resource": [
       {
        "Fn::GetAtt": [
         "Bucket83908E77",
         "Arn"
        ]
       },
       {
        "Fn::Join": [
         "",
         [
          {
           "Fn::GetAtt": [
            "Bucket83908E77",
            "Arn"
           ]
          },
          "/*"
         ]
        ]
       }
      ]
     }
    ],
    "Version": "2012-10-17"
   }
  }
 },
 "BucketAutoDeleteObjectsCustomResourceBAFD23C2": {
  "Type": "Custom::S3AutoDeleteObjects",
  "Properties": {
   "ServiceToken": {
    "Fn::GetAtt": [
     "CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D90184F",
     "Arn"
    ]
   },
   "BucketName": {
    "Ref": "Bucket83908E77"
   }
  },
  "DependsOn": [
   "BucketPolicyE9A3008A"
  ],
  "UpdateReplacePolicy": "Delete",
  "DeletionPolicy": "Delete"
 },
 "CustomS3AutoDeleteObjectsCustomResourceProviderRole3B1BD092": {
  "Type": "AWS::IAM::Role",
  "Properties": {
   "AssumeRolePolicyDocument": {
    "Version": "2012-10-17",
    "Statement": [
     {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {
       "Service": "lambda.amazonaws.com"
      }
     }
    ]
   },
   "ManagedPolicyArns": [
    {
     "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    }
   ]
  }
 },
 "CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D90184F": {
  "Type": "AWS::Lambda::Function",
  "Properties": {
   "Code": {
    "S3Bucket": "cdk-hnb659fds-assets-111111111111-eu-west-2",
    "S3Key": "6dba3da2af96b69a187d689b326e5272b9abc8671c0427845a8bed243e02877d.zip"
   },
   "Timeout": 900,
   "MemorySize": 128,
   "Handler": "index.handler",
   "Role": {
    "Fn::GetAtt": [
     "CustomS3AutoDeleteObjectsCustomResourceProviderRole3B1BD092",
     "Arn"
    ]
   },
   "Runtime": "nodejs24.x",
   "Description": {
    "Fn::Join": [
     "",
     [
      "Lambda function for auto-deleting objects in ",
      {
       "Ref": "Bucket83908E77"
      },
      " S3 bucket."
     ]
    ]
   }
  },
  "DependsOn": [
   "CustomS3AutoDeleteObjectsCustomResourceProviderRole3B1BD092"
  ]
 },
 "Key961B73FD": {
  "Type": "AWS::KMS::Key",
  "Properties": {
   "Description": "k",
   "EnableKeyRotation": true,
   "KeyPolicy": {
    "Statement": [
     {
      "Action": "kms:*",
      "Effect": "Allow",
      "Principal": {
       "AWS": {
        "Fn::Join": [
         "",
         [
          "arn:",
          {
           "Ref": "AWS::Partition"
          },
          ":iam::111111111111:root"
         ]
        ]
       }
      },
      "Resource": "*"
     },
     {
      "Action": [
       "kms:Decrypt",
       "kms:Encrypt",
       "kms:ReEncrypt*",
       "kms:GenerateDataKey*"
      ],
      "Effect": "Allow",
      "Principal": {
       "Service": "backup.amazonaws.com"
      },
      "Resource": "*"
     },
     {
      "Action": "kms:Decrypt",
      "Effect": "Allow",
      "Principal": {
       "AWS": {
        "Fn::Join": [
         "",
         [
          "arn:",
          {
           "Ref": "AWS::Partition"
          },
          ":iam::333333333333:root"
         ]
        ]
       }
      },
      "Resource": "*"
     }
    ],
    "Version": "2012-10-17"
   }
  },
  "UpdateReplacePolicy": "Retain",
  "DeletionPolicy": "Retain"
 },
 "KeyAlias910D852D": {
  "Type": "AWS::KMS::Alias",
  "Properties": {
   "AliasName": "alias/my-key",
   "TargetKeyId": {
    "Fn::GetAtt": [
     "Key961B73FD",
     "Arn"
    ]
   }
  }
 },
 "KmsBucket38E6E6B4": {
  "Type": "AWS::S3::Bucket",
  "Properties": {
   "BucketEncryption": {
    "ServerSideEncryptionConfiguration": [
     {
      "BucketKeyEnabled": true,
      "ServerSideEncryptionByDefault": {
       "KMSMasterKeyID": {
        "Fn::GetAtt": [
         "Key961B73FD",
         "Arn"
        ]
       },
       "SSEAlgorithm": "aws:kms"
      }
     }
    ]
   }
  },
  "UpdateReplacePolicy": "Retain",
  "DeletionPolicy": "Retain"
 },
 "OrgRole9476164E": {
  "Type": "AWS::IAM::Role",
  "Properties": {
   "AssumeRolePolicyDocument": {
    "Statement": [
     {
      "Action": "sts:AssumeRole",
      "Condition": {
       "StringEquals": {
        "aws:PrincipalOrgID": "o-abcdefghij"
       }
      },
      "Effect": "Allow",
      "Principal": {
       "AWS": "*"
      }
     }
    ],
    "Version": "2012-10-17"
   }
  }
 }
})JSON";

Json build_with_opsynth() {
  App app;
  auto& stack = app.add<Stack>("S", StackProps{.env = {"111111111111", "eu-west-2"}});
  auto& role = stack.add<iam::Role>(
      "Role", iam::RoleProps{.assumed_by = iam::CompositePrincipal{iam::ServicePrincipal("lambda.amazonaws.com"),
                                                                   iam::AccountPrincipal("222222222222")},
                             .managed_policies = {iam::ManagedPolicy::from_aws_managed_policy_name("ReadOnlyAccess")}});
  auto& bucket = stack.add<s3::Bucket>(
      "Bucket", s3::BucketProps{.versioned = true,
                                .lifecycle_rules = {{.noncurrent_version_transitions = {{s3::StorageClass::Glacier, 30}},
                                                     .abort_incomplete_multipart_upload_after_days = 7}},
                                .enforce_ssl = true,
                                .removal_policy = RemovalPolicy::Destroy,
                                .auto_delete_objects = true});
  bucket.grant_read_write(role);
  role.add_to_policy(iam::PolicyStatement({.actions = {"sqs:SendMessage"}, .resources = {"arn:aws:sqs:eu-west-2:111111111111:q"}}));
  auto& key = stack.add<kms::Key>("Key", kms::KeyProps{.description = "k", .alias = "alias/my-key", .enable_key_rotation = true});
  key.grant_encrypt_decrypt(role);
  key.grant_encrypt_decrypt(iam::ServicePrincipal("backup.amazonaws.com"));
  key.grant_decrypt(iam::AccountPrincipal("333333333333"));
  auto& kms_bucket = stack.add<s3::Bucket>("KmsBucket", s3::BucketProps{.encryption_key = &key, .bucket_key_enabled = true});
  kms_bucket.grant_read(role);
  stack.add<iam::Role>("OrgRole", iam::RoleProps{.assumed_by = iam::OrganizationPrincipal("o-abcdefghij")});
  return assertions::Template::from_stack(stack).json().at("Resources");
}

// Order-insensitive JSON (aws-cdk-lib's property order inside raw CfnResources differs).
nlohmann::json plain(const Json& j) { return nlohmann::json::parse(j.dump()); }

TEST(L2Parity, SameLogicalIdsAsAwsCdkLib) {
  auto ours = build_with_opsynth();
  auto theirs = Json::parse(kAwsCdkLibResources);
  std::vector<std::string> our_ids, their_ids;
  for (const auto& [id, r] : ours.items()) our_ids.push_back(id);
  for (const auto& [id, r] : theirs.items()) their_ids.push_back(id);
  EXPECT_EQ(our_ids, their_ids);  // same resources, same template order
}

TEST(L2Parity, SameResourcesAsAwsCdkLibExceptTheInlineAutoDeleteHandler) {
  auto ours = build_with_opsynth();
  auto theirs = Json::parse(kAwsCdkLibResources);
  for (const auto& [id, expected] : theirs.items()) {
    ASSERT_TRUE(ours.contains(id)) << id;
    Json actual = ours.at(id);
    Json want = expected;
    if (id == "CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D90184F") {
      // DELIBERATE DIFFERENCE: aws-cdk-lib's handler is a Node.js asset in the bootstrap bucket;
      // opsynth's is inline Python (no assets), see src/s3/auto_delete_objects.hpp.
      EXPECT_TRUE(actual["Properties"]["Code"].contains("ZipFile"));
      EXPECT_EQ(actual["Properties"]["Runtime"], "python3.12");
      // cdk-nag's AwsSolutions-L1 wants python3.15, which CloudFormation does not list yet.
      EXPECT_EQ(actual["Metadata"]["cdk_nag"]["rules_to_suppress"][0]["id"], "AwsSolutions-L1");
      actual.erase("Metadata");
      for (auto* r : {&actual, &want}) {
        (*r)["Properties"].erase("Code");
        (*r)["Properties"].erase("Runtime");
      }
    }
    EXPECT_EQ(plain(actual), plain(want)) << id << "\nopsynth:  " << actual.dump() << "\naws-cdk-lib: " << want.dump();
  }
}

}  // namespace
}  // namespace opsynth
